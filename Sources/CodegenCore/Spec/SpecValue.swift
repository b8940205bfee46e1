/// A YAML value kept as data, with where it was written: defaults and examples.
public indirect enum SpecValue: Sendable {
    case null(SourceLocation)
    case bool(Bool, SourceLocation)
    case int(Int64, SourceLocation)
    case double(Double, SourceLocation)
    case string(String, SourceLocation)
    case array([SpecValue], SourceLocation)
    case object([(key: String, value: SpecValue)], SourceLocation)

    /// Where the value was written.
    public var location: SourceLocation {
        switch self {
        case .null(let l), .bool(_, let l), .int(_, let l), .double(_, let l), .string(_, let l),
             .array(_, let l), .object(_, let l):
            l
        }
    }

    /// A short name of the value's kind for messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }


    /// The member of an object with this key.
    public subscript(key: String) -> SpecValue? {
        guard case .object(let pairs, _) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }
}
