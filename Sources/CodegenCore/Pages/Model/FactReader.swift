import Foundation

/// Reads what a row's description and bullets state about a value — ranges with and without units, defaults,
/// enum values in any case and with hyphens, characters that can't be used — and the page-level sentences
/// about rate limits and deprecation. English, Korean and Japanese wordings.
enum FactReader {
    private enum Kind { case string, integer, array, other }

    private static func kind(of type: String) -> Kind {
        let lower = type.lowercased()
        if lower.hasPrefix("array") || lower.hasPrefix("list") || lower.hasPrefix("set") || lower.hasSuffix("[]") { return .array }
        if ["integer", "int", "int32", "int64", "long", "number", "double", "float"].contains(lower) { return .integer }
        if ["string", "date", "datetime", "enum", "timestamp"].contains(lower) { return .string }
        return .other
    }

    /// The facts of one row.
    static func facts(description: String, bullets: [(text: String, depth: Int)], type: String, line: Int) -> FieldFacts {
        var facts = FieldFacts()
        let kind = kind(of: type)
        let isBytes = description.lowercased().has("(byte)") || description.has("(Kbyte)") || description.has("(KB)")
        let statements = [(unescaped(description), -1)] + bullets.map { (unescaped($0.text), $0.depth) }
        for (offset, (statement, depth)) in statements.enumerated() {
            let text = statement.trimmed()
            if text.isEmpty { continue }
            let following = statements.dropFirst(offset + 1).prefix { $0.1 > depth }.map(\.0)
            readEnum(text, following: following, into: &facts, line: line)
            readRange(text, kind: kind, isBytes: isBytes, wholeStatement: offset > 0, into: &facts, line: line)
            readDefault(text, into: &facts, line: line)
            readForbidden(text, following: following, into: &facts, line: line)
            let lower = text.lowercased()
            if lower.has("blank string") || lower.has("only spaces") || lower.has("공백만") { facts.notBlank = true }
            if text.has("ISO 8601") || text.has("ISO8601") { facts.isDateTime = true }
        }
        return facts
    }

