/// Reads the JSON of a page's examples, keeping the order of members: pages write examples by hand, so a
/// trailing comma, a `//` comment or a `...` placeholder is read past rather than failing the whole example.
enum ExampleJSON {
    /// The value, or nil when the text is not JSON even read forgivingly.
    static func parse(_ text: String) -> JSONText? {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return value
    }

    /// Every key of a value as a dotted path; an array's objects add their keys under the array's path.
    static func keyPaths(_ value: JSONText, prefix: String = "") -> [String] {
        switch value {
        case .object(let pairs):
            var paths: [String] = []
            for pair in pairs {
                let path = prefix + pair.key
                if !paths.contains(path) { paths.append(path) }
                for nested in keyPaths(pair.value, prefix: path + ".") where !paths.contains(nested) { paths.append(nested) }
            }
            return paths
        case .array(let items):
            var paths: [String] = []
            for item in items { for path in keyPaths(item, prefix: prefix) where !paths.contains(path) { paths.append(path) } }
            return paths
        default:
            return []
        }
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        var depth = 0

        mutating func skipSpace() {
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar.properties.isWhitespace {
                    position += 1
                } else if scalar == "/", position + 1 < scalars.count, scalars[position + 1] == "/" {
                    while position < scalars.count, scalars[position] != "\n" { position += 1 }
                } else {
                    return
                }
            }
        }

        mutating func value() -> JSONText? {
            skipSpace()
            guard position < scalars.count, depth < 64 else { return nil }
            switch scalars[position] {
            case "{": return object()
            case "[": return array()
            case "\"": return string().map(JSONText.string)
            case "t": return literal("true", .bool(true))
            case "f": return literal("false", .bool(false))
            case "n": return literal("null", .null)
            case ".":
                // A `...` placeholder for values the page leaves out.
                while position < scalars.count, scalars[position] == "." { position += 1 }
                return .null
            default: return number()
            }
        }

        mutating func literal(_ word: String, _ value: JSONText) -> JSONText? {
            let characters = Array(word.unicodeScalars)
            guard position + characters.count <= scalars.count, Array(scalars[position..<position + characters.count]) == characters else { return nil }
            position += characters.count
            return value
        }

        mutating func number() -> JSONText? {
            let start = position
            while position < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[position]) { position += 1 }
            guard position > start else { return nil }
            return .number(String(String.UnicodeScalarView(scalars[start..<position])))
        }

        mutating func string() -> String? {
            position += 1
            var result = String.UnicodeScalarView()
            while position < scalars.count {
                let scalar = scalars[position]
                position += 1
                if scalar == "\"" { return String(result) }
                if scalar == "\\", position < scalars.count {
                    let escaped = scalars[position]
                    position += 1
                    switch escaped {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    case "r": result.append("\r")
                    case "u":
                        guard position + 4 <= scalars.count,
                              let code = UInt32(String(String.UnicodeScalarView(scalars[position..<position + 4])), radix: 16) else { return nil }
                        position += 4
                        result.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    default: result.append(escaped)
                    }
                } else {
                    result.append(scalar)
                }
            }
            return nil
        }

        mutating func object() -> JSONText? {
            position += 1
            depth += 1
            defer { depth -= 1 }
            var pairs: [(key: String, value: JSONText)] = []
            while true {
                skipSpace()
                guard position < scalars.count else { return nil }
                if scalars[position] == "}" { position += 1; return .object(pairs) }
                if scalars[position] == "," { position += 1; continue }
                guard scalars[position] == "\"", let key = string() else { return nil }
                skipSpace()
                guard position < scalars.count, scalars[position] == ":" else { return nil }
                position += 1
                guard let value = value() else { return nil }
                pairs.append((key, value))
            }
        }

        mutating func array() -> JSONText? {
            position += 1
            depth += 1
            defer { depth -= 1 }
            var items: [JSONText] = []
            while true {
                skipSpace()
                guard position < scalars.count else { return nil }
                if scalars[position] == "]" { position += 1; return .array(items) }
                if scalars[position] == "," { position += 1; continue }
                guard let value = value() else { return nil }
                items.append(value)
            }
        }
    }
}
