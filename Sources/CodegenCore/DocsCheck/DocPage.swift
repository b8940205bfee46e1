import Foundation

/// One of NAVER's doc pages, read as far as a page can be read: the endpoint it documents, its field tables,
/// its error table and its examples. Reads both forms the site serves: Markdown-like text whose table rows are
/// split across lines (`name |` then `Type | Required | Description`), and plain text whose rows are words
/// (`query.textQuery String Conditional Text query …`).
public struct DocPage: Sendable {
    /// Which table a field row is in.
    public enum Section: String, Sendable {
        case path = "path parameter", query = "query parameter", body = "body field", response = "response field"
    }

    /// One row of a field table.
    public struct Row: Sendable {
        public var section: Section
        /// As the page writes it: `query.textQuery`, `result.status`.
        public var name: String
        /// As the page writes it: `String`, `Array<String>`, `Array[Integer]`, `enum`.
        public var type: String
        /// `required`, `optional`, `conditional`, or empty when the page says `-`.
        public var required: String
        public var description: String
        public var line: Int
    }

    /// One row of the error table.
    public struct ErrorRow: Sendable {
        public var status: Int
        public var code: String
        public var message: String
        public var line: Int
    }

    /// Where the page came from, for messages.
    public var name: String
    public var method: String?
    public var path: String?
    public var endpointLine = 0
    public var rows: [Row] = []
    public var errors: [ErrorRow] = []
    /// The keys of the request example's JSON body as dotted paths (`query.textQuery`), and where it starts.
    public var requestExample: (keys: [String], line: Int)?
    /// The same for the response example.
    public var responseExample: (keys: [String], line: Int)?

    /// A page that lists error codes but no endpoint: the API's overview.
    public var isOverview: Bool { method == nil && errors.count >= 3 }

    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    static let requiredWords: Set<String> = ["required", "optional", "conditional", "-"]

    /// Whether a word reads as a field type: `String`, `Integer`, `Array<String>`, `Array[enum]`, `Object` …
    static func isType(_ word: String) -> Bool {
        let lower = word.lowercased()
        return ["string", "integer", "int", "long", "boolean", "bool", "object", "number", "double", "float", "enum", "date", "datetime", "map"].contains(lower)
            || lower.hasPrefix("array") || lower.hasPrefix("list")
    }

