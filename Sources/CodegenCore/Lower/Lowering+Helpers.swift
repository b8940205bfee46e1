extension Lowering {
    /// Page sequences for the operations that page.
    func lowerPagers() -> [PagerModel] {
        spec.operations.compactMap { operation in
            guard included(operation), let paging = operation.paging, paging.style != .none, let parameterName = paging.parameter,
                  case .reference(let pageName, _) = operation.result, let pageType = swift.types[pageName],
                  let itemsName = paging.items, let itemsField = pageType.properties.first(where: { $0.name == itemsName }),
                  case .array(let items) = itemsField.shape,
                  arguments(of: operation).contains(where: { $0.name == parameterName })
            else { return nil }
            /// `{ $0.field }` for a page field, made an `Int` (or `[]`) as the rule needs.
            func read(_ name: String?, as kind: String) -> String? {
                guard let name, let field = pageType.properties.first(where: { $0.name == name }) else { return nil }
                let property = "$0." + SwiftNames.escaped(SpecValidator.swiftName(of: field))
                let optional = !field.required || field.nullable
                switch kind {
                case "items": return "{ \(property)\(optional ? " ?? []" : "") }"
                case "integer" where field.shape.isPrimitive(.int64):
                    return optional ? "{ \(property).map { Int($0) } }" : "{ Int(\(property)) }"
                default: return "{ \(property) }"
                }
            }
            var rule: [String] = []
            let strategy: String
            switch paging.style {
            case .pageNumber:
                strategy = "numbered"
                rule.append("firstPage: \(paging.firstPage)")
            case .offset:
                strategy = "offsets"
            case .cursor, .none:
                strategy = "cursors"
            }
            rule.append("items: " + read(itemsName, as: "items")!)
            if paging.style == .cursor, let next = read(paging.nextCursor, as: "string") { rule.append("nextCursor: " + next) }
            if paging.style == .pageNumber {
                if let number = read(paging.pageNumber, as: "integer") { rule.append("reportedNumber: " + number) }
                if let pages = read(paging.totalPages, as: "integer") { rule.append("totalPages: " + pages) }
            }
            if paging.style != .cursor, let total = read(paging.totalItems, as: "integer") { rule.append("totalItems: " + total) }
            if let more = read(paging.hasMore, as: "boolean") { rule.append("hasMore: " + more) }
            let fields = arguments(of: operation).filter { $0.name != parameterName }
            let passed = arguments(of: operation).map { field in
                passing(field, as: field.name != parameterName ? nil : field.shape.isPrimitive(.int64) ? "Int64(position)" : "position")
            }
            return PagerModel(
                pageType: pageName, itemType: swift.name(of: items.shape),
                sequence: strategy + "(\n" + rule.map { "            " + $0 }.joined(separator: ",\n") + "\n        )",
                methodName: operation.id + "Pages", operationName: SwiftNames.escaped(operation.id),
                docLines: DocText.wrap("Every page of `\(operation.id)`, fetched as the sequence is read; `.items` gives the items one by one. It stops after the last page, on an empty page, and on a repeated page."),
                deprecatedMessage: deprecationMessage(operation),
                parameters: parameterModels(fields),
                hasParameters: !fields.isEmpty,
                arguments: passed.joined(separator: ", "))
        }
    }

    func lowerWaiter(_ waiter: Waiter) -> WaiterModel? {
        guard let operation = operationsByID[waiter.operation], included(operation),
              case .reference(let resultName, _) = operation.result, let resultType = swift.types[resultName],
              let field = resultType.properties.first(where: { $0.name == waiter.field })
        else { return nil }
        let optional = !field.required || field.nullable
        /// The values as Swift patterns: `.done`, `"DONE"`, `true`, `3`; `?` after each when the field is optional.
        func cases(_ values: [String]) -> String {
            values.map { value -> String in
                let pattern: String
                switch field.shape {
                case .reference(let name):
                    pattern = swift.enums[name]?.values.first { $0.value == value }.map { "." + SwiftTypes.caseName($0) } ?? SwiftTypes.stringLiteral(value)
                case .primitive(.boolean), .primitive(.int32), .primitive(.int64): pattern = value
                default: pattern = SwiftTypes.stringLiteral(value)
                }
                // `-1?` would read as optional chaining on `1`.
                return !optional ? pattern : pattern.hasPrefix("-") ? ".some(\(pattern))" : pattern + "?"
            }.joined(separator: ", ")
        }
        // A switch that names every value already needs no `default`, and Swift warns about one that can't run.
        var exhaustive = false
        if !optional, waiter.pending.isEmpty {
            switch field.shape {
            case .reference(let name):
                if let enumType = swift.enums[name], !enumType.open { exhaustive = true }
            case .primitive(.boolean):
                exhaustive = Set(waiter.success + waiter.failure) == ["true", "false"]
            default:
                break
            }
        }
        let fields = arguments(of: operation)
        let policy = ParameterModel(label: "policy", type: "WaitPolicy", defaultValue: ".default", isLast: false)
        let onPoll = ParameterModel(label: "onPoll", type: "(\(resultName)) async throws -> Void", defaultValue: "{ _ in }", isLast: false)
        let passed = fields.map { passing($0) }
        let swiftField = SwiftNames.escaped(SpecValidator.swiftName(of: field))
        // The watched value as text for messages and log lines: an enum's raw value, anything else as printed.
        let isEnum = if case .reference(let name) = field.shape, swift.enums[name] != nil { true } else { false }
        let text = isEnum ? ".rawValue" : ""
        let describe = optional ? "state.\(swiftField).map { \"\\($0\(text))\" }" : "\"\\(state.\(swiftField)\(text))\""
        var docs = DocText.wrap(waiter.description + " Polls `\(operation.id)` with growing, jittered delays until `\(waiter.field)` is one of \(waiter.success.joined(separator: ", ")) (returned) or \(waiter.failure.joined(separator: ", ")) (thrown as `.jobFailed`).")
        docs += [""] + DocText.wrap("Each poll is logged at debug level on the client's logger and handed to `onPoll`, so a caller can show progress.")
        docs += ["", "- Parameters:"] + parameterDocLines(fields)
        docs += ["  - policy: How long to wait and how often to ask.", "  - onPoll: Sees every polled state, the last one included."]
        docs += DocText.wrap("- Throws: `NCPError` with kind `.jobFailed` or `.waitTimedOut` carrying the last state (`jobState(as: \(resultName).self)`), or any error of `\(operation.id)`.")
            .enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
        return WaiterModel(
            methodName: GeneratedNames.waiterMethod(waiter.name), docLines: DocText.lines(docs),
            deprecatedMessage: deprecationMessage(operation),
            parameters: parameterModels(fields, extra: [policy, onPoll]),
            arguments: passed.joined(separator: ", "),
            operationName: SwiftNames.escaped(operation.id), operationID: SwiftTypes.stringLiteral(operation.id),
            resultType: resultName, field: swiftField, wireField: SwiftTypes.stringLiteral(field.name), describe: describe,
            successCases: cases(waiter.success), failureCases: waiter.failure.isEmpty ? nil : cases(waiter.failure),
            needsDefault: !exhaustive)
    }
}

