extension SpecValidator {
    mutating func checkOperationUniqueness() {
        checkDuplicates(spec.operations.map { ($0.id, $0.location) }, what: "operation")
        var routes: [String: (id: String, location: SourceLocation)] = [:]
        for operation in spec.operations {
            // `{a}` and `{b}` in the same place are the same route to the server.
            let route = operation.method + " " + Self.placeholders(in: operation.path).reduce(operation.path) { $0.replacingOccurrences(of: "{\($1)}", with: "{}") }
            if let first = routes[route] {
                diagnostics.error("'\(operation.id)' has the same method and path as '\(first.id)' (\(first.location))", at: operation.pathLocation)
            } else {
                routes[route] = (operation.id, operation.location)
            }
            if !isSwiftIdentifier(operation.id) || operation.id.first?.isLowercase != true {
                diagnostics.error("operation id '\(operation.id)' must be a lowerCamelCase Swift identifier (it names the method)", at: operation.location)
            }
        }
    }

    mutating func checkOperation(_ operation: Operation) {
        let owner = "operation '\(operation.id)'"
        if !spec.groups.isEmpty, !spec.groups.contains(where: { $0.key == operation.group }) {
            diagnostics.unresolved("\(owner) is in the undefined group '\(operation.group)'\(Suggestion.hint(for: operation.group, in: spec.groups.map(\.key)))", at: operation.location)
        }
        checkPath(operation)
        if let host = operation.host, host != spec.service.host {
            diagnostics.warning("\(owner) names the host '\(host)'; the generated client sends every operation to its one base URL", at: operation.location)
        }
        for parameter in operation.parameters {
            checkField(parameter, owner: owner)
        }
        if let body = operation.body {
            if operation.method == "GET" {
                diagnostics.error("\(owner) is a GET and can't have a body", at: body.location)
            }
            checkProperties(body.properties, owner: "the body of '\(operation.id)'")
            checkRules(body.rules, properties: body.properties, owner: "the body of '\(operation.id)'")
        }
        // Parameters and body fields all become labelled arguments of one method.
        let arguments = operation.parameters + (operation.body?.properties ?? [])
        checkSwiftNameCollisions(arguments.map { ($0.name, Self.swiftName(of: $0), $0.sourceLocation) }, owner: "the arguments of '\(operation.id)'")
        checkResult(operation)
        checkProperties(operation.envelopeFields, owner: "the envelope of '\(operation.id)'")
        if let deprecated = operation.deprecated {
            if !RegexCache.matches(deprecated.removal, #"^\d{4}-\d{2}(-\d{2})?$"#) {
                diagnostics.error("the removal date '\(deprecated.removal)' of \(owner) must be YYYY-MM or YYYY-MM-DD", at: deprecated.location)
            }
            if let replacement = deprecated.replacement, operationsByID[replacement] == nil {
                diagnostics.unresolved("\(owner) is replaced by the undefined operation '\(replacement)'\(Suggestion.hint(for: replacement, in: operationsByID.names.filter { $0 != operation.id }.sorted()))", at: deprecated.location)
            }
        }
        for reference in operation.errors where !spec.errors.contains(where: { $0.code == reference.code }) {
            diagnostics.unresolved("\(owner) lists the undefined error code '\(reference.code)'", at: reference.location)
        }
        if let waiter = operation.starts, !spec.waiters.contains(where: { $0.name == waiter }) {
            diagnostics.unresolved("\(owner) starts the undefined waiter '\(waiter)'\(Suggestion.hint(for: waiter, in: spec.waiters.map(\.name)))", at: operation.location)
        }
        if let rateLimit = operation.rateLimit, rateLimit.limit <= 0 {
            diagnostics.error("the rate limit of \(owner) must be positive", at: rateLimit.location)
        }
        checkPaging(operation)
        for example in operation.examples {
            checkExample(example, of: operation)
        }
    }

