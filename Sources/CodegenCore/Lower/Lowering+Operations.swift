extension Lowering {
    /// The groups that keep at least one of `operations`, in spec order.
    func lowerGroups(_ operations: [Operation]) -> [GroupModel] {
        let byGroup = Dictionary(grouping: operations, by: \.group)
        return spec.groups.compactMap { group in
            guard let operations = byGroup[group.key] else { return nil }
            return GroupModel(title: group.title, docLines: DocText.wrap(group.description), operations: LoweredSection(operations, lowerOperation))
        }
    }

    /// Path parameters first, then what must be given, then what may be left out, each in spec order.
    func arguments(of operation: Operation) -> [Field] {
        let path = operation.parameters.filter { $0.location == .path }
        let rest = operation.parameters.filter { $0.location != .path && $0.constant == nil } + (operation.body?.properties ?? [])
        return path + rest.filter { $0.required } + rest.filter { !$0.required }
    }

    /// `label: value` for handing a field on to another call: labels never need backticks, values may.
    func passing(_ field: Field, as value: String? = nil) -> String {
        SpecValidator.swiftName(of: field) + ": " + (value ?? argumentValue(field))
    }

    /// How a method body reads the argument for `field`.
    func argumentValue(_ field: Field) -> String {
        GeneratedNames.argumentValue(swiftName: SpecValidator.swiftName(of: field))
    }

    /// A required field is a plain argument; any other is optional and `nil` by default, even with a documented
    /// default: the client sends only what the caller set, and the service applies its own default.
    func parameter(_ field: Field) -> (label: String, type: String, defaultValue: String?) {
        let label = SwiftNames.escaped(SpecValidator.swiftName(of: field))
        let type = swift.name(of: field.shape)
        return field.required ? (label, type, nil) : (label, type + "?", "nil")
    }

    /// A constant parameter's value as the text it is sent as, in a Swift literal.
    func constantLiteral(_ field: Field) -> String? {
        switch field.constant {
        case .string(let text, _)?: SwiftTypes.stringLiteral(text)
        case .int(let number, _)?: SwiftTypes.stringLiteral(String(number))
        case .double(let number, _)?: SwiftTypes.stringLiteral(String(number))
        case .bool(let flag, _)?: SwiftTypes.stringLiteral(flag ? "true" : "false")
        default: nil
        }
    }

    /// The argument's name inside the body, when it differs from its label.
    func internalName(_ field: Field) -> String? {
        let value = argumentValue(field)
        return value == SwiftNames.escaped(SpecValidator.swiftName(of: field)) ? nil : value
    }

    func parameterModels(_ fields: [Field], extra: [ParameterModel] = []) -> [ParameterModel] {
        var models = fields.map { field -> ParameterModel in
            let (label, type, defaultValue) = parameter(field)
            return ParameterModel(label: label, internalName: internalName(field), type: type, defaultValue: defaultValue, isLast: false)
        } + extra
        if !models.isEmpty { models[models.count - 1].isLast = true }
        return models
    }

    func deprecationMessage(_ operation: Operation) -> String? {
        guard let deprecated = operation.deprecated else { return nil }
        var message = deprecated.removal.map { "NAVER removes this API in \(DocText.month($0))" } ?? "NAVER has deprecated this API"
        if let replacement = deprecated.replacement { message += "; use \(replacement) instead" }
        return SwiftTypes.stringLiteral(message + ".")
    }

    func lowerOperation(_ operation: Operation) -> OperationModel {
        OperationModel(operation, lowering: self)
    }

    /// The input struct's properties: the method's arguments, with the same types and defaults.
    func inputProperties(_ fields: [Field]) -> [PropertyModel] {
        fields.enumerated().map { offset, field in
            let (label, type, defaultValue) = parameter(field)
            let swiftName = SpecValidator.swiftName(of: field)
            let text = DocText.field(field, defaultLiteral: field.defaultValue.flatMap { swift.literal($0, for: field.shape) })
            return PropertyModel(
                access: options.accessLevel.rawValue,
                name: label, wireName: SwiftTypes.stringLiteral(field.name), storage: nil, storageType: nil,
                argumentName: swiftName == "self" ? "_self" : nil, argumentValue: swiftName == "self" ? "_self" : label,
                type: type, baseType: type, optional: defaultValue != nil, renamed: false,
                docLines: DocText.wrap(text.isEmpty ? "See the API reference." : text), decodeKeys: "", initDefault: defaultValue,
                isLast: offset == fields.count - 1, sensitive: field.sensitive)
        }
    }

    func resultType(of operation: Operation) -> (String, Bool) {
        switch operation.result {
        case .none: ("NCPNoResult", false)
        case .reference(let name, _): (name, true)
        case .undocumented: ("JSONValue", true)
        case .array(let name, _): ("[\(swift.name(of: SwiftTypes.shape(named: name)))]", true)
        case .binary: ("NCPDownload", true)
        }
    }

    /// Fields documented beside `result` that the result type also declares: read from either place.
    func envelopeFields(_ operation: Operation) -> [EnvelopeFieldModel] {
        guard case .reference(let name, _) = operation.result, let type = swift.types[name] else { return [] }
        return operation.envelopeFields.compactMap { field in
            guard let property = type.properties.first(where: { $0.name == field.name }) else { return nil }
            let accessor: String
            switch property.shape {
            case .primitive(.int64): accessor = "integerValue"
            case .primitive(.string): accessor = "stringValue"
            default: return nil
            }
            return EnvelopeFieldModel(property: SwiftNames.escaped(SpecValidator.swiftName(of: property)),
                                      wireName: SwiftTypes.stringLiteral(field.name), accessor: accessor)
        }
    }

    /// `"/api/v1/workspaces/\(PercentEncoding.pathSegment(workspaceName))"`: each path parameter encoded as a segment.
    /// With endpoints, the base path is the chosen endpoint's: `"\(basePath)/workspaces/…"`.
    func pathExpression(_ operation: Operation, value: (Field) -> String) -> String {
        var expression = spec.service.endpoints.isEmpty ? SwiftTypes.literalContent(spec.service.fullPath("")) : "\\(\(GeneratedNames.basePath))"
        var rest = Substring(operation.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            expression += SwiftTypes.literalContent(String(rest[..<open]))
            let name = String(rest[rest.index(after: open)..<close])
            if let field = operation.parameters.first(where: { $0.name == name }) {
                let value = value(field)
                // Every parameter becomes exactly one segment: `.`, `..` and `/` included.
                if case .reference(let name) = field.shape, swift.enums[name] != nil {
                    expression += "\\(PercentEncoding.pathSegment(\(value).rawValue))"
                } else {
                    expression += "\\(PercentEncoding.pathSegment(\(value)))"
                }
            }
            rest = rest[rest.index(after: close)...]
        }
        return "\"" + expression + SwiftTypes.literalContent(String(rest)) + "\""
    }

    /// `  - label: description` for each argument, under a `- Parameters:` line: every argument, since DocC warns
    /// about a parameter the list leaves out.
    func parameterDocLines(_ fields: [Field]) -> [String] {
        fields.map { field in
            let label = parameter(field).label
            let text = DocText.field(field, defaultLiteral: field.defaultValue.flatMap { swift.literal($0, for: field.shape) })
            return "  - \(label.trimmingCharacters(in: ["`"])): \(text.isEmpty ? "See the API reference." : text)"
        }
    }

    func operationDocs(_ operation: Operation, fields: [Field]) -> [String] {
        var lines = DocText.wrap(operation.summary.hasSuffix(".") ? operation.summary : operation.summary + ".")
        if !operation.description.isEmpty { lines += [""] + DocText.wrap(operation.description) }
        lines += ["", "`\(operation.method) \(spec.service.fullPath(operation.path))` — [API reference](\(operation.doc))"]
        if let rateLimit = operation.rateLimit {
            var text = "Rate limit: \(rateLimit.limit) calls per \(rateLimit.per)."
            if let note = rateLimit.note { text += " " + note }
            for alternative in rateLimit.alternatives {
                text += " Other reading: \(alternative.limit) per \(alternative.per)." + (alternative.note.map { " " + $0 } ?? "")
            }
            lines += [""] + DocText.wrap(text)
        }
        if let since = operation.since { lines += ["", "Documented since \(since)."] }
        for note in operation.notes { lines += [""] + DocText.wrap("- Note: " + note) }
        if !fields.isEmpty || operation.body?.partial == true {
            lines += ["", "- Parameters:"] + parameterDocLines(fields)
            if operation.body?.partial == true {
                lines.append("  - additionalFields: Body fields the docs don't describe, sent as given.")
            }
        }
        switch operation.result {
        case .reference(let name, _):
            let description = swift.types[name]?.description ?? name
            lines.append("- Returns: \(description)")
        case .undocumented(let description, _):
            lines.append("- Returns: The `result` as open JSON (`.null` when absent). \(description)")
        case .array(let name, _):
            let description = swift.types[name].map { DocText.oneLine($0.description) } ?? "`\(swift.name(of: SwiftTypes.shape(named: name)))` values."
            lines.append("- Returns: A list, each item: \(description)")
        case .binary:
            lines.append("- Returns: The answer's bytes, with the content type and file name it came with.")
        case .none:
            break
        }
        var throwsText = "- Throws: `NCPError`"
        let codes = operation.errors.compactMap { reference in spec.errors.first { $0.code == reference.code } }
        if !codes.isEmpty {
            let list = codes.map { "`.\($0.name)` (\($0.code))" }.joined(separator: ", ")
            switch operation.errorsProvenance {
            case .documented(let source)?: throwsText += "; service errors the docs list for it ([source](\(source))): " + list + "."
            case .inferred(let note)?: throwsText += "; service errors it may return, inferred (\(note)): " + list + "."
            case nil: throwsText += "; service errors it may return: " + list + "."
            }
        } else {
            throwsText += "."
        }
        lines.append(throwsText)
        return lines
    }

    func lowerBody(_ operation: Operation) -> BodyModel {
        let models = properties(operation.body?.properties ?? [])
        let partial = operation.body?.partial == true
        return BodyModel(name: GeneratedNames.body(operationID: operation.id), operationID: operation.id, properties: models,
                         partial: partial, hasCodingKeys: !partial && models.contains(where: \.renamed))
    }
}