extension Lowering {
    /// Whether a multipart property goes as a JSON part: a type of the spec, or open JSON.
    func isJSONPart(_ shape: Shape) -> Bool {
        switch shape {
        case .primitive(let primitive): primitive == .json
        case .reference(let name): spec.types.contains { $0.name == name }
        case .array: false
        }
    }
}

extension Lowering {
    /// How a generated server route reads `field` from a request: which `NCPServerArguments` method, by where the
    /// field travels and how it is written there (`optional…` for a field that isn't required).
    func serverArgument(_ field: Field, body: Body?) -> String {
        let name = SwiftTypes.stringLiteral(field.name)
        let isArray = if case .array = field.shape { true } else { false }
        let reader: String
        var extra = ""
        switch field.location {
        case .path: return "try arguments.path(\(name))"
        case .header: reader = "header"
        case .query:
            switch field.style {
            case "json": reader = "jsonQuery"
            case "deepObject": (reader, extra) = ("objectQuery", ", deepObject: true")
            case "form": (reader, extra) = ("objectQuery", ", deepObject: false")
            default:
                if isArray { (reader, extra) = ("queryList", ", commaSeparated: \(field.style == "commaSeparated")") } else { reader = "query" }
            }
        case nil:
            switch body?.encoding ?? .json {
            case .json: reader = "body"
            case .binary: return field.required ? "try arguments.binaryBody()" : "try arguments.optionalBinaryBody()"
            case .form, .multipart:
                if field.shape.isPrimitive(.file) {
                    reader = "file"
                } else if case .array(let items) = field.shape, items.shape.isPrimitive(.file) {
                    reader = "files"
                } else if isJSONPart(field.shape) {
                    reader = "jsonPart"
                } else {
                    reader = isArray ? "formFields" : "formField"
                }
            }
        }
        let method = field.required ? reader : "optional" + reader.prefix(1).uppercased() + reader.dropFirst()
        return "try arguments.\(method.replacingOccurrences(of: "Json", with: "JSON"))(\(name)\(extra))"
    }
}
