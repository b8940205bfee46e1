@testable import CodegenCore

/// Two specs of one service compared fact by fact, for the operations both have (matched by method and path):
/// each field's presence, type, required-ness (requests only: answers are read leniently) and limits, each
/// enum's values, and each error's status and message. Only what the pages state is compared: a limit or an
/// enum's values the hand-kept spec took from another page is no fact these pages could give.
struct SpecComparison {
    private(set) var total = 0
    private(set) var equal = 0
    private(set) var differences: [String] = []
    let hand: Spec
    let imported: Spec
    /// The rows the pages show, by route and then by section and dotted path (response rows without `result.`).
    let rows: [String: [String: PageField]]

    init(hand: Spec, imported: Spec, pages: [PageModel]) {
        self.hand = hand
        self.imported = imported
        var rows: [String: [String: PageField]] = [:]
        for page in pages {
            for operation in page.operations {
                let route = operation.methods[0] + " /" + operation.path.split(separator: "/").map { $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
                for field in operation.fields {
                    let path = field.section == .response && field.path.first == "result" ? Array(field.path.dropFirst()) : field.path
                    let section = field.section == .path || field.section == .query ? "parameter" : field.section == .body ? "body" : "result"
                    rows[route, default: [:]][section + ":" + path.joined(separator: ".")] = field
                }
            }
        }
        self.rows = rows
        for operation in imported.operations {
            let key = Self.route(operation, in: imported)
            guard let original = hand.operations.first(where: { Self.route($0, in: hand) == key }) else {
                fact(false, "\(operation.id): \(key) is not an operation of the hand-kept spec")
                continue
            }
            fact(true, "")
            let owner = original.id
            let stated = rows[key] ?? [:]
            compare(original.parameters, operation.parameters, owner: owner + " parameter", section: "parameter", prefix: "", stated: stated, isAnswer: false, depth: 0)
            compare(original.body?.properties ?? [], operation.body?.properties ?? [], owner: owner + " body", section: "body", prefix: "", stated: stated, isAnswer: false, depth: 0)
            compare(Self.fields(of: original.result, in: hand), Self.fields(of: operation.result, in: imported), owner: owner + " result", section: "result", prefix: "",
                    stated: stated, isAnswer: true, depth: 0)
        }
        for error in hand.errors where !error.duplicate {
            guard let other = imported.errors.first(where: { $0.code == error.code && $0.status == error.status }) else {
                fact(false, "error \(error.code): not imported")
                continue
            }
            let messages = Set(([error.message] + error.alternativeMessages).map(Self.normalized))
            let importedMessages = Set(([other.message] + other.alternativeMessages).map(Self.normalized))
            fact(true, "")
            fact(!messages.isDisjoint(with: importedMessages), "error \(error.code): message \"\(other.message)\" ≠ \"\(error.message)\"")
        }
    }

    private mutating func fact(_ holds: Bool, _ difference: String) {
        total += 1
        if holds { equal += 1 } else { differences.append(difference) }
    }

    private static func normalized(_ text: String) -> String {
        text.lowercased().trimmingCharacters(in: .init(charactersIn: " ."))
    }

    /// `GET /workspaces/{}/projects`, whatever the base path and parameter names.
    static func route(_ operation: Operation, in spec: Spec) -> String {
        let path = (spec.service.basePath + "/" + operation.path).split(separator: "/").map { $0.hasPrefix("{") ? "{}" : String($0) }
        return operation.method + " /" + path.joined(separator: "/")
    }

    static func fields(of result: ResultShape, in spec: Spec) -> [Field] {
        guard case .reference(let name, _) = result else { return [] }
        return spec.types.first { $0.name == name }?.properties ?? []
    }

    private mutating func compare(_ original: [Field], _ other: [Field], owner: String, section: String, prefix: String, stated: [String: PageField],
                                  isAnswer: Bool, depth: Int) {
        guard depth < 6 else { return }
        let names = Set(original.map(\.name) + other.map(\.name))
        let onlyImported = other.filter { field in !original.contains { $0.name == field.name || $0.wireNames.contains(field.name) || field.wireNames.contains($0.name) } }
        for name in original.map(\.name) + onlyImported.map(\.name) where names.contains(name) {
            let place = "\(owner) `\(name)`"
            guard let first = original.first(where: { $0.name == name }) else {
                fact(false, "\(place): only in the import")
                continue
            }
            guard let second = other.first(where: { $0.name == name || $0.wireNames.contains(name) || first.wireNames.contains($0.name) }) else {
                fact(false, "\(place): not imported")
                continue
            }
            fact(true, "")
            let row = stated[section + ":" + prefix + name] ?? first.wireNames.lazy.compactMap { stated[section + ":" + prefix + $0] }.first
            let facts = row?.facts ?? FieldFacts()
            let (firstType, secondType) = (describe(first.shape, in: hand), describe(second.shape, in: imported))
            // An enum whose values the row doesn't list was named from another page.
            let enumFromElsewhere = firstType.hasPrefix("enum(") && facts.enumValues.isEmpty && !secondType.hasPrefix("enum(")
            if !enumFromElsewhere { fact(firstType == secondType, "\(place): type \(secondType) ≠ \(firstType)") }
            if !isAnswer { fact(first.required == second.required, "\(place): required \(second.required) ≠ \(first.required)") }
            let statedLimits: Set<String> = Set((facts.length != nil ? ["minLength", "maxLength", "minItems", "maxItems"] : [])
                + (facts.value != nil ? ["minimum", "maximum"] : []) + (facts.items != nil ? ["minItems", "maxItems"] : []))
            for (key, left, right) in Self.limits(first.constraints, second.constraints) where (left != nil || right != nil) && (right != nil || statedLimits.contains(key)) {
                fact(left == right, "\(place): \(key) \(right.map(String.init) ?? "none") ≠ \(left.map(String.init) ?? "none")")
            }
            // Into the types both name.
            if case .reference(let firstName) = first.shape, case .reference(let secondName) = second.shape,
               let firstType = hand.types.first(where: { $0.name == firstName }), let secondType = imported.types.first(where: { $0.name == secondName }) {
                compare(firstType.properties, secondType.properties, owner: "\(owner).\(name)", section: section, prefix: prefix + name + ".", stated: stated,
                        isAnswer: isAnswer, depth: depth + 1)
            }
        }
    }

    private static func limits(_ a: Constraints, _ b: Constraints) -> [(String, Int64?, Int64?)] {
        let wide = { (value: Int?) -> Int64? in value.map(Int64.init) }
        return [("minLength", wide(a.minLength), wide(b.minLength)), ("maxLength", wide(a.maxLength), wide(b.maxLength)),
                ("minimum", a.minimum, b.minimum), ("maximum", a.maximum, b.maximum),
                ("minItems", wide(a.minItems), wide(b.minItems)), ("maxItems", wide(a.maxItems), wide(b.maxItems))]
    }

    /// `string`, `int64`, `array<string>`, `enum(HIGH, LOW, MEDIUM)`, `object`.
    private func describe(_ shape: Shape, in spec: Spec) -> String {
        switch shape {
        case .primitive(let primitive): primitive.rawValue
        case .array(let items): "array<\(describe(items.shape, in: spec))>"
        case .reference(let name):
            if let enumType = spec.enums.first(where: { $0.name == name }) { "enum(\(enumType.values.map(\.value).sorted().joined(separator: ", ")))" } else { "object" }
        }
    }
}
