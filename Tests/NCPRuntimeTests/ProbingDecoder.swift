import Foundation
import NCPRuntime

/// A decoder over a `JSONValue` tree that counts the container requests that fail, the cost that made decoding open
/// JSON super-linear in depth (each failure records the whole coding path).
final class ProbingDecoder: Decoder {
    let value: JSONValue
    let failures: Counter
    let codingPath: [any CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]

    final class Counter { var count = 0 }

    init(_ value: JSONValue, failures: Counter) {
        self.value = value
        self.failures = failures
    }

    static func decode<T: Decodable>(_ type: T.Type, from json: String) throws -> (T, failures: Int) {
        let counter = Counter()
        let parsed = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        return (try T(from: ProbingDecoder(parsed, failures: counter)), counter.count)
    }

    func mismatch(_ expected: String) -> DecodingError {
        failures.count += 1
        return .typeMismatch(Any.self, .init(codingPath: [], debugDescription: "not \(expected)"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch("an object") }
        return KeyedDecodingContainer(Keyed<Key>(object: object, failures: failures))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let array) = value else { throw mismatch("an array") }
        return Unkeyed(array: array, failures: failures)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: [String: JSONValue]
        let failures: Counter
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }
        func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }
        func decodeNil(forKey key: Key) throws -> Bool { object[key.stringValue] == .null }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try T(from: ProbingDecoder(object[key.stringValue]!, failures: failures))
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try ProbingDecoder(object[key.stringValue]!, failures: failures).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try ProbingDecoder(object[key.stringValue]!, failures: failures).unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder { ProbingDecoder(.object(object), failures: failures) }
        func superDecoder(forKey key: Key) throws -> any Decoder { ProbingDecoder(object[key.stringValue]!, failures: failures) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let array: [JSONValue]
        let failures: Counter
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var count: Int? { array.count }
        var isAtEnd: Bool { currentIndex >= array.count }
        mutating func decodeNil() throws -> Bool { array[currentIndex] == .null }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            defer { currentIndex += 1 }
            return try T(from: ProbingDecoder(array[currentIndex], failures: failures))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            defer { currentIndex += 1 }
            return try ProbingDecoder(array[currentIndex], failures: failures).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            defer { currentIndex += 1 }
            return try ProbingDecoder(array[currentIndex], failures: failures).unkeyedContainer()
        }
        mutating func superDecoder() throws -> any Decoder { ProbingDecoder(.array(array), failures: failures) }
    }

    struct Single: SingleValueDecodingContainer {
        let decoder: ProbingDecoder
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { decoder.value == .null }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            switch decoder.value {
            case .bool(let value) where T.self == Bool.self: return value as! T
            case .string(let value) where T.self == String.self: return value as! T
            case .integer(let value) where T.self == Int64.self: return value as! T
            case .integer(let value) where T.self == Double.self: return Double(value) as! T
            case .number(let value) where T.self == Double.self: return value as! T
            default: break
            }
            if T.self == Bool.self || T.self == String.self || T.self == Int64.self || T.self == Double.self { throw decoder.mismatch("\(T.self)") }
            return try T(from: decoder)
        }
    }
}
