import CodegenCore

/// A spec's types and enums by name, looked up by the checker and the value builder alike.
struct SpecIndex: Sendable {
    let types: [String: ObjectType]
    let enums: [String: EnumType]

    init(spec: Spec) {
        types = Dictionary(spec.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        enums = Dictionary(spec.enums.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