    /// Reads a page's text.
    public init(name: String, text: String) {
        self.name = name
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var section: Section?
        var inErrorTable = false
        var current: Int?
        var index = 0
        while index < lines.count {
            let raw = lines[index]
            let line = raw.trimmingCharacters(in: .whitespaces)
            let lower = line.lowercased()
            let number = index + 1
            index += 1
            if let heading = Self.heading(lower) {
                section = heading.section
                inErrorTable = heading.errors
                current = nil
                if lower.hasPrefix("request example") { if let example = Self.requestJSON(lines, from: index) { requestExample = example } }
                if lower.hasPrefix("response example") { if let example = Self.responseJSON(lines, from: index) { responseExample = example } }
                continue
            }
            if method == nil, let (verb, path) = Self.endpoint(line) {
                method = verb
                self.path = path
                endpointLine = number
                continue
            }
            if let error = Self.errorRow(line, number: number, inTable: inErrorTable) {
                errors.append(error)
                continue
            }
            guard let section else { continue }
            // `name |` with the rest of the row on the next line.
            if line.hasSuffix("|"), !line.hasPrefix("|"), index < lines.count {
                let name = line.dropLast().trimmingCharacters(in: .whitespaces)
                let cells = lines[index].split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                if Self.isFieldName(name), cells.count >= 2, Self.isType(cells[0]) {
                    rows.append(Row(section: section, name: name, type: cells[0], required: Self.required(cells[1]),
                                    description: cells.dropFirst(2).joined(separator: " "), line: number))
                    current = rows.count - 1
                    index += 1
                    continue
                }
            }
            // `| name | Type | Required | Description |` on one line.
            if line.hasPrefix("|") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.count >= 3, Self.isFieldName(cells[0]), Self.isType(cells[1]) {
                    rows.append(Row(section: section, name: cells[0], type: cells[1], required: Self.required(cells[2]),
                                    description: cells.dropFirst(3).joined(separator: " "), line: number))
                    current = rows.count - 1
                }
                continue
            }
            // `name Type Required Description…` as words.
            let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).map(String.init)
            if words.count >= 3, Self.isFieldName(words[0]), Self.isType(words[1]), Self.requiredWords.contains(words[2].lowercased()) {
                rows.append(Row(section: section, name: words[0], type: words[1], required: Self.required(words[2]),
                                description: words.count > 3 ? words[3] : "", line: number))
                current = rows.count - 1
                continue
            }
            // Anything else under a row (bullets, wrapped text) belongs to its description.
            if let current, !line.isEmpty, line != "|" {
                rows[current].description += " " + line.trimmingCharacters(in: ["|", " "])
            }
        }
    }

    /// `Request body`, `Response status codes` …: which table follows, if any.
    static func heading(_ lower: String) -> (section: Section?, errors: Bool)? {
        switch lower {
        case "request path parameters", "request path parameter", "path parameters": (.path, false)
        case "request query parameters", "request query parameter", "query parameters", "request parameters": (.query, false)
        case "request body": (.body, false)
        case "response body": (.response, false)
        case "response status codes", "response status code": (nil, true)
        case _ where lower.hasPrefix("request example") || lower.hasPrefix("response example") || lower == "request headers"
            || lower == "request" || lower == "response" || lower == "responseerror":
            (nil, false)
        default: nil
        }
    }

    /// `POST /api/v1/…` or `| POST | /api/v1/… |`.
    static func endpoint(_ line: String) -> (String, String)? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "\t" }).map(String.init)
        guard words.count == 2, methods.contains(words[0]), words[1].hasPrefix("/") else { return nil }
        return (words[0], words[1])
    }

    /// `| 400 | 10001 | Invalid Request. | … |`, or `400 10001 Invalid Request. …` inside the status-code table.
    static func errorRow(_ line: String, number: Int, inTable: Bool) -> ErrorRow? {
        let cells = line.hasPrefix("|")
            ? line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            : inTable ? line.split(separator: " ", maxSplits: 2).map(String.init) : []
        guard cells.count >= 3, let status = Int(cells[0]), (100...599).contains(status),
              cells[1].count >= 4, cells[1].allSatisfy(\.isNumber) else { return nil }
        return ErrorRow(status: status, code: cells[1], message: cells[2], line: number)
    }

    static func isFieldName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, CharacterSet.letters.contains(first) || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "_.[]-".unicodeScalars.contains($0) }
            && !["field", "method", "name"].contains(text.lowercased())
    }

    static func required(_ word: String) -> String {
        let lower = word.lowercased()
        return lower == "-" ? "" : lower
    }

    /// The JSON after `--data '` in a curl example, up to the closing `'`.
    static func requestJSON(_ lines: [String], from start: Int) -> (keys: [String], line: Int)? {
        var index = start
        while index < lines.count, index < start + 40 {
            if let range = lines[index].range(of: "--data '") ?? lines[index].range(of: "--data-raw '") {
                var text = String(lines[index][range.upperBound...])
                let first = index + 1
                while !text.trimmingCharacters(in: .whitespaces).hasSuffix("'"), index + 1 < lines.count {
                    index += 1
                    text += "\n" + lines[index]
                }
                text = text.trimmingCharacters(in: .whitespaces)
                if text.hasSuffix("'") { text.removeLast() }
                return (try? JSONSerialization.jsonObject(with: Data(text.utf8))).map { (keyPaths($0), first) }
            }
            index += 1
        }
        return nil
    }

    /// The JSON object that follows a response-example heading: from its first `{` to the line that balances it.
    static func responseJSON(_ lines: [String], from start: Int) -> (keys: [String], line: Int)? {
        guard let open = lines[start...].prefix(10).firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("{") }) else { return nil }
        var depth = 0
        var text = ""
        for index in open..<lines.count {
            text += lines[index] + "\n"
            for character in lines[index] {
                if character == "{" { depth += 1 } else if character == "}" { depth -= 1 }
            }
            if depth <= 0 { break }
        }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))).map { (keyPaths($0), open + 1) }
    }

    /// Every key of a JSON value as a dotted path; an array's objects add their keys under the array's path.
    static func keyPaths(_ value: Any, prefix: String = "") -> [String] {
        if let object = value as? [String: Any] {
            return object.keys.sorted().flatMap { key in [prefix + key] + keyPaths(object[key]!, prefix: prefix + key + ".") }
        }
        if let array = value as? [Any] {
            return Array(Set(array.flatMap { keyPaths($0, prefix: prefix) })).sorted()
        }
        return []
    }
}