    /// `\|` is how some renderings write a pipe inside a cell.
    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\|", with: "|")
    }

    // MARK: Enum values

    private static let valuePattern = #"^([A-Za-z0-9][A-Za-z0-9_.\-]*)(\s*\((?:default|기본값|デフォルト)\))?$"#

    private static func readEnum(_ text: String, following: [String], into facts: inout FieldFacts, line: Int) {
        guard facts.enumValues.isEmpty else { return }
        var body = text
        if let options = body.range(of: "Options", options: [.anchored, .caseInsensitive]) {
            body = String(body[options.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
            body = body.replacingOccurrences(of: #"\s*\[[^\]]*\]\s*$"#, with: "", options: .regularExpression)
            // `serverName (server name) | ip (IP address)`: each option's first word.
            let words = body.split(separator: "|").map { $0.trimmed().split(separator: " ").first.map(String.init) ?? "" }
            if words.count >= 2, words.allSatisfy({ RegexCache.matches($0, valuePattern) }) {
                facts.enumValues = words
                facts.enumLine = line
            }
            return
        }
        let parts = body.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmed() }
        var values: [String] = []
        var defaultValue: String?
        for part in parts {
            guard let regex = RegexCache.regex(valuePattern),
                  let match = regex.firstMatch(in: part, range: NSRange(part.startIndex..., in: part)),
                  let range = Range(match.range(at: 1), in: part) else { return }
            let value = String(part[range])
            values.append(value)
            if match.range(at: 2).location != NSNotFound { defaultValue = value }
        }
        let meanings = Dictionary(following.compactMap { item -> (String, String)? in
            guard let colon = item.firstIndex(of: ":") else { return nil }
            let key = item[..<colon].trimmed()
            return (key, item[item.index(after: colon)...].trimmed())
        }, uniquingKeysWith: { first, _ in first })
        // A single value is an enum only when a sub-item explains it (`IMAGE` then `IMAGE: Image`).
        guard values.count >= 2 || (values.count == 1 && meanings[values[0]] != nil) else { return }
        guard !Set(values.map { $0.lowercased() }).isSubset(of: ["true", "false"]) else { return }
        facts.enumValues = values
        facts.enumMeanings = meanings.filter { values.contains($0.key) }
        facts.enumLine = line
        if let defaultValue, facts.defaultValue == nil { facts.defaultValue = PageText(text: defaultValue, line: line) }
    }

    // MARK: Ranges

    private static let unitWords: [(words: [String], unit: String)] = [
        (["characters", "character", "chars", "자", "文字"], "length"),
        (["items", "item", "entries", "entry", "개", "件", "個"], "items"),
        (["bytes", "byte"], "bytes"),
    ]

    private static func unit(_ word: String?) -> String? {
        guard let word = word?.lowercased(), !word.isEmpty else { return nil }
        return unitWords.first { $0.words.contains(word) }?.unit
    }

    private static func number(_ text: String) -> Int64? {
        Int64(text.replacingOccurrences(of: ",", with: ""))
    }

    private static func readRange(_ text: String, kind: Kind, isBytes: Bool, wholeStatement: Bool, into facts: inout FieldFacts, line: Int) {
        let normalized = text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "~", with: "-")
        func store(_ min: Int64?, _ max: Int64?, unit: String?, label: String? = nil) {
            var target = unit
            if target == nil {
                if isBytes { target = "bytes" } else {
                    switch kind {
                    case .array: target = "items"
                    case .string: target = "length"
                    case .integer: target = label == nil ? "value" : "length"
                    case .other: target = nil
                    }
                }
            }
            if kind == .array, target == "length" { target = "items" }
            let range = FieldFacts.Range(min: min, max: max, line: line)
            switch target {
            case "length": if facts.length == nil { facts.length = range }
            case "items": if facts.items == nil { facts.items = range }
            case "bytes": if facts.bytes == nil { facts.bytes = range }
            case "value": if facts.value == nil { facts.value = range }
            default: break
            }
        }
        let units = #"(characters?|chars|자|文字|items?|entries|개|件|bytes?)?"#
        // `1-30 characters`, `Length limit: 3-63 characters`, `1-1000 (default: 1000)`, `0-10`, `1-N (default: 1)`.
        if wholeStatement, let groups = captures(normalized, #"(?i)^(?:(length limit|length|range|size|길이|범위|長さ)\s*:\s*)?(-?\d[\d,]*)\s*-\s*(\d[\d,]*|N)\s*"#
            + units + #"\s*(?:\((?:default|기본값)\s*:?\s*[^)]*\))?\s*\.?$"#) {
            store(number(groups[1] ?? ""), number(groups[2] ?? ""), unit: unit(groups[3]), label: groups[0])
            return
        }
        // `1 or more`, `0 and up`, `1 이상`.
        if wholeStatement, let groups = captures(normalized, #"(?i)^(-?\d[\d,]*)\s*"# + units + #"\s*(?:or more|and up|and above|이상)\.?$"#) {
            store(number(groups[0] ?? ""), nil, unit: unit(groups[1]))
            return
        }
        // `Up to 100 entries allowed`, `Up to 24 characters`, `최대 40자`, `Maximum 30 items`.
        if let groups = captures(normalized, #"(?i)(?:^|\b)(?:up to|maximum(?: of)?|at most|최대)\s*(\d[\d,]*)\s*"# + units + #"(?:\s+allowed|\s+can be\b.*)?\s*(?:[.,;)]|$)"#),
           wholeStatement || groups[1] != nil {
            let unitName = unit(groups[1])
            if unitName != nil || wholeStatement, !normalized.lowercased().has("calls") {
                store(nil, number(groups[0] ?? ""), unit: unitName)
                return
            }
        }
        // `40-character limit`, `Enter 40 characters or less`.
        if let groups = captures(normalized, #"(?i)(\d[\d,]*)\s*-?\s*characters?\s*(?:limit|or less|or fewer)"#) {
            store(nil, number(groups[0] ?? ""), unit: "length")
            return
        }
        // The old pages' restrictions column: `Min: 0, Max: 2147483647`.
        if let groups = captures(normalized, #"(?i)Min\s*:\s*(-?\d[\d,]*)\s*,?\s*Max\s*:\s*(-?\d[\d,]*)"#) {
            store(number(groups[0] ?? ""), number(groups[1] ?? ""), unit: kind == .string ? "length" : nil)
        }
    }

    // MARK: Defaults

    private static func readDefault(_ text: String, into facts: inout FieldFacts, line: Int) {
        guard facts.defaultValue == nil else { return }
        if let groups = captures(text, #"(?i)(?:^|\(|\s|-\s)(?:default|기본값|デフォルト)\s*(?:value)?\s*[:=]\s*([^\s,()]+(?: [A-Z][A-Za-z]*)?)"#),
           let value = groups[0] {
            facts.defaultValue = PageText(text: value.trimmingCharacters(in: CharacterSet(charactersIn: ".)")), line: line)
        }
    }

    // MARK: Characters that can't be used

    private static let forbiddenWords = ["can't be used", "cannot be used", "can not be used", "can't be entered", "cannot be entered",
                                         "are not allowed", "is not allowed", "사용할 수 없", "입력 불가", "사용 불가", "使用できません", "入力できません"]

    private static func readForbidden(_ text: String, following: [String], into facts: inout FieldFacts, line: Int) {
        let lower = text.lowercased()
        guard forbiddenWords.contains(where: { lower.has($0) }) else { return }
        var characters: [Character] = []
        // `Semicolons (;), vertical bars (|), and backticks (`) can't be used.`
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            let after = rest.index(after: open)
            if after < rest.endIndex, rest.index(after: after) < rest.endIndex, rest[rest.index(after: after)] == ")" {
                characters.append(rest[after])
            }
            rest = rest[after...]
        }
        // `File paths containing the following special characters can't be entered` with the characters below.
        if characters.isEmpty, let list = following.first(where: { item in
            !item.isEmpty && item.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic && !("0"..."9").contains($0) && $0 != " " }
        }) {
            characters = Array(list)
        }
        guard !characters.isEmpty else { return }
        for character in characters where !facts.forbiddenCharacters.contains(character) { facts.forbiddenCharacters.append(character) }
        facts.forbiddenLine = line
    }

    // MARK: Page sentences

    /// `Up to 1000 calls can be made per minute.`, `Call limit: 50 calls per second`, `1 tps`, `초당 50회`.
    static func rateLimits(in text: String, line: Int) -> [PageRateLimit] {
        let patterns = [
            #"(?i)up to ([\d,]+) (?:calls|requests|times) (?:can be made |are allowed |can be called )?per (second|minute|hour|day)"#,
            #"(?i)(?:call|request|rate) limit\s*:\s*([\d,]+) (?:calls?|requests?) per (second|minute|hour|day)"#,
            #"(?i)([\d,]+) (?:calls|requests) per (second|minute|hour|day)"#,
        ]
        for pattern in patterns {
            if let groups = captures(text, pattern), let limit = groups[0].flatMap({ Int($0.replacingOccurrences(of: ",", with: "")) }),
               let per = groups[1] {
                return [PageRateLimit(limit: limit, per: per.lowercased(), text: text, line: line)]
            }
        }
        if let groups = captures(text, #"(?i)([\d,]+)\s*tps"#), let limit = groups[0].flatMap({ Int($0) }) {
            return [PageRateLimit(limit: limit, per: "second", text: text, line: line)]
        }
        let korean: [String: String] = ["초": "second", "분": "minute", "시간": "hour", "일": "day"]
        if let groups = captures(text, #"(초|분|시간|일)당\s*(?:최대\s*)?([\d,]+)\s*(?:회|건|번)"#), let unit = groups[0].flatMap({ korean[$0] }),
           let limit = groups[1].flatMap({ Int($0.replacingOccurrences(of: ",", with: "")) }) {
            return [PageRateLimit(limit: limit, per: unit, text: text, line: line)]
        }
        let japanese: [String: String] = ["秒": "second", "分": "minute", "時間": "hour", "日": "day"]
        if let groups = captures(text, #"(秒|分|時間|日)(?:あたり|間に|当たり)\s*(?:最大\s*)?([\d,]+)\s*回"#), let unit = groups[0].flatMap({ japanese[$0] }),
           let limit = groups[1].flatMap({ Int($0.replacingOccurrences(of: ",", with: "")) }) {
            return [PageRateLimit(limit: limit, per: unit, text: text, line: line)]
        }
        return []
    }

    /// The page, or the operation it documents, is deprecated or frozen.
    static func isDeprecation(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.has("(deprecated)") || lower.has("will no longer be updated") || lower.has("no longer be updated")
            || lower.hasPrefix("deprecated") || lower.has("is deprecated") || lower.has("지원 종료") || lower.has("더 이상 업데이트")
            || lower.has("廃止") || lower.has("更新されません")
    }

    /// The site's banner that a page does not show the latest changes yet.
    static func isNotUpToDate(_ text: String) -> Bool {
        text.has("have not yet been reflected") || text.has("最新のコンテンツが反映されていません")
            || text.has("최신 내용이 반영되지") || text.has("최신 콘텐츠가 반영되지")
    }

    // MARK: Matching

    /// The capture groups of the first match (nil for groups that did not take part), or nil without a match.
    static func captures(_ text: String, _ pattern: String) -> [String?]? {
        guard let regex = RegexCache.regex(pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<match.numberOfRanges).map { index in Range(match.range(at: index), in: text).map { String(text[$0]) } }
    }
}
