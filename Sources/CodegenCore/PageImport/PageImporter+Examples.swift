extension PageImporter {
    /// The keys a page's examples use that its tables don't list. A key spelled close to a field the example
    /// leaves out is that field's other wire name (`analysisStatusMessage` for `analyzeStatusMessage`); any other
    /// becomes an optional field typed by its value, with a note that only the example shows it.
    mutating func reconcileExamples(_ page: PageOperation, on model: PageModel, into operation: inout ImportedSpec.Operation) {
        if let json = page.requestExample?.json, page.requestExample?.isCut == false, var body = operation.body, case .object = json {
            reconcile(json, into: &body, on: model, line: page.requestExample?.line ?? page.line, isAnswer: false)
            operation.body = body
        }
        guard let json = page.responseExample?.json, page.responseExample?.isCut == false, spec.types.contains(where: { $0.name == operation.result }) else { return }
        let answer = envelope.flatMap { json[$0.result] } ?? (envelope == nil ? json : nil)
        guard let answer, case .object = answer, let index = spec.types.firstIndex(where: { $0.name == operation.result }) else { return }
        var properties = spec.types[index].properties
        reconcile(answer, into: &properties, on: model, line: page.responseExample?.line ?? page.line, isAnswer: true)
        spec.types[index].properties = properties
    }

    private mutating func reconcile(_ json: JSONText, into fields: inout [ImportedSpec.Field], on model: PageModel, line: Int, isAnswer: Bool) {
        guard case .object(let pairs) = json else { return }
        let keys = pairs.map(\.key)
        for (key, value) in pairs {
            if let index = fields.firstIndex(where: { $0.name == key || $0.wireNames.contains(key) }) {
                // Into the type the field names, one level at a time.
                let nested = fields[index].type == "array" ? fields[index].items.first?.type : fields[index].type
                let inner: JSONText? = fields[index].type == "array" ? { if case .array(let items) = value { items.first } else { nil } }() : value
                if let nested, let inner, let typeIndex = spec.types.firstIndex(where: { $0.name == nested }) {
                    var properties = spec.types[typeIndex].properties
                    reconcile(inner, into: &properties, on: model, line: line, isAnswer: isAnswer)
                    spec.types[typeIndex].properties = properties
                }
                continue
            }
            if let index = fields.firstIndex(where: { !keys.contains($0.name) && Self.spelledAlike($0.name, key) }) {
                fields[index].wireNames.append(key)
                diagnostics.warning("the example spells `\(fields[index].name)` as `\(key)`; both are read", at: Self.place(model, line))
                continue
            }
            var field = ImportedSpec.Field(name: key, type: Self.type(of: value), description: "\(key).")
            if field.type == "array" { field.items = [ImportedSpec.Field(name: "", type: { if case .array(let items) = value, let first = items.first { Self.type(of: first) } else { "json" } }())] }
            field.note = "Not listed in the page's table; only its example shows it."
            diagnostics.warning("the example uses `\(key)`, which the page's table doesn't list; imported as an optional \(field.type)", at: Self.place(model, line))
            fields.append(field)
        }
    }

    /// The spec type of an example value: objects and nulls stay open JSON.
    static func type(of value: JSONText) -> String {
        switch value {
        case .string: "string"
        case .bool: "boolean"
        case .number(let text): text.contains(".") || text.contains("e") || text.contains("E") ? "number" : "int64"
        case .array: "array"
        case .object, .null: "json"
        }
    }

    /// Two spellings of one name: the same start, and a few letters apart (one in six, at least two).
    static func spelledAlike(_ first: String, _ second: String) -> Bool {
        let allowed = max(2, min(first.count, second.count) / 6)
        guard first.prefix(3) == second.prefix(3), abs(first.count - second.count) <= allowed else { return false }
        let a = Array(first), b = Array(second)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count] <= allowed
    }
}
