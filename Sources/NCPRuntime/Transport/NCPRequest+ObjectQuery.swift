import Foundation

/// Query parameters that hold an object or open JSON, in the three forms OpenAPI describes.
extension NCPRequest {
    /// `style: form, explode: true`: each property its own `key=value` (a list repeats its key; a nested object goes
    /// as JSON text). A nil value adds nothing.
    public mutating func appendFormObjectQuery(_ name: String, _ value: (some Encodable)?) throws {
        guard let value else { return }
        guard case .object(let members) = try Self.json(value) else { return appendFlat(name, try Self.json(value)) }
        for (key, member) in members.sorted(by: { $0.key < $1.key }) { appendFlat(key, member) }
    }

    /// `style: deepObject`: `name[key]=value`, nested objects as `name[key][inner]=value`. A nil value adds nothing.
    public mutating func appendDeepObjectQuery(_ name: String, _ value: (some Encodable)?) throws {
        guard let value else { return }
        appendDeep(name, try Self.json(value))
    }

    /// `content: application/json`: the value as compact JSON text in one parameter. A nil value adds nothing.
    public mutating func appendJSONQuery(_ name: String, _ value: (some Encodable)?) throws {
        guard let value else { return }
        let text = String(decoding: try NCPJSON.sharedEncoder.encode(value), as: UTF8.self)
        appendQuery(name, text)
    }

    private static func json(_ value: some Encodable) throws -> JSONValue {
        try NCPJSON.sharedDecoder.decode(JSONValue.self, from: NCPJSON.sharedEncoder.encode(value))
    }

    /// One scalar as text; a list repeats the name; an object goes as JSON text; null adds nothing.
    private mutating func appendFlat(_ name: String, _ value: JSONValue) {
        switch value {
        case .null: return
        case .array(let items): for item in items { appendFlat(name, item) }
        case .object: appendQuery(name, Self.text(of: value))
        default: appendQuery(name, Self.text(of: value))
        }
    }

    private mutating func appendDeep(_ name: String, _ value: JSONValue) {
        switch value {
        case .object(let members):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) { appendDeep(name + "[" + key + "]", member) }
        case .array(let items):
            for item in items { appendDeep(name, item) }
        default:
            appendFlat(name, value)
        }
    }

    /// A scalar's text as the service reads it: strings bare, numbers and booleans as JSON writes them.
    private static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return (try? String(decoding: NCPJSON.sharedEncoder.encode(value), as: UTF8.self)) ?? ""
        }
    }
}
