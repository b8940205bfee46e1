/// Which object types hold which others directly (not inside an array): a struct can't contain itself, so a
/// property that leads back to its own type must be stored out of line, and a cycle of required properties
/// describes a value that can't exist.
struct TypeGraph {
    /// For each object type, the object types its non-array properties hold, with whether the property is required.
    private let edges: [String: [(target: String, required: Bool)]]

    init(_ spec: Spec) {
        let objectNames = Set(spec.types.map(\.name))
        var edges: [String: [(String, Bool)]] = [:]
        for type in spec.types {
            edges[type.name] = type.properties.compactMap { property in
                guard case .reference(let name) = property.shape, objectNames.contains(name) else { return nil }
                return (name, property.required && !property.nullable)
            }
        }
        self.edges = edges
    }

    /// Whether holding a `target` (directly) can lead back to `owner`: the property must then be stored indirectly.
    func leadsBack(from target: String, to owner: String) -> Bool {
        reaches(from: target, to: owner, requiredOnly: false)
    }

    /// Whether `type` requires a value of its own type, through required properties only.
    func requiresItself(_ type: String) -> Bool {
        (edges[type] ?? []).contains { $0.required && reaches(from: $0.target, to: type, requiredOnly: true) }
    }

    private func reaches(from start: String, to goal: String, requiredOnly: Bool) -> Bool {
        var seen: Set<String> = []
        var stack = [start]
        while let name = stack.popLast() {
            if name == goal { return true }
            guard seen.insert(name).inserted else { continue }
            stack += (edges[name] ?? []).filter { !requiredOnly || $0.required }.map(\.target)
        }
        return false
    }
}
