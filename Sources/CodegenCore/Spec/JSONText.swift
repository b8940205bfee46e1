/// JSON written the way a person would (two-space indentation, members in the order given): the test double's
/// default answers, the exported OpenAPI document, default values in messages.
indirect enum JSONText: Sendable {
    case null
    case bool(Bool)
    /// The number as JSON writes it.
    case number(String)
    case string(String)
    case array([JSONText])
    case object([(key: String, value: JSONText)])

    /// The spec's YAML value as JSON.
    init(_ value: SpecValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag, _): self = .bool(flag)
        case .int(let number, _): self = .number(String(number))
        // JSON has no infinity or NaN; such a number never decodes anyway.
        case .double(let number, _): self = .number(number.isFinite ? String(number) : "0")
        case .string(let text, _): self = .string(text)
        case .array(let items, _): self = .array(items.map(JSONText.init))
        case .object(let pairs, _): self = .object(pairs.map { ($0.key, JSONText($0.value)) })
        }
    }

    /// The member of an object with this key.
    subscript(key: String) -> JSONText? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// Sets an object's member, replacing it where it is or adding it at the end.
    mutating func set(_ key: String, to value: JSONText) {
        guard case .object(var pairs) = self else { return }
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = value
        } else {
            pairs.append((key, value))
        }
        self = .object(pairs)
    }

    /// The text, one line per member or item; empty containers stay on one line.
    var lines: [String] {
        switch self {
        case .null: return ["null"]
        case .bool(let flag): return [flag ? "true" : "false"]
        case .number(let text): return [text]
        case .string(let text): return [Self.quoted(text)]
        case .array(let items):
            guard !items.isEmpty else { return ["[]"] }
            return ["["] + Self.members(items.map(\.lines)) + ["]"]
        case .object(let pairs):
            guard !pairs.isEmpty else { return ["{}"] }
            return ["{"] + Self.members(pairs.map { pair in
                var lines = pair.value.lines
                lines[0] = Self.quoted(pair.key) + ": " + lines[0]
                return lines
            }) + ["}"]
        }
    }

    /// The text on one line (`{"a": 1, "b": [true]}`), which is also a YAML flow value.
    var compact: String {
        switch self {
        case .null, .bool, .number, .string: lines[0]
        case .array(let items): "[" + items.map(\.compact).joined(separator: ", ") + "]"
        case .object(let pairs): "{" + pairs.map { Self.quoted($0.key) + ": " + $0.value.compact }.joined(separator: ", ") + "}"
        }
    }

    /// Members indented one level, a comma after each but the last.
    private static func members(_ members: [[String]]) -> [String] {
        members.enumerated().flatMap { offset, lines in
            lines.enumerated().map { index, line in
                "  " + line + (index == lines.count - 1 && offset < members.count - 1 ? "," : "")
            }
        }
    }

    /// A JSON string: quotes, backslashes and every control or line-separating character escaped, so the text
    /// is always one line.
    static func quoted(_ text: String) -> String {
        "\"" + TextScan.escaped(text) { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } + "\""
    }
}
