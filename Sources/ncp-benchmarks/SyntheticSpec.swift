import CodegenCore

/// A spec `factor` times the size of a real one: every type, enum, operation and waiter copied under a new
/// name, with references and paths renamed to match.
enum SyntheticSpec {
    static func multiply(_ base: Spec, by factor: Int) -> Spec {
        var spec = base
        // Exact capacities: a doubling array would add its slack to the peak memory being measured.
        spec.types.reserveCapacity(base.types.count * factor)
        spec.enums.reserveCapacity(base.enums.count * factor)
        spec.operations.reserveCapacity(base.operations.count * factor)
        spec.waiters.reserveCapacity(base.waiters.count * factor)
        for copy in 1..<max(factor, 1) {
            let suffix = "Copy\(copy)"
            let typeNames = Set(base.types.map(\.name) + base.enums.map(\.name))
            func rename(_ field: Field) -> Field {
                var field = field
                switch field.shape {
                case .reference(let name) where typeNames.contains(name): field.shape = .reference(name + suffix)
                case .array(let items): field.shape = .array(rename(items))
                default: break
                }
                return field
            }
            spec.types += base.types.map { type in
                var type = type
                type.name += suffix
                type.properties = type.properties.map(rename)
                return type
            }
            spec.enums += base.enums.map { enumType in
                var enumType = enumType
                enumType.name += suffix
                return enumType
            }
            spec.operations += base.operations.map { operation in
                var operation = operation
                operation.id += suffix
                operation.path = "/copy\(copy)" + operation.path
                operation.parameters = operation.parameters.map(rename)
                if var body = operation.body {
                    body.properties = body.properties.map(rename)
                    operation.body = body
                }
                if case .reference(let name, let location) = operation.result { operation.result = .reference(name + suffix, location) }
                if var deprecated = operation.deprecated {
                    deprecated.replacement = deprecated.replacement.map { $0 + suffix }
                    operation.deprecated = deprecated
                }
                operation.starts = operation.starts.map { $0 + suffix }
                operation.examples = []
                return operation
            }
            spec.waiters += base.waiters.map { waiter in
                var waiter = waiter
                waiter.name += suffix
                waiter.operation += suffix
                waiter.startedBy = waiter.startedBy.map { $0 + suffix }
                return waiter
            }
        }
        return spec
    }
}
