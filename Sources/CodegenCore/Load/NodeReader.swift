import Yams

/// Reads typed values out of one file's YAML nodes, recording every problem instead of stopping.
///
/// Each `read…` returns nil (and records an error naming the key and what was expected) when the node
/// has the wrong kind; callers carry on with the next key, so one run reports everything.
final class NodeReader {
    let file: String
    private(set) var diagnostics = Diagnostics()
    /// Nodes left to visit: a guard against alias bombs, whose shared subtrees multiply on traversal.
    private var nodeBudget: Int

    init(file: String, nodeBudget: Int = 500_000) {
        self.file = file
        self.nodeBudget = nodeBudget
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return .start(of: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    func error(_ message: String, at node: Node) {
        diagnostics.error(message, at: location(of: node))
    }

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.error(message, at: location)
    }

    func warning(_ message: String, at node: Node) {
        diagnostics.warning(message, at: location(of: node))
    }

    /// Spends one node of the budget; false (once, with an error) when the document is too large.
    func spend(_ node: Node) -> Bool {
        nodeBudget -= 1
        if nodeBudget == 0 {
            error("the document expands to too many nodes (aliases that multiply?); refusing to read further", at: node)
        }
        return nodeBudget > 0
    }

    // MARK: Mappings

    /// The pairs of a mapping whose keys are all known; unknown keys get a "did you mean" error.
    func mapping(_ node: Node, what: String, allowed: [String], required: [String] = []) -> Fields? {
        guard spend(node) else { return nil }
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping, not \(kindName(of: node))", at: node)
            return nil
        }
        var fields = Fields(location: location(of: node))
        for (keyNode, value) in pairs(of: mapping) {
            guard let key = keyNode.scalar?.string else {
                error("keys of \(what) must be plain strings", at: keyNode)
                continue
            }
            guard allowed.contains(key) else {
                error("unknown key '\(key)' in \(what)\(Suggestion.hint(for: key, in: allowed))", at: keyNode)
                continue
            }
            fields.values[key] = value
            fields.keyLocations[key] = location(of: keyNode)
        }
        for key in required where fields.values[key] == nil {
            error("\(what) is missing the required key '\(key)'", at: node)
        }
        return fields
    }

    /// A mapping's pairs with YAML merge keys expanded: `<<: *base` (or `<<: [*a, *b]`) brings in the pairs of
    /// the mappings named, where it stands; keys written in the mapping itself win, then earlier merged mappings.
    /// The pairs to read: the mapping's own, or with merge keys expanded when it has one.
    func pairs(of mapping: Node.Mapping) -> AnySequence<(key: Node, value: Node)> {
        guard mapping.contains(where: { key, _ in key.scalar?.string == "<<" }) else { return AnySequence(mapping) }
        return AnySequence(merged(mapping).map { (key: $0.0, value: $0.1) })
    }

    func merged(_ mapping: Node.Mapping, depth: Int = 0) -> [(Node, Node)] {
        let explicit = Set(mapping.compactMap { key, _ in key.scalar?.string == "<<" ? nil : key.scalar?.string })
        var seen = explicit
        var pairs: [(Node, Node)] = []
        for (key, value) in mapping {
            guard key.scalar?.string == "<<" else {
                pairs.append((key, value))
                continue
            }
            let sources: [Node]
            switch value {
            case .mapping: sources = [value]
            case .sequence(let items): sources = Array(items)
            default:
                error("'<<' merges mappings: give it an alias of a mapping (`<<: *base`) or a list of them", at: value)
                continue
            }
            for source in sources {
                guard case .mapping(let base) = source, depth < 16 else {
                    error("'<<' merges mappings, and this is \(kindName(of: source))", at: source)
                    continue
                }
                for (baseKey, baseValue) in merged(base, depth: depth + 1) {
                    guard let name = baseKey.scalar?.string, seen.insert(name).inserted else { continue }
                    pairs.append((baseKey, baseValue))
                }
            }
        }
        return pairs
    }

