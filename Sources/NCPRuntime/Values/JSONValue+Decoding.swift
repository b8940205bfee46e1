extension JSONValue {
    /// How deeply open JSON may nest; deeper answers are a decoding error.
    ///
    /// Telling an object from an array from a scalar takes failed container requests, and each failure makes the
    /// decoder build its whole coding path, which costs the square of the depth (`JSONDecoder` appends the path
    /// one level at a time). Within this depth that stays small, so decoding stays linear in the size of the
    /// answer; no documented answer nests deeper than a handful of levels.
    public static let maximumDepth = 64

    @TaskLocal private static var depth = 0

    /// What the decoding error says when open JSON nests too deeply.
    static let tooDeep = "open JSON nested deeper than \(maximumDepth) levels"

    /// Decodes any JSON value with at most one failed container request per level, objects first: they are what
    /// open JSON is made of, and recognising one costs no failure at all.
    public init(from decoder: any Decoder) throws {
        let depth = Self.depth + 1
        guard depth <= Self.maximumDepth else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: Self.tooDeep))
        }
        self = try Self.$depth.withValue(depth) { try Self.decodeLevel(from: decoder) }
    }

    private static func decodeLevel(from decoder: any Decoder) throws -> JSONValue {
        if let object = try? decoder.container(keyedBy: JSONKey.self) {
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(object.allKeys.count)
            for key in object.allKeys {
                members[key.stringValue] = try object.decode(JSONValue.self, forKey: key)
            }
            return .object(members)
        }
        if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            if let count = array.count { elements.reserveCapacity(count) }
            while !array.isAtEnd {
                elements.append(try array.decode(JSONValue.self))
            }
            return .array(elements)
        }
        let scalar = try decoder.singleValueContainer()
        if scalar.decodeNil() { return .null }
        if let text = try? scalar.decode(String.self) { return .string(text) }
        if let bool = try? scalar.decode(Bool.self) { return .bool(bool) }
        if let integer = try? scalar.decode(Int64.self) { return .integer(integer) }
        return .number(try scalar.decode(Double.self))
    }
}

/// Any object member name.
private struct JSONKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
