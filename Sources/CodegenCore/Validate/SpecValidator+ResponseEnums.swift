extension SpecValidator {
    /// Every enum an answer can carry must be open: NAVER adds values (custom scene lengths, new asset types), and
    /// a closed enum would turn the whole answer into a decoding error. Closed enums are for requests only.
    mutating func checkResponseEnumsAreOpen() {
        var reported: Set<String> = []
        for (enumName, path) in enumsReadFromResponses() where !reported.contains(enumName) {
            guard let enumType = enumsByName[enumName], !enumType.open else { continue }
            reported.insert(enumName)
            diagnostics.error("enum '\(enumName)' is read from answers (\(path)) but is closed: an unknown value would fail the whole answer; set 'open: true' (closed enums are for requests only)",
                              at: enumType.location)
        }
    }

    /// Each enum reachable from an operation's result, with the first path that reaches it, in spec order.
    func enumsReadFromResponses() -> [(name: String, path: String)] {
        var found: [(String, String)] = []
        var visitedTypes: Set<String> = []
        func visit(_ shape: Shape, path: String) {
            switch shape {
            case .primitive: return
            case .array(let items): visit(items.shape, path: path + "[]")
            case .reference(let name):
                if enumsByName[name] != nil {
                    found.append((name, path))
                } else if let type = typesByName[name], visitedTypes.insert(name).inserted {
                    for property in type.properties { visit(property.shape, path: "\(name).\(property.name)") }
                }
            }
        }
        for operation in spec.operations {
            // A result that is itself an enum is refused elsewhere; answers are objects.
            if let name = operation.result.referencedName, typesByName[name] != nil {
                visit(.reference(name), path: "result of \(operation.id)")
            }
        }
        return found
    }
}
