import Foundation

extension SpecValidator {
    /// The Swift name a field will get.
    static func swiftName(of field: Field) -> String {
        field.swiftName ?? field.derivedSwiftName
    }

    mutating func checkProperties(_ properties: [Field], owner: String) {
        checkDuplicates(properties.map { ($0.name, $0.sourceLocation) }, what: "property of \(owner)")
        var wireNames: [(String, SourceLocation)] = []
        for property in properties {
            checkField(property, owner: owner)
            if property.location != nil {
                diagnostics.error("'in' is only for operation parameters, not for property '\(property.name)' of \(owner)", at: property.sourceLocation)
            }
            wireNames += ([property.name] + property.wireNames).map { ($0, property.sourceLocation) }
        }
        checkDuplicates(wireNames, what: "wire name of \(owner)")
        checkSwiftNameCollisions(properties.map { ($0.name, Self.swiftName(of: $0), $0.sourceLocation) }, owner: owner)
    }

    /// A partial type (or body) keeps the fields the docs don't describe in a dictionary of its own; a documented
    /// field of that Swift name would be declared twice.
    mutating func checkPartialMembers(_ properties: [Field], owner: String) {
        for property in properties where Self.swiftName(of: property) == GeneratedNames.additionalFields {
            diagnostics.error("'\(property.name)' of \(owner) becomes the property '\(GeneratedNames.additionalFields)', which a partial type keeps the undocumented fields in; give it a 'swiftName'", at: property.sourceLocation)
        }
    }

    /// The shape resolves, the constraints suit the shape, and the default obeys them.
    mutating func checkField(_ field: Field, owner: String) {
        let what = field.name.isEmpty ? "the items of a field of \(owner)" : "'\(field.name)' of \(owner)"
        if let swiftName = field.swiftName, !isSwiftIdentifier(swiftName) {
            diagnostics.error("swiftName '\(swiftName)' of \(what) is not a Swift identifier", at: field.sourceLocation)
        }
        checkShape(field.shape, at: field.sourceLocation, what: what)
        checkConstraints(field, what: what)
        if let value = field.defaultValue {
            if field.required {
                diagnostics.error("\(what) is required, so its default can never apply", at: value.location)
            }
            for problem in conformance(of: value, to: field, path: "the default of \(what)") {
                diagnostics.error(problem.message, at: problem.location)
            }
        }
    }

    mutating func checkShape(_ shape: Shape, at location: SourceLocation, what: String) {
        switch shape {
        case .primitive: break
        case .reference(let name):
            if typesByName[name] == nil && enumsByName[name] == nil {
                let known = spec.types.map(\.name) + spec.enums.map(\.name) + Primitive.allCases.map(\.rawValue) + ["array"]
                diagnostics.unresolved("\(what) has the undefined type '\(name)'\(Suggestion.hint(for: name, in: known))", at: location)
            }
        case .array(let items):
            checkField(items, owner: what)
        }
    }

