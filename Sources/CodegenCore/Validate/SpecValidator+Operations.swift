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
        checkNoFiles(operation.envelopeFields, owner: "the envelope of '\(operation.id)'")
        if let body = operation.body {
            if operation.method == "GET" {
                diagnostics.error("\(owner) is a GET and can't have a body", at: body.location)
            }
            checkProperties(body.properties, owner: "the body of '\(operation.id)'")
            checkBodyEncoding(body, operation: operation)
            if body.partial { checkPartialMembers(body.properties, owner: "the body of '\(operation.id)'") }
            checkRules(body.rules, properties: body.properties, owner: "the body of '\(operation.id)'")
        }
        // Parameters and body fields all become labelled arguments of one method.
        let arguments = operation.parameters + (operation.body?.properties ?? [])
        let roles = operation.parameters.map { "\($0.location?.rawValue ?? "") parameter" } + (operation.body?.properties ?? []).map { _ in "body field" }
        checkSwiftNameCollisions(arguments.map { ($0.name, Self.swiftName(of: $0), $0.sourceLocation) }, owner: "the arguments of '\(operation.id)'",
                                 roles: roles)
        // The arguments are also the properties of the operation's input struct, which declares `validate()`.
        for argument in arguments where Self.swiftName(of: argument) == GeneratedNames.inputValidationMethod {
            diagnostics.error("'\(argument.name)' of \(owner) would be the property '\(GeneratedNames.inputValidationMethod)' of its input, whose method of that name checks the limits; give it a 'swiftName'", at: argument.sourceLocation)
        }
        checkResult(operation)
        checkProperties(operation.envelopeFields, owner: "the envelope of '\(operation.id)'")
        if let deprecated = operation.deprecated {
            if let removal = deprecated.removal, !RegexCache.matches(removal, #"^\d{4}-\d{2}(-\d{2})?$"#) {
                diagnostics.error("the removal date '\(removal)' of \(owner) must be YYYY-MM or YYYY-MM-DD", at: deprecated.location)
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
        guard let index = path.utf8.firstIndex(where: { $0 >= 0x80 || !pathBytes[Int($0)] }) else { return nil }
        return path[index]
    }

    private static let pathBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()*+,;=:@/{}".utf8 { table[Int(byte)] = true }
        return table
    }()

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
        if case .array(let name, let location) = operation.result {
            if Primitive(rawValue: name) != nil || typesByName[name] != nil { return }
            if let enumType = enumsByName[name] {
                if !enumType.open {
                    diagnostics.error("the result of '\(operation.id)' is a list of the closed enum '\(name)'; a value the service adds later would fail every answer, so make it 'open: true'", at: location)
                }
                return
            }
            let known = typesByName.names.sorted() + enumsByName.names.sorted() + Primitive.allCases.map(\.rawValue)
            diagnostics.unresolved("the result of '\(operation.id)' is a list of the undefined type '\(name)'\(Suggestion.hint(for: name, in: known))", at: location)
            return
        }
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
        guard let paging = operation.paging else { return }
        let owner = "the paging of '\(operation.id)'"
        let arguments = operation.parameters.filter { $0.location == .query } + (operation.body?.properties ?? [])
        if paging.style == .none {
            for (key, value) in [("parameter", paging.parameter), ("nextCursor", paging.nextCursor), ("pageNumber", paging.pageNumber),
                                 ("totalPages", paging.totalPages), ("hasMore", paging.hasMore)] where value != nil {
                diagnostics.error("\(owner) is 'none', so '\(key)' says nothing; remove it", at: paging.location)
            }
        } else if let name = paging.parameter {
            if let argument = arguments.first(where: { $0.name == name }) {
                let wanted: Primitive = paging.style == .cursor ? .string : .int32
                if !argument.shape.isPrimitive(wanted) && !(wanted == .int32 && argument.shape.isPrimitive(.int64)) {
                    diagnostics.error("\(owner) moves on with '\(name)', which must be \(wanted == .string ? "a string" : "an integer")", at: argument.sourceLocation)
                }
                if paging.style == .cursor, argument.required {
                    diagnostics.error("\(owner) moves on with the cursor '\(name)', which must be optional: the first page is asked for without one", at: argument.sourceLocation)
                }
            } else {
                diagnostics.error("\(owner) moves on with '\(name)', which is not a query parameter or body field of '\(operation.id)'\(Suggestion.hint(for: name, in: arguments.map(\.name)))", at: paging.location)
            }
        } else {
            diagnostics.error("\(owner) is '\(paging.style.rawValue)' and must name the argument that moves it on ('parameter')", at: paging.location)
        }
        if paging.style == .cursor, paging.nextCursor == nil {
            diagnostics.error("\(owner) is 'cursor' and must name the result field with the next cursor ('nextCursor')", at: paging.location)
        }
        if ![0, 1].contains(paging.firstPage) {
            diagnostics.error("\(owner) starts at page \(paging.firstPage); pages are counted from 0 or 1", at: paging.location)
        }
        guard case .reference(let name, _) = operation.result, let type = typesByName[name] else { return } // nothing to read
        guard let items = paging.items else {
            diagnostics.error("\(owner) must name the result field that holds the items ('items')", at: paging.location)
            return
        }
        func field(_ key: String, _ fieldName: String?, _ kind: String, _ fits: (Shape) -> Bool) {
            guard let fieldName else { return }
            guard let property = type.properties.first(where: { $0.name == fieldName }) else {
                diagnostics.error("\(owner) reads '\(key)' from '\(fieldName)', which type '\(name)' does not have\(Suggestion.hint(for: fieldName, in: type.properties.map(\.name)))", at: paging.location)
                return
            }
            if !fits(property.shape) {
                diagnostics.error("\(owner) reads '\(key)' from '\(fieldName)', which is not \(kind)", at: paging.location)
            }
        }
        let isInteger: (Shape) -> Bool = { $0.isPrimitive(.int32) || $0.isPrimitive(.int64) }
        field("items", items, "an array", \.isArray)
        field("nextCursor", paging.nextCursor, "a string", { $0.isPrimitive(.string) })
        field("pageNumber", paging.pageNumber, "an integer", isInteger)
        field("totalPages", paging.totalPages, "an integer", isInteger)
        field("totalItems", paging.totalItems, "an integer", isInteger)
        field("hasMore", paging.hasMore, "a boolean", { $0.isPrimitive(.boolean) })
    }
}