    /// Every `{name}` in the path has a path parameter and every path parameter appears in the path.
    mutating func checkPath(_ operation: Operation) {
        let path = operation.path
        if !path.hasPrefix("/") {
            diagnostics.error("the path of '\(operation.id)' must start with '/'", at: operation.pathLocation)
        }
        if let bad = Self.firstNonPathCharacter(in: path) {
            diagnostics.error("the path of '\(operation.id)' may hold only path characters and {parameters}, not '\(bad)'", at: operation.pathLocation)
        }
        let placeholders = Self.placeholders(in: path)
        let pathParameters = operation.parameters.filter { $0.location == .path }
        for name in placeholders where !pathParameters.contains(where: { $0.name == name }) {
            diagnostics.error("the path of '\(operation.id)' has '{\(name)}' but no path parameter of that name\(Suggestion.hint(for: name, in: pathParameters.map(\.name)))", at: operation.pathLocation)
        }
        for parameter in pathParameters where !placeholders.contains(parameter.name) {
            diagnostics.error("path parameter '\(parameter.name)' of '\(operation.id)' does not appear in the path '\(path)'", at: parameter.sourceLocation)
        }
        var seen = Set<String>()
        for name in placeholders where !seen.insert(name).inserted {
            diagnostics.error("the path of '\(operation.id)' names '{\(name)}' twice", at: operation.pathLocation)
        }
    }

    /// The first character a path may not hold as written: RFC 3986 path characters (unreserved, `%`-escapes,
    /// sub-delimiters, `:`, `@`, `/`), and braces around parameter names.
    static func firstNonPathCharacter(in path: String) -> Character? {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()*+,;=:@/{}")
        return path.first { !allowed.contains($0) }
    }

    static func placeholders(in path: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in path {
            switch character {
            case "{": current = ""
            case "}": if let name = current { names.append(name) }; current = nil
            default: current?.append(character)
            }
        }
        return names
    }

    mutating func checkResult(_ operation: Operation) {
        guard case .reference(let name, let location) = operation.result else { return }
        if typesByName[name] == nil {
            if enumsByName[name] != nil {
                diagnostics.error("the result of '\(operation.id)' is the enum '\(name)'; a result must be an object type", at: location)
            } else {
                diagnostics.unresolved("the result of '\(operation.id)' is the undefined type '\(name)'\(Suggestion.hint(for: name, in: typesByName.names.sorted()))", at: location)
            }
        }
    }

    mutating func checkPaging(_ operation: Operation) {
        guard let paging = operation.paging, let style = PagingStyle(rawValue: paging.style) else { return }
        let owner = "the paging of '\(operation.id)'"
        let queryNames = operation.parameters.filter { $0.location == .query }.map(\.name)
        let bodyNames = operation.body?.properties.map(\.name) ?? []
        switch style {
        case .pageObject, .asyncSearchPage:
            for name in ["pageNum", "pageSize"] where !queryNames.contains(name) {
                diagnostics.error("\(owner) is '\(style.rawValue)', which needs the query parameter '\(name)'", at: paging.location)
            }
        case .bodyPage:
            for name in ["pageNum", "pageSize"] where !bodyNames.contains(name) {
                diagnostics.error("\(owner) is 'bodyPage', which needs the body field '\(name)'", at: paging.location)
            }
        case .unpagedList, .unpagedEnvelopeCount:
            break
        }
        guard let items = paging.items else {
            if style != .bodyPage {
                diagnostics.error("\(owner) must name the result field that holds the items ('items')", at: paging.location)
            }
            return
        }
        if case .reference(let name, _) = operation.result, let type = typesByName[name] {
            guard let field = type.properties.first(where: { $0.name == items }) else {
                diagnostics.error("\(owner) names the items field '\(items)', which type '\(name)' does not have\(Suggestion.hint(for: items, in: type.properties.map(\.name)))", at: paging.location)
                return
            }
            if !field.shape.isArray {
                diagnostics.error("\(owner) names the items field '\(items)', which is not an array", at: paging.location)
            }
        }
    }
}
