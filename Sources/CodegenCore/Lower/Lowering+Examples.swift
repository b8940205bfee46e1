extension Lowering {
    /// The test double's default answer for each operation that returns a value.
    func lowerExamples(_ operations: [Operation]) -> LoweredSection<ExampleModel> {
        LoweredSection(operations.filter { resultType(of: $0).1 }, lowerExample)
    }

    func lowerExample(_ operation: Operation) -> ExampleModel {
        var json: JSONText
        var docs: [String]
        if let (documented, summary) = documentedResult(operation) {
            json = documented
            docs = ["Answers `\(operation.id)` with the spec's example" + (summary.isEmpty ? "." : ": \"\(summary)\"")]
        } else if case .reference(let name, _) = operation.result {
            json = synthesized(type: name, visiting: [])
            docs = ["Answers `\(operation.id)` with the fields the docs require, each its default or a placeholder: the spec has no example answer."]
        } else if case .array = operation.result {
            json = .array([])
            docs = ["Answers `\(operation.id)` with an empty list: the spec has no example answer."]
        } else if case .binary = operation.result {
            json = .null
            docs = ["Answers `\(operation.id)` with no bytes: the spec has no example download."]
        } else {
            json = .null
            docs = ["Answers `\(operation.id)` with `null`: the docs don't describe its result."]
        }
        // A wait on the double ends at its first poll, not after an hour of unslept polls.
        for waiter in spec.waiters where waiter.operation == operation.id {
            guard let value = waiterSuccessValue(waiter, operation: operation) else { continue }
            json.set(waiter.field, to: value)
            docs.append("`\(waiter.field)` is \(waiter.success[0]), so `\(GeneratedNames.waiterMethod(waiter.name))` ends at its first poll.")
        }
        let resultType = resultType(of: operation).0
        return ExampleModel(
            name: SwiftNames.escaped(operation.id), operationID: SwiftTypes.stringLiteral(operation.id), resultType: resultType,
            json: SwiftTypes.rawMultilineLiteral(json.lines, indentation: "            "),
            docLines: DocText.wrap(docs.joined(separator: " ")))
    }

    /// The result of the first example answer that succeeded, unwrapped from the envelope as the client would.
    func documentedResult(_ operation: Operation) -> (JSONText, summary: String)? {
        let shape = operation.answers?.resolved(over: spec.service.answers)
            ?? (spec.service.answers ?? AnswerShape(envelope: nil, errors: nil, location: spec.service.location)).resolved(over: nil)
        for example in operation.examples {
            guard let response = example.response else { continue }
            let answer = JSONText(response)
            guard let envelope = shape.envelope else { return (answer, example.summary) }
            if let codeField = envelope.code, !envelope.success.isEmpty {
                let code: String? = switch answer[codeField] {
                case .string(let text)?: text
                case .number(let text)?: text
                default: nil
                }
                guard let code, envelope.success.contains(code) else { continue }
            }
            guard var result = answer[envelope.result] else { continue }
            // Fields the docs put beside the result, which the result type declares too.
            for field in operation.envelopeFields where result[field.name] == nil {
                if let value = answer[field.name] { result.set(field.name, to: value) }
            }
            return (result, example.summary)
        }
        return nil
    }

    /// An object of the named type with every required field: its default, or a placeholder of its type.
    func synthesized(type name: String, visiting: Set<String>) -> JSONText {
        guard let type = swift.types[name], !visiting.contains(name) else { return .object([]) }
        return .object(type.properties.filter(\.required).map { ($0.name, synthesized($0, visiting: visiting.union([name]))) })
    }

    func synthesized(_ field: Field, visiting: Set<String>) -> JSONText {
        if let value = field.defaultValue { return JSONText(value) }
        switch field.shape {
        case .primitive(.string): return .string("string")
        case .primitive(.int32), .primitive(.int64): return .number(String(max(field.constraints.minimum ?? 0, 0)))
        case .primitive(.number): return .number("0")
        case .primitive(.boolean): return .bool(false)
        case .primitive(.datetime): return .string("2025-01-01T00:00:00Z")
        case .primitive(.json): return .object([])
        case .primitive(.file): return .null // a file is never part of an answer
        case .array(let items):
            let count = field.constraints.minItems ?? 0
            return .array(Array(repeating: synthesized(items, visiting: visiting), count: min(count, 3)))
        case .reference(let name):
            if let enumType = swift.enums[name] { return .string(enumType.values.first?.value ?? "") }
            return synthesized(type: name, visiting: visiting)
        }
    }

    /// The waiter's first success value, typed as its field is.
    func waiterSuccessValue(_ waiter: Waiter, operation: Operation) -> JSONText? {
        guard case .reference(let resultName, _) = operation.result, let type = swift.types[resultName],
              let field = type.properties.first(where: { $0.name == waiter.field }), let value = waiter.success.first
        else { return nil }
        switch field.shape {
        case .primitive(.boolean): return .bool(value == "true")
        case .primitive(.int32), .primitive(.int64), .primitive(.number): return .number(value)
        default: return .string(value)
        }
    }
}