    /// The pairs of a mapping whose keys are names chosen by the spec's author, in file order.
    func namedEntries(_ node: Node, what: String) -> [(name: String, location: SourceLocation, value: Node)] {
        guard spend(node) else { return [] }
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping of names to entries, not \(kindName(of: node))", at: node)
            return []
        }
        var entries: [(String, SourceLocation, Node)] = []
        for (keyNode, value) in pairs(of: mapping) {
            guard let key = keyNode.scalar?.string, !key.isEmpty else {
                error("names in \(what) must be non-empty strings", at: keyNode)
                continue
            }
            entries.append((key, location(of: keyNode), value))
        }
        return entries
    }

    func sequence(_ node: Node, what: String) -> [Node]? {
        guard spend(node) else { return nil }
        guard case .sequence(let sequence) = node else {
            error("\(what) must be a list, not \(kindName(of: node))", at: node)
            return nil
        }
        return Array(sequence)
    }

    // MARK: Scalars

    func string(_ node: Node?, key: String) -> String? {
        guard let node, spend(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            error("'\(key)' must be a string, not \(kindName(of: node))", at: node)
            return nil
        }
        return scalar.string
    }

    func bool(_ node: Node?, key: String) -> Bool? {
        guard let node, spend(node) else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            switch scalar.string {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        error("'\(key)' must be true or false, not \(describe(node))", at: node)
        return nil
    }

    func integer(_ node: Node?, key: String) -> Int64? {
        guard let node, spend(node) else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any, let value = Int64(scalar.string) {
            return value
        }
        error("'\(key)' must be a whole number, not \(describe(node))", at: node)
        return nil
    }

    func strings(_ node: Node?, key: String) -> [String]? {
        guard let node else { return nil }
        guard let items = sequence(node, what: "'\(key)'") else { return nil }
        return items.compactMap { string($0, key: "an item of '\(key)'") }
    }

    /// One of a fixed set of words, with a suggestion when it is misspelt.
    func keyword(_ node: Node?, key: String, allowed: [String]) -> String? {
        guard let node, let word = string(node, key: key) else { return nil }
        guard allowed.contains(word) else {
            let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
            error("'\(key)' must be one of \(list), not '\(word)'\(Suggestion.hint(for: word, in: allowed))", at: node)
            return nil
        }
        return word
    }

    /// Any YAML value as data, for defaults and examples.
    func value(_ node: Node) -> SpecValue? {
        guard spend(node) else { return nil }
        let here = location(of: node)
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string, here) }
            let text = scalar.string
            switch text {
            case "", "~", "null", "Null", "NULL": return .null(here)
            case "true": return .bool(true, here)
            case "false": return .bool(false, here)
            default: break
            }
            if let integer = Int64(text) { return .int(integer, here) }
            if let number = Double(text), text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                return .double(number, here)
            }
            return .string(text, here)
        case .sequence(let sequence):
            var items: [SpecValue] = []
            for item in sequence {
                guard let value = value(item) else { return nil }
                items.append(value)
            }
            return .array(items, here)
        case .mapping(let mapping):
            var pairs: [(key: String, value: SpecValue)] = []
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.scalar?.string else {
                    error("object keys must be plain strings", at: keyNode)
                    continue
                }
                guard let value = value(valueNode) else { return nil }
                pairs.append((key, value))
            }
            return .object(pairs, here)
        case .alias:
            error("unresolved YAML alias", at: node)
            return nil
        }
    }

    // MARK: Descriptions for messages

    func kindName(of node: Node) -> String {
        switch node {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func describe(_ node: Node) -> String {
        if case .scalar(let scalar) = node { return "'\(scalar.string)'" }
        return kindName(of: node)
    }
}

/// The known keys of one mapping and where each was written.
struct Fields {
    var location: SourceLocation
    var values: [String: Node] = [:]
    var keyLocations: [String: SourceLocation] = [:]

    subscript(key: String) -> Node? { values[key] }

    /// Where a key's value was written, falling back to the mapping.
    func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? location
    }
}
