/// A coding key for any wire name: what generated types use when a field has several spellings or when
/// unknown fields are kept.
public struct NCPCodingKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
    public init(stringLiteral value: String) { stringValue = value }
}

extension KeyedDecodingContainer where Key == NCPCodingKey {
    /// The value under the first of `keys` present; the first key's error when none is.
    public func decode<Value: Decodable>(_ type: Value.Type, forKeys keys: [String]) throws -> Value {
        for key in keys.dropFirst() where contains(NCPCodingKey(stringValue: key)) {
            return try decode(type, forKey: NCPCodingKey(stringValue: key))
        }
        return try decode(type, forKey: NCPCodingKey(stringValue: keys[0]))
    }

    /// The value under the first of `keys` present and not null.
    public func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKeys keys: [String]) throws -> Value? {
        for key in keys {
            if let value = try decodeIfPresent(type, forKey: NCPCodingKey(stringValue: key)) { return value }
        }
        return nil
    }

    /// Every field not in `known`, as open JSON.
    public func additionalFields(excluding known: Set<String>) throws -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for key in allKeys where !known.contains(key.stringValue) {
            fields[key.stringValue] = try decode(JSONValue.self, forKey: key)
        }
        return fields
    }
}

extension KeyedEncodingContainer where Key == NCPCodingKey {
    /// Writes kept unknown fields back; the known fields, encoded after, win on a clash.
    public mutating func encodeAdditionalFields(_ fields: [String: JSONValue]) throws {
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            try encode(value, forKey: NCPCodingKey(stringValue: key))
        }
    }
}

/// A value kept out of line, so a generated struct can hold a value of its own type (a tree node's parent).
/// It encodes and decodes as the value itself.
public final class NCPIndirect<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    /// The value.
    public let value: Value

    /// Wraps a value.
    public init(_ value: Value) {
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        value = try Value(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }

    public static func == (lhs: NCPIndirect, rhs: NCPIndirect) -> Bool { lhs.value == rhs.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