    mutating func checkConstraints(_ field: Field, what: String) {
        let c = field.constraints
        let isString = field.shape.isPrimitive(.string)
        let isInteger = field.shape.isPrimitive(.int32) || field.shape.isPrimitive(.int64)
        let isArray = field.shape.isArray
        func misplaced(_ name: String, _ present: Bool, _ allowed: Bool, _ kind: String) {
            if present && !allowed {
                diagnostics.error("'\(name)' applies to \(kind), and \(what) is not one", at: field.sourceLocation)
            }
        }
        misplaced("minLength", c.minLength != nil, isString, "strings")
        misplaced("maxLength", c.maxLength != nil, isString, "strings")
        misplaced("pattern", c.pattern != nil, isString, "strings")
        misplaced("forbiddenCharacters", c.forbiddenCharacters != nil, isString, "strings")
        misplaced("notBlank", c.notBlank, isString, "strings")
        misplaced("minimum", c.minimum != nil, isInteger, "integers")
        misplaced("maximum", c.maximum != nil, isInteger, "integers")
        misplaced("minItems", c.minItems != nil, isArray, "arrays")
        misplaced("maxItems", c.maxItems != nil, isArray, "arrays")
        if let style = field.style {
            if style == "commaSeparated", !(isArray && field.location == .query) {
                diagnostics.error("'style: commaSeparated' applies to query parameters that are arrays, and \(what) is not one", at: field.sourceLocation)
            } else if Field.objectStyles.contains(style), field.location != .query || field.shape.holdsFile {
                diagnostics.error("'style: \(style)' applies to query parameters, and \(what) is not one (or holds a file)", at: field.sourceLocation)
            } else if style == "form" || style == "deepObject", !isObjectOrJSON(field.shape) {
                diagnostics.error("'style: \(style)' writes an object's properties into the query, and \(what) is not an object", at: field.sourceLocation)
            }
        }
        if let constant = field.constant {
            if field.location != .query && field.location != .header {
                diagnostics.error("\(what) has a 'constant', which only query and header parameters can have", at: field.sourceLocation)
            } else if case .array = constant {
                diagnostics.error("the constant of \(what) must be a single value", at: constant.location)
            } else if case .object = constant {
                diagnostics.error("the constant of \(what) must be a single value", at: constant.location)
            }
            if field.defaultValue != nil {
                diagnostics.error("\(what) has both a 'constant' and a 'default'; a constant is always sent", at: field.sourceLocation)
            }
        }
        if field.location == .header, let bad = Self.headerNameProblem(field.name) {
            diagnostics.error("\(what) is a header named '\(field.name)', which \(bad)", at: field.sourceLocation)
        } else if field.location == .header,
                  [spec.service.apiKeyHeader, spec.service.apiKeyIDHeader].contains(where: { $0?.lowercased() == field.name.lowercased() }) {
            diagnostics.error("\(what) is the header '\(field.name)' the client sets from its API key (the service's 'authentication')", at: field.sourceLocation)
        }
        if field.location != nil, !(field.style.map(Field.objectStyles.contains) ?? false), !isScalarParameter(field.shape, arrayAllowed: field.location == .query) {
            let kinds = field.location == .query ? "a string, number, boolean or enum, or an array of those" : "a string, number, boolean or enum"
            let hint = field.location == .query && isObjectOrJSON(field.shape) ? "; an object needs 'style: form', 'deepObject' or 'json'" : ""
            diagnostics.error("\(what) is in the \(field.location!.rawValue), so it must be \(kinds)\(hint)", at: field.sourceLocation)
        }
        if let low = c.minLength, let high = c.maxLength, low > high {
            diagnostics.error("\(what) has minLength \(low) above maxLength \(high)", at: field.sourceLocation)
        }
        if let low = c.minimum, let high = c.maximum, low > high {
            diagnostics.error("\(what) has minimum \(low) above maximum \(high)", at: field.sourceLocation)
        }
        if let low = c.minItems, let high = c.maxItems, low > high {
            diagnostics.error("\(what) has minItems \(low) above maxItems \(high)", at: field.sourceLocation)
        }
        if let pattern = c.pattern, RegexCache.regex(pattern) == nil {
            diagnostics.error("the pattern of \(what) is not a valid regular expression", at: field.sourceLocation)
        }
    }

    mutating func checkRules(_ rules: [ObjectRule], properties: [Field], owner: String) {
        let names = properties.map(\.name)
        for rule in rules {
            for name in rule.fields where !names.contains(name) {
                diagnostics.error("a rule of \(owner) names '\(name)', which is not one of its properties\(Suggestion.hint(for: name, in: names))", at: rule.location)
            }
            if let code = rule.error, !spec.errors.contains(where: { $0.code == code }) {
                diagnostics.unresolved("a rule of \(owner) names the undefined error code '\(code)'", at: rule.location)
            }
            if case .maxItemsInAll(let fields, let max, _, let location) = rule {
                if max < 1 { diagnostics.error("'max' of a rule of \(owner) must be at least 1", at: location) }
                for property in properties where fields.contains(property.name) && !property.shape.isArray {
                    diagnostics.error("a 'maxItemsInAll' rule of \(owner) counts items, but '\(property.name)' is not an array", at: location)
                }
            }
            if case .exactlyOneOf(let fields, _, let location) = rule,
               properties.contains(where: { fields.contains($0.name) && $0.required }) {
                diagnostics.error("an 'exactlyOneOf' rule of \(owner) can't name a required property", at: location)
            }
        }
    }
}

