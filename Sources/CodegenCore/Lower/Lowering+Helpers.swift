extension Lowering {
    /// Page sequences for operations whose pages say where they stand.
    func lowerPagers() -> [PagerModel] {
        var conformingTypes: Set<String> = []
        return spec.operations.compactMap { operation in
            guard included(operation), let paging = operation.paging, let style = PagingStyle(rawValue: paging.style),
                  style == .pageObject || style == .asyncSearchPage,
                  case .reference(let pageName, _) = operation.result, let pageType = swift.types[pageName],
                  let itemsName = paging.items, let itemsField = pageType.properties.first(where: { $0.name == itemsName }),
                  case .array(let items) = itemsField.shape,
                  let numberField = pageType.properties.first(where: { $0.name == "pageNo" }),
                  let countField = pageType.properties.first(where: { $0.name == "totalPage" }),
                  let pageParameter = operation.parameters.first(where: { $0.name == "pageNum" })
            else { return nil }
            let fields = arguments(of: operation).filter { $0.name != "pageNum" }
            func optionalAware(_ field: Field, _ expression: String) -> String {
                let optional = !field.required || field.nullable
                return optional ? "\(expression).map { Int($0) }" : "Int(\(expression))"
            }
            let itemsExpression = SwiftNames.escaped(SpecValidator.swiftName(of: itemsField))
            // Arguments in the operation's own order, the page number where `pageNum` stands.
            let passed = arguments(of: operation).map { passing($0, as: $0.name == pageParameter.name ? "pageNumber" : nil) }
            return PagerModel(
                pageType: pageName, declaresConformance: conformingTypes.insert(pageName).inserted, itemType: swift.name(of: items.shape),
                itemsExpression: itemsField.required && !itemsField.nullable ? itemsExpression : "\(itemsExpression) ?? []",
                pageNumberExpression: optionalAware(numberField, SwiftNames.escaped(SpecValidator.swiftName(of: numberField))),
                pageCountExpression: optionalAware(countField, SwiftNames.escaped(SpecValidator.swiftName(of: countField))),
                methodName: operation.id + "Pages", operationName: SwiftNames.escaped(operation.id),
                docLines: DocText.wrap("Every page of `\(operation.id)`, fetched as the sequence is read; `.items` gives the items one by one. It stops after the last page the server reports, on an empty page, and on a repeated page."),
                deprecatedMessage: deprecationMessage(operation),
                parameters: parameterModels(fields),
                hasParameters: !fields.isEmpty,
                arguments: passed.joined(separator: ", "))
        }
    }

    func lowerWaiter(_ waiter: Waiter) -> WaiterModel? {
        guard let operation = operationsByID[waiter.operation], included(operation),
              case .reference(let resultName, _) = operation.result, let resultType = swift.types[resultName],
              let field = resultType.properties.first(where: { $0.name == waiter.field }),
              case .reference(let enumName) = field.shape, let enumType = swift.enums[enumName]
        else { return nil }
        func cases(_ values: [String]) -> String {
            values.compactMap { value in enumType.values.first { $0.value == value } }.map { "." + SwiftTypes.caseName($0) }.joined(separator: ", ")
        }
        let fields = arguments(of: operation)
        let policy = ParameterModel(label: "policy", type: "WaitPolicy", defaultValue: ".default", isLast: false)
        let passed = fields.map { passing($0) }
        var docs = DocText.wrap(waiter.description + " Polls `\(operation.id)` with growing, jittered delays until `\(waiter.field)` is one of \(waiter.success.joined(separator: ", ")) (returned) or \(waiter.failure.joined(separator: ", ")) (thrown as `.jobFailed`).")
        docs += ["", "- Throws: `NCPError` with kind `.jobFailed`, `.waitTimedOut`, or any error of `\(operation.id)`."]
        return WaiterModel(
            methodName: "waitUntil" + SwiftNames.upperCamel(waiter.name), docLines: DocText.lines(docs),
            deprecatedMessage: deprecationMessage(operation),
            parameters: parameterModels(fields, extra: [policy]),
            arguments: passed.joined(separator: ", "),
            operationName: SwiftNames.escaped(operation.id), operationID: SwiftTypes.stringLiteral(operation.id),
            resultType: resultName, field: SwiftNames.escaped(SpecValidator.swiftName(of: field)),
            successCases: cases(waiter.success), failureCases: waiter.failure.isEmpty ? nil : cases(waiter.failure))
    }
}
