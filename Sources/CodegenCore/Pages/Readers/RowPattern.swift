import Foundation

/// Reads a table row written as one line of words (`query.textQuery String Conditional Text query`), or with
/// its cells run together as the PDF rendering writes them (`nameStringRequiredTask name`), by the pattern the
/// header's column roles make: a name is a word, a type a type word, required-ness one of its words.
struct RowPattern {
    let roles: [ColumnRole]
    /// Tried in order: cells separated by spaces (the plain rendering), then run together (the PDF rendering),
    /// first without `-` as a required-ness so that `Content-TypeY…` reads as `Content-Type` and `Y`.
    private let regexes: [NSRegularExpression]
    /// The index of the first of two or more prose columns that end the row (`Message Description`): a line of
    /// words doesn't say where one ends and the next begins, so the first takes all their text and the others
    /// stay empty. Nil when the row ends in at most one prose column.
    let joinedProseColumn: Int?

    init(roles: [ColumnRole]) {
        self.roles = roles
        joinedProseColumn = Self.joinedProseColumn(roles)
        var regexes = [(#"\s+"#, true), (#"\s*"#, false), (#"\s*"#, true)].compactMap { separator, allowsDash in
            RegexCache.regex(Self.pattern(roles, separator: separator, allowsDash: allowsDash))
        }
        // A header's name run into its description in the PDF rendering (`x-ncp-apigw-timestampIt indicates …`):
        // a lower-case, hyphenated name ends where the sentence's capital begins.
        if roles.count == 2, roles[0] == .name, Self.isProse(roles[1]),
           let runTogether = RegexCache.regex(#"^([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?=[A-Z][a-z])(.*)$"#) {
            regexes.insert(runTogether, at: 0)
        }
        self.regexes = regexes
    }

    private static func isProse(_ role: ColumnRole) -> Bool {
        role == .description || role == .message || role == .other
    }

    private static func joinedProseColumn(_ roles: [ColumnRole]) -> Int? {
        let trailing = roles.reversed().prefix(while: isProse).count
        return trailing >= 2 ? roles.count - trailing : nil
    }

    private static func pattern(_ roles: [ColumnRole], separator: String, allowsDash: Bool) -> String {
        var pattern = "^"
        let joined = joinedProseColumn(roles)
        for (offset, role) in roles.enumerated() {
            let isLast = offset == roles.count - 1
            if let joined, offset > joined {
                pattern += "()"
                continue
            }
            let part: String
            switch role {
            case .name: part = #"([^\s|]+?)"#
            case .type: part = "((?i:" + CellWords.typePattern + "))"
            // `-` is "not stated" only where a word or the row ends: `x-ncp-…` is a name, not `x` and `-`.
            // `Y` and `N` can't run into a lower-case word: in `assetFileNameString…` the `N` begins `Name`.
            case .required: part = "(Required|Optional|Conditional|Mandatory|Yes|No|(?:Y|N)(?!\\p{Ll})" + (allowsDash ? #"|-(?=\s|$|[A-Z]|\p{Hangul})"# : "") + ")"
            case .restrictions: part = #"((?:Min\s*:\s*-?[\d,]+\s*,?\s*Max\s*:\s*-?[\d,]+)|-(?=\s)|)"#
            case .status: part = #"(\d{3})"#
            case .code: part = #"(-|\d+|[A-Z][A-Z0-9_]*)"#
            case .method: part = #"((?:GET|POST|PUT|PATCH|DELETE|HEAD)(?:\s*[,|]\s*(?:GET|POST|PUT|PATCH|DELETE|HEAD))*)"#
            case .uri: part = isLast ? #"(\S.*)"# : #"(\S+)"#
            case .region: part = #"(.+?)"#
            case .endpoint: part = #"(https?://\S+)"#
            case .description, .message, .other: part = isLast || offset == joined ? "(.*)" : "(.*?)"
            }
            let optionalGap = role == .restrictions || role == .description && isLast || offset == joined
            pattern += offset == 0 ? part : (optionalGap ? #"\s*"# : separator) + part
        }
        return pattern + "$"
    }

    /// The row's cells in column order, or nil when the line is not a row of this table.
    func match(_ line: String) -> [String]? {
        for regex in regexes {
            guard let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { continue }
            var cells: [String] = []
            for group in 1..<match.numberOfRanges {
                let range = Range(match.range(at: group), in: line)
                cells.append(range.map { String(line[$0]).trimmed() } ?? "")
            }
            // A field row's name is a field name, and its type a type.
            if let name = roles.firstIndex(of: .name), !CellWords.isFieldName(cells[name]) { continue }
            if let type = roles.firstIndex(of: .type), !CellWords.isType(cells[type]) { continue }
            return cells
        }
        return nil
    }
}

/// `POST /api/v1/workspaces`, `GET, POST /region/getRegionList`, `POST https://mail.apigw.ntruss.com/api/v1/files`:
/// the methods and path of an endpoint as a page writes it.
enum EndpointLine {
    static let allMethods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]

    /// The methods a cell lists (`GET, POST`, `GET | POST`), or nil when it lists anything else.
    static func methods(in text: String) -> [String]? {
        let words = text.split(whereSeparator: { $0 == "," || $0 == "|" || $0 == " " || $0 == "/" }).map(String.init)
        guard !words.isEmpty, words.allSatisfy({ allMethods.contains($0) }) else { return nil }
        return words
    }

    /// The path of a URI cell: a full URL's path (`https://{endpoint}/files` → `/files`), a path, or a path written
    /// without its leading slash (`tasks`). Nil when the cell is not a path.
    static func path(in text: String) -> String? {
        var text = text.trimmed()
        if let space = text.firstIndex(of: " ") {
            // `/files (multipart)` is a path with a remark; `Calls to API Gateway's InvokeURL` is prose.
            guard text.hasPrefix("/") || text.hasPrefix("http") else { return nil }
            text = String(text[..<space])
        }
        if let scheme = text.range(of: "://") {
            let afterHost = text[scheme.upperBound...]
            guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
            text = String(afterHost[slash...])
        }
        if let query = text.firstIndex(of: "?") { text = String(text[..<query]) }
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ !$0.properties.isWhitespace }),
              text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        if !text.hasPrefix("/") {
            guard CellWords.isFieldName(text.split(separator: "/").first.map(String.init) ?? "") else { return nil }
            text = "/" + text
        }
        return text
    }

    /// A line that is only an endpoint: `POST /api/v1/…`, `GET, POST /region/getRegionList`,
    /// `POST https://sens.apigw.ntruss.com/sms/v2/services/{serviceId}/messages`.
    static func parse(_ line: String) -> (methods: [String], path: String, url: String?)? {
        let trimmed = line.trimmed()
        guard let pathStart = trimmed.firstIndex(where: { $0 == "/" || $0 == "h" }) else { return nil }
        let methodText = String(trimmed[..<pathStart]).trimmed()
        let rest = String(trimmed[pathStart...])
        guard let methods = methods(in: methodText), !rest.has(" "),
              rest.hasPrefix("/") || rest.hasPrefix("http://") || rest.hasPrefix("https://"),
              let path = path(in: rest) else { return nil }
        return (methods, path, rest.hasPrefix("http") ? rest : nil)
    }
}