extension SpecValidator {
    /// Why a header can't be a parameter: not an HTTP token, or one the client itself sets (signing, content).
    static func headerNameProblem(_ name: String) -> String? {
        let token = Set("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        if name.isEmpty || !name.allSatisfy(token.contains) { return "is not a valid HTTP header name" }
        let lower = name.lowercased()
        if lower.hasPrefix("x-ncp-apigw-") || lower.hasPrefix("x-ncp-iam-") { return "the client sets itself when it signs the request" }
        if ["host", "content-type", "content-length", "accept", "authorization", "transfer-encoding", "connection"].contains(lower) {
            return "the client or its transport sets"
        }
        return nil
    }

    /// What a parameter can be written as in a path or a query: no objects, no open JSON, no date-times.
    /// A `file` anywhere but a property of a multipart or binary body: it has no JSON, query or header form.
    mutating func checkNoFiles(_ fields: [Field], owner: String) {
        for field in fields where field.shape.holdsFile {
            diagnostics.error("'\(field.name)' of \(owner) is a file, which only a multipart or binary body can send", at: field.sourceLocation)
        }
    }

    /// What a non-JSON body can send: for a form, strings, numbers, booleans and enums (or lists of them); for
    /// multipart, files too; for binary, exactly one file.
    mutating func checkBodyEncoding(_ body: Body, operation: Operation) {
        let owner = "the \(body.encoding.rawValue) body of '\(operation.id)'"
        if body.encoding != .json, body.partial {
            diagnostics.error("\(owner) can't be partial: undocumented fields are JSON, which a \(body.encoding.rawValue) body can't carry", at: body.location)
        }
        switch body.encoding {
        case .json:
            checkNoFiles(body.properties, owner: "the body of '\(operation.id)'")
        case .form, .multipart:
            for property in body.properties {
                let allowed = isScalarParameter(property.shape, arrayAllowed: true)
                    || (body.encoding == .multipart && (property.shape.isPrimitive(.file) || { if case .array(let items) = property.shape { items.shape.isPrimitive(.file) } else { false } }()
                        || isObjectOrJSON(property.shape)))
                if !allowed {
                    let kinds = body.encoding == .multipart ? "a file, string, number, boolean or enum, a list of those, or an object or json (sent as a JSON part)"
                        : "a string, number, boolean or enum, or a list of those"
                    diagnostics.error("'\(property.name)' of \(owner) must be \(kinds)", at: property.sourceLocation)
                }
            }
        case .binary:
            if body.properties.count != 1 || !body.properties[0].shape.isPrimitive(.file) {
                diagnostics.error("\(owner) must have exactly one property, of type file: the bytes it sends", at: body.location)
            }
        }
    }

    /// An object type, or open JSON: what `style: form` and `deepObject` can spread into the query.
    func isObjectOrJSON(_ shape: Shape) -> Bool {
        switch shape {
        case .primitive(let primitive): primitive == .json
        case .reference(let name): typesByName[name] != nil
        case .array: false
        }
    }

    func isScalarParameter(_ shape: Shape, arrayAllowed: Bool) -> Bool {
        switch shape {
        case .primitive(let primitive): primitive != .json && primitive != .file
        case .reference(let name): enumsByName[name] != nil
        case .array(let items): arrayAllowed && isScalarParameter(items.shape, arrayAllowed: false)
        }
    }
}

extension Shape {
    /// A file, or a list of files.
    var holdsFile: Bool {
        switch self {
        case .primitive(let primitive): primitive == .file
        case .reference: false
        case .array(let items): items.shape.holdsFile
        }
    }

    func isPrimitive(_ primitive: Primitive) -> Bool {
        if case .primitive(let own) = self { return own == primitive }
        return false
    }

    var isArray: Bool {
        if case .array = self { return true }
        return false
    }
}
