/// A type as a page writes it — `String`, `Integer`, `Long`, `Array<Integer>`, `List<AttachFile>`, `Array[enum]`,
/// `Map<String, String>`, `File` — read once, for `docs-check` and page `import` alike.
indirect enum DocumentedType: Equatable {
    case string, integer, int32, boolean, number, dateTime, enumeration, object, map, file, json
    /// An array, with its items' type when the page states one.
    case array(DocumentedType?)
    /// A type the page names (`AttachFile`): its fields are in a table of their own, if anywhere.
    case named(String)

    /// The type a cell states; nil for an empty cell.
    init?(_ text: String) {
        let text = text.trimmed()
        guard !text.isEmpty else { return nil }
        let lower = text.lowercased().replacingOccurrences(of: " ", with: "")
        if lower.hasPrefix("array") || lower.hasPrefix("list") || lower.hasPrefix("set") {
            let inner = String(text.drop { $0 != "<" && $0 != "[" }.dropFirst().prefix { $0 != ">" && $0 != "]" })
            self = .array(DocumentedType(inner))
            return
        }
        if lower.hasSuffix("[]"), lower != "byte[]" {
            self = .array(DocumentedType(String(text.dropLast(2))))
            return
        }
        if lower.hasPrefix("map") {
            self = .map
            return
        }
        switch lower {
        case "string", "str", "char", "text", "문자열", "文字列": self = .string
        case "integer", "int", "int64", "long", "정수": self = .integer
        case "int32", "short": self = .int32
        case "boolean", "bool": self = .boolean
        case "number", "double", "float", "decimal", "bigdecimal": self = .number
        case "date", "datetime", "timestamp": self = .dateTime
        case "enum": self = .enumeration
        case "object", "obj", "json": self = lower == "json" ? .json : .object
        case "file", "binary", "byte[]", "multipartfile": self = .file
        default:
            guard let first = text.first, first.isASCII, first.isUppercase,
                  text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { self = .json; return }
            self = .named(text)
        }
    }

    /// The spec's word for a scalar of this type: `string`, `int64`, `datetime` …; nil for what isn't one.
    func primitive(isDateTime: Bool) -> String? {
        switch self {
        case .string, .enumeration: isDateTime ? "datetime" : "string"
        case .integer: "int64"
        case .int32: "int32"
        case .boolean: "boolean"
        case .number: "number"
        case .dateTime: "datetime"
        default: nil
        }
    }
}
