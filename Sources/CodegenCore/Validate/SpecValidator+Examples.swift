extension SpecValidator {
    /// An example's path, query, body and response must fit the operation's shapes.
    mutating func checkExample(_ example: Example, of operation: Operation) {
        let owner = "the example '\(example.summary)' of '\(operation.id)'"
        for (part, location) in [(example.path, ParameterLocation.path), (example.query, .query)] {
            guard let part else { continue }
            let parameters = operation.parameters.filter { $0.location == location }
            report(conformance(of: part, to: parameters.map(\.withoutRequirement), partial: false, path: "the \(location.rawValue) of \(owner)", at: part.location))
        }
        if let body = example.body {
            if let declared = operation.body {
                report(conformance(of: body, to: declared.properties, partial: declared.partial, path: "the body of \(owner)", at: body.location))
                report(ruleProblems(body, rules: declared.rules, path: "the body of \(owner)"))
            } else {
                diagnostics.error("\(owner) has a body, but the operation declares none", at: body.location)
            }
        }
        guard let response = example.response else { return }
        // A response example is the whole answer: inside the envelope when the API declares one.
        let envelope = answers(of: operation).envelope
        var result: SpecValue? = response
        if let envelope {
            let required = [envelope.code, envelope.message].compactMap { $0 }
            guard case .object = response, required.allSatisfy({ response[$0] != nil }) else {
                diagnostics.error("the response of \(owner) must be the whole envelope, with \(required.map { "'\($0)'" }.joined(separator: " and "))", at: response.location)
                return
            }
            if let code = envelope.code, case .int = response[code]! {
                diagnostics.error("'\(code)' in the response of \(owner) must be a string such as \"0\"; the service sends a string", at: response[code]!.location)
            }
            result = response[envelope.result]
        }
        let resultName = envelope.map { "'\($0.result)'" } ?? "a result"
        switch operation.result {
        case .reference(let name, _):
            guard let result else {
                diagnostics.error("the response of \(owner) has no \(resultName), but the operation returns '\(name)'", at: response.location)
                return
            }
            if let type = typesByName[name] {
                report(conformance(of: result, to: type.properties, partial: type.partial, path: "the result of \(owner)", at: result.location))
            }
        case .none:
            if let envelope, let result {
                diagnostics.error("the response of \(owner) has a '\(envelope.result)', but the operation returns none", at: result.location)
            }
        case .array(let name, _):
            guard let result else { return }
            guard case .array(let items, _) = result else {
                diagnostics.error("the result in the response of \(owner) must be a list of '\(name)'", at: result.location)
                return
            }
            if let type = typesByName[name] {
                for item in items {
                    report(conformance(of: item, to: type.properties, partial: type.partial, path: "an item of the result of \(owner)", at: item.location))
                }
            }
        case .undocumented, .binary:
            break
        }
    }

    /// Rules hold in examples too: the docs' own examples must not show a request the service refuses.
    func ruleProblems(_ value: SpecValue, rules: [ObjectRule], path: String) -> [ConformanceProblem] {
        rules.compactMap { rule in
            let present = rule.fields.filter { name in
                if case .null? = value[name] { return false }
                return value[name] != nil
            }
            switch rule {
            case .exactlyOneOf(let fields, _, _) where present.count != 1:
                return ConformanceProblem(message: "\(path) must give exactly one of \(fields.joined(separator: ", ")), not \(present.count)", location: value.location)
            case .requiredTogether(let fields, _) where !present.isEmpty && present.count != fields.count:
                return ConformanceProblem(message: "\(path) must give \(fields.joined(separator: ", ")) together", location: value.location)
            case .mutuallyExclusive(let fields, _) where present.count > 1:
                return ConformanceProblem(message: "\(path) can't give both of \(fields.joined(separator: ", "))", location: value.location)
            case .maxItemsInAll(let fields, let max, _, _):
                let total = fields.reduce(0) { total, name in
                    if case .array(let items, _)? = value[name] { return total + items.count }
                    return total
                }
                return total > max ? ConformanceProblem(message: "\(path) gives \(total) items in \(fields.joined(separator: ", ")), more than \(max) in all", location: value.location) : nil
            default:
                return nil
            }
        }
    }

    mutating func report(_ problems: [ConformanceProblem]) {
        for problem in problems {
            diagnostics.error(problem.message, at: problem.location)
        }
    }

    // MARK: Waiters

    mutating func checkWaiters() {
        for waiter in spec.waiters {
            let owner = "waiter '\(waiter.name)'"
            for id in waiter.startedBy where operationsByID[id] == nil {
                diagnostics.unresolved("\(owner) is started by the undefined operation '\(id)'\(Suggestion.hint(for: id, in: operationsByID.names.sorted()))", at: waiter.location)
            }
            guard let operation = operationsByID[waiter.operation] else {
                diagnostics.unresolved("\(owner) polls the undefined operation '\(waiter.operation)'\(Suggestion.hint(for: waiter.operation, in: operationsByID.names.sorted()))", at: waiter.location)
                continue
            }
            guard case .reference(let typeName, _) = operation.result, let type = typesByName[typeName] else {
                diagnostics.unresolved("\(owner) polls '\(operation.id)', whose result is not a documented object", at: waiter.location)
                continue
            }
            guard let field = type.properties.first(where: { $0.name == waiter.field }) else {
                diagnostics.error("\(owner) reads '\(waiter.field)', which type '\(typeName)' does not have\(Suggestion.hint(for: waiter.field, in: type.properties.map(\.name)))", at: waiter.location)
                continue
            }
            let listed = waiter.success + waiter.failure + waiter.pending
            if waiter.success.isEmpty {
                diagnostics.error("\(owner) needs at least one success value", at: waiter.location)
            }
            for value in Set(listed).sorted() where listed.filter({ $0 == value }).count > 1 {
                diagnostics.error("\(owner) lists '\(value)' more than once; a value is success, failure or pending", at: waiter.location)
            }
            switch field.shape {
            case .reference(let enumName):
                guard let enumType = enumsByName[enumName] else { continue }
                let values = enumType.values.map(\.value)
                for value in listed where !values.contains(value) {
                    diagnostics.error("\(owner) lists '\(value)', which is not a value of enum '\(enumName)'\(Suggestion.hint(for: value, in: values))", at: waiter.location)
                }
                for value in values where !listed.contains(value) {
                    diagnostics.error("\(owner) must put the value '\(value)' of enum '\(enumName)' in one of success, failure and pending", at: waiter.location)
                }
            case .primitive(.boolean):
                for value in listed where value != "true" && value != "false" {
                    diagnostics.error("\(owner) reads the boolean '\(waiter.field)', so it can list only true and false, not '\(value)'", at: waiter.location)
                }
            case .primitive(.int32), .primitive(.int64):
                for value in listed where Int64(value) == nil {
                    diagnostics.error("\(owner) reads the integer '\(waiter.field)', so '\(value)' must be a whole number", at: waiter.location)
                }
            case .primitive(.string):
                break
            default:
                diagnostics.error("\(owner) reads '\(waiter.field)', which is not an enum, a string, a boolean or an integer", at: waiter.location)
            }
        }
    }
}

extension Field {
    /// The same field with `required` dropped: examples may leave optional-by-default parameters out.
    var withoutRequirement: Field {
        var copy = self
        copy.required = false
        return copy
    }
}
