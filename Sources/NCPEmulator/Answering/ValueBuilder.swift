import CodegenCore
import Foundation
import NCPRuntime

/// Values for answers the spec gives no example of, built from the documented fields: every required field, with
/// its default where it has one, else a placeholder that meets its limits.
struct ValueBuilder: Sendable {
    let index: SpecIndex
    var types: [String: ObjectType] { index.types }
    var enums: [String: EnumType] { index.enums }

    init(spec: Spec) {
        index = SpecIndex(spec: spec)
    }

    /// A value of the named type, enum or primitive.
    func value(named name: String, seed: Int = 1) -> JSONValue {
        value(for: SpecShapes.shape(named: name), field: nil, seed: seed, depth: 0)
    }

    func value(for shape: Shape, field: Field?, seed: Int, depth: Int) -> JSONValue {
        if let defaultValue = field?.defaultValue { return Self.json(defaultValue) }
        switch shape {
        case .primitive(.string):
            let minimum = field?.constraints.minLength ?? 1
            let text = (field?.name ?? "value") + "-\(seed)"
            return .string(text.count >= minimum ? text : text + String(repeating: "x", count: minimum - text.count))
        case .primitive(.int32), .primitive(.int64):
            return .integer(max(field?.constraints.minimum ?? Int64(seed), Int64(seed)))
        case .primitive(.number): return .number(Double(seed))
        case .primitive(.boolean): return .bool(false)
        case .primitive(.datetime): return .string("2026-01-01T09:00:00+09:00")
        case .primitive(.json), .primitive(.file): return .object([:])
        case .reference(let name):
            if let enumType = enums[name] { return .string(enumType.values.first?.value ?? "") }
            guard let type = types[name], depth < 6 else { return .object([:]) }
            var members: [String: JSONValue] = [:]
            for property in type.properties where property.required || property.defaultValue != nil {
                members[property.name] = value(for: property.shape, field: property, seed: seed, depth: depth + 1)
            }
            return .object(members)
        case .array(let items):
            guard field?.required == true || (field?.constraints.minItems ?? 0) > 0 else { return .array([]) }
            return .array((0..<max(1, field?.constraints.minItems ?? 1)).map { value(for: items.shape, field: items, seed: seed + $0, depth: depth + 1) })
        }
    }

    /// A spec's example or default value as JSON.
    static func json(_ value: SpecValue) -> JSONValue {
        switch value {
        case .null: .null
        case .bool(let flag, _): .bool(flag)
        case .int(let number, _): .integer(number)
        case .double(let number, _): .number(number)
        case .string(let text, _): .string(text)
        case .array(let items, _): .array(items.map(json))
        case .object(let members, _): .object(Dictionary(members.map { ($0.key, json($0.value)) }, uniquingKeysWith: { _, last in last }))
        }
    }
}

/// The shape a bare name stands for: a primitive's, else a type's or enum's.
enum SpecShapes {
    static func shape(named name: String) -> Shape {
        Primitive(rawValue: name).map(Shape.primitive) ?? .reference(name)
    }
}
