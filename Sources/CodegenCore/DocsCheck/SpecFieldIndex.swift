/// A spec field found under a documented name: the field, its dotted wire path, whether the name is one of
/// its alternative wire names, and where a sibling of it would be added.
struct SpecFieldRef {
    var field: Field
    var path: String
    var alternative: String?
    /// The field belongs to a type the spec marks `partial` (its page was cut off): the docs may list fewer.
    var inPartialType = false
}

/// The fields of one request or response part by dotted wire path, nested types followed.
struct SpecFieldIndex {
    var byPath: [String: SpecFieldRef] = [:]
    /// Where a new child of a path goes (`""` is the top level).
    var containers: [String: FieldContainer] = [:]
    /// Paths the spec holds as open JSON: whatever the docs list under them is taken as it comes.
    var openPaths: Set<String> = []

    init(fields: [Field], container: FieldContainer?, partial: Bool = false, spec: Spec) {
        if let container { containers[""] = container }
        add(fields, prefix: "", depth: 0, visiting: [], partial: partial, spec: spec)
    }

    private mutating func add(_ fields: [Field], prefix: String, depth: Int, visiting: Set<String>, partial: Bool, spec: Spec) {
        for field in fields {
            let path = prefix + field.name
            byPath[path] = SpecFieldRef(field: field, path: path, inPartialType: partial)
            for alternative in field.wireNames {
                byPath[prefix + alternative] = SpecFieldRef(field: field, path: path, alternative: alternative, inPartialType: partial)
            }
            var shape = field.shape
            if case .array(let items) = shape { shape = items.shape }
            switch shape {
            case .primitive(.json):
                openPaths.insert(path)
            case .reference(let name):
                guard depth < 8, !visiting.contains(name), let type = spec.types.first(where: { $0.name == name }) else { continue }
                containers[path] = .type(name)
                add(type.properties, prefix: path + ".", depth: depth + 1, visiting: visiting.union([name]), partial: type.partial, spec: spec)
            default:
                break
            }
        }
    }

    /// The nearest path at or above `path` that the spec holds as open JSON.
    func isUnderOpenJSON(_ path: String) -> Bool {
        var current = path
        while !current.isEmpty {
            if openPaths.contains(current) { return true }
            current = DocsChecker.parent(current)
        }
        return false
    }
}

extension DocsChecker {
    static func parent(_ path: String) -> String {
        guard let dot = path.lastIndex(of: ".") else { return "" }
        return String(path[..<dot])
    }

    /// Path parameters with shared ones resolved.
    func resolvedParameters(_ operation: Operation) -> [Field] {
        operation.parameters.map { parameter in
            guard parameter.style == "shared", let shared = spec.sharedParameters.first(where: { $0.name == parameter.name }) else { return parameter }
            return shared
        }
    }

    /// The index of one section of an operation.
    func index(_ section: FieldSection, of operation: Operation) -> SpecFieldIndex? {
        switch section {
        case .path:
            return SpecFieldIndex(fields: resolvedParameters(operation).filter { $0.location == .path }, container: nil, spec: spec)
        case .query:
            return SpecFieldIndex(fields: resolvedParameters(operation).filter { $0.location == .query }, container: .query(operation: operation.id), spec: spec)
        case .header:
            return SpecFieldIndex(fields: resolvedParameters(operation).filter { $0.location == .header }, container: nil, spec: spec)
        case .body:
            guard let body = operation.body else { return SpecFieldIndex(fields: [], container: .body(operation: operation.id), spec: spec) }
            return SpecFieldIndex(fields: body.properties, container: .body(operation: operation.id), partial: body.partial, spec: spec)
        case .response:
            switch operation.result {
            case .reference(let name, _), .array(let name, _):
                guard let type = spec.types.first(where: { $0.name == name }) else { return nil }
                var index = SpecFieldIndex(fields: type.properties, container: .type(name), partial: type.partial, spec: spec)
                index.containers[""] = .type(name)
                return index
            case .none, .binary:
                return SpecFieldIndex(fields: [], container: nil, spec: spec)
            case .undocumented:
                return nil
            }
        }
    }

    /// The envelope the operation's answers come in, if any.
    func answerEnvelope(_ operation: Operation) -> AnswerShape.Envelope? {
        (operation.answers?.resolved(over: spec.service.answers) ?? (spec.service.answers?.resolved(over: nil) ?? (nil, []))).envelope
    }
}
