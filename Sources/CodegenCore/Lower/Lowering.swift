/// Turns a validated `Spec` into the model the templates render.
struct Lowering {
    let spec: Spec
    let options: GeneratorOptions
    let swift: SwiftTypes
    let operationsByID: NamedIndex<Operation>
    let typeGraph: TypeGraph

    init(spec: Spec, options: GeneratorOptions) {
        self.spec = spec
        self.options = options
        swift = SwiftTypes(spec: spec)
        operationsByID = NamedIndex(spec.operations, name: \.id)
        typeGraph = TypeGraph(spec)
    }

    func lower() -> RenderModel {
        let service = spec.service
        let importPrefix = options.accessLevel == .internal ? "" : options.accessLevel.rawValue + " "
        let operations = spec.operations.filter(included)
        let reachable = reachableTypeNames(from: operations)
        let types = reachable.map { names in spec.types.filter { names.contains($0.name) } } ?? spec.types
        let enums = reachable.map { names in spec.enums.filter { names.contains($0.name) } } ?? spec.enums
        let pagers = lowerPagers()
        let waiters = spec.waiters.compactMap(lowerWaiter)
        let clientName = GeneratedNames.client(service: service.name, options: options)
        let clientModuleImport: String? = if case .separateModule(let module) = options.testDouble { importPrefix + "import " + module } else { nil }
        // In the order the double declares its methods: group by group.
        let examples = lowerExamples(spec.groups.flatMap { group in operations.filter { $0.group == group.key } })
        return RenderModel(
            access: options.accessLevel.rawValue,
            importPrefix: importPrefix,
            modelsImportPrefix: types.contains(where: declarationMentionsRuntime) ? importPrefix : "",
            // Only operations with arguments have a method there.
            operationsImportPrefix: operations.contains { hasInput($0) && signatureMentionsRuntime($0) } ? importPrefix : "",
            inputsImportPrefix: operations.contains(where: argumentsMentionRuntime) ? importPrefix : "",
            pagingImportPrefix: pagers.isEmpty ? "" : importPrefix,
            requestsFoundationImport: operations.contains { if case .binary = $0.result { true } else { false } } ? importPrefix + "import Foundation" : nil,
            waitersImportPrefix: waiters.isEmpty ? "" : importPrefix,
            serviceName: service.name,
            clientName: clientName,
            errorCatalogName: GeneratedNames.errorCatalog(service: service.name),
            errorNamespace: GeneratedNames.errorNamespace(service: service.name),
            answersLiteral: answersLiteral((service.answers ?? AnswerShape(envelope: nil, errors: nil, location: service.location)).resolved(over: nil),
                                           indentation: "    "),
            title: DocText.oneLine(service.title.isEmpty ? service.name : service.title),
            serviceErrorExample: spec.errors.first?.name,
            docLines: DocText.wrap(service.description),
            defaultBaseURL: "https://" + service.host,
            defaultBaseURLLiteral: SwiftTypes.stringLiteral("https://" + service.host),
            legacyBaseURLs: "[" + service.legacyHosts.map { "URL(string: \(SwiftTypes.stringLiteral("https://" + $0)))!" }.joined(separator: ", ") + "]",
            rateLimitsLiteral: rateLimitsLiteral(operations),
            endpointsLiteral: endpointsLiteral(),
            defaultBasePathLiteral: SwiftTypes.stringLiteral(service.fullPath("")),
            serviceNameLiteral: SwiftTypes.stringLiteral(service.title.isEmpty ? service.name : service.title),
            serverClientModuleImport: options.serverClientModule.map { module in
                // Public only where a requirement or a conformance names one of the client's types.
                let named = !enums.isEmpty || operations.contains { hasInput($0) || (resultType(of: $0).1 && !Self.mentionsRuntime(resultType(of: $0).0)) }
                return (named ? importPrefix : "") + "import " + module
            },
            invalidRequestLiteral: spec.invalidRequestError.map {
                "NCPServerError(status: \($0.status), code: \(SwiftTypes.stringLiteral($0.code)), message: \(SwiftTypes.stringLiteral($0.message)))"
            } ?? "NCPServerError(status: 400, code: \"400\", message: \"Invalid request\")",
            handlerName: GeneratedNames.serverHandler(service: service.name),
            serverRuntimeImportPrefix: operations.contains { resultType(of: $0).1 && Self.mentionsRuntime(resultType(of: $0).0) } ? importPrefix : "",
            serverSupportImportPrefix: enums.isEmpty ? "" : importPrefix,
            authenticationLiteral: service.apiKeyHeader.map { header in
                ".apiKey(header: \(SwiftTypes.stringLiteral(header))" + (service.apiKeyIDHeader.map { ", idHeader: \(SwiftTypes.stringLiteral($0))" } ?? "") + ")"
            },
            apiKeyHeader: service.apiKeyHeader,
            invokeURL: service.invokeURL.map(DocText.oneLine),
            types: LoweredSection(types, lowerType),
            enums: LoweredSection(enums, lowerEnum),
            groups: lowerGroups(operations),
            bodies: LoweredSection(operations.filter { $0.body?.encoding == .json }, lowerBody),
            serviceErrors: lowerErrors(spec.errors),
            gatewayErrors: lowerErrors(spec.gatewayErrors),
            pagers: pagers,
            waiters: waiters,
            hasOperations: !operations.isEmpty,
            protocolName: GeneratedNames.clientProtocol(client: clientName),
            doubleName: GeneratedNames.double(client: clientName),
            clientModuleImport: clientModuleImport,
            examplesClientModuleImport: examples.isEmpty ? nil : clientModuleImport,
            examplesImportPrefix: operations.contains { resultType(of: $0).1 && Self.mentionsRuntime(resultType(of: $0).0) } ? importPrefix : "",
            examples: examples)
    }

    /// With an operation filter, the types and enums the chosen operations reach, so a client of four operations
    /// declares their models only; nil without a filter (everything is generated).
    func reachableTypeNames(from operations: [Operation]) -> Set<String>? {
        guard options.operationFilter != nil else { return nil }
        let typesByName = NamedIndex(spec.types, name: \.name)
        var reached: Set<String> = []
        var pending: [String] = []
        func visit(_ field: Field) {
            switch field.shape {
            case .reference(let name): pending.append(name)
            case .array(let items): visit(items)
            case .primitive: break
            }
        }
        for operation in operations {
            operation.parameters.forEach(visit)
            operation.body?.properties.forEach(visit)
            operation.envelopeFields.forEach(visit)
            if let name = operation.result.referencedName { pending.append(name) }
        }
        while let name = pending.popLast() {
            guard reached.insert(name).inserted, let type = typesByName[name] else { continue }
            type.properties.forEach(visit)
        }
        return reached
    }

    /// Whether a type's declaration names a type of the runtime, so its file must import it publicly.
    func declarationMentionsRuntime(_ type: ObjectType) -> Bool {
        type.partial || type.properties.contains { Self.mentionsRuntime(swift.name(of: $0.shape)) }
    }

    /// Whether an operation's method signature names a type of the runtime.
    func signatureMentionsRuntime(_ operation: Operation) -> Bool {
        let (result, returnsValue) = resultType(of: operation)
        return returnsValue && Self.mentionsRuntime(result) || argumentsMentionRuntime(operation)
    }

    /// Whether an operation takes arguments, so has an input struct and a method that takes them one by one.
    func hasInput(_ operation: Operation) -> Bool {
        operation.body?.partial == true || !arguments(of: operation).isEmpty
    }

    /// Whether an operation's arguments (so its input struct) name a type of the runtime.
    func argumentsMentionRuntime(_ operation: Operation) -> Bool {
        operation.body?.partial == true // `additionalFields: [String: JSONValue]`
            || arguments(of: operation).contains { Self.mentionsRuntime(swift.name(of: $0.shape)) }
    }

    /// Types of the runtime that can appear in a public signature of the generated files.
    static func mentionsRuntime(_ type: String) -> Bool {
        type.contains("JSONValue") || type.contains("NCPDateTime") || type.contains("NCPDownload") || type.contains("NCPFile")
    }

    func included(_ operation: Operation) -> Bool {
        options.operationFilter?.includes(operation) ?? true
    }

    // MARK: Types

    /// - Parameter owner: The object type that holds the property, when it is one: a property leading back to it is
    ///   stored indirectly.
    func property(_ field: Field, isLast: Bool, owner: String? = nil) -> PropertyModel {
        let optional = !field.required || field.nullable
        let type = swift.name(of: field.shape)
        let defaultLiteral = field.defaultValue.flatMap { swift.literal($0, for: field.shape) }
        let swiftName = SpecValidator.swiftName(of: field)
        var indirect = false
        if let owner, case .reference(let target) = field.shape, swift.types[target] != nil {
            indirect = typeGraph.leadsBack(from: target, to: owner)
        }
        return PropertyModel(
            access: options.accessLevel.rawValue,
            name: SwiftNames.escaped(swiftName),
            wireName: SwiftTypes.stringLiteral(field.name),
            storage: indirect ? "_" + swiftName + "Storage" : nil,
            storageType: indirect ? "NCPIndirect<\(type)>?" : nil,
            argumentName: swiftName == "self" ? "_self" : nil,
            argumentValue: swiftName == "self" ? "_self" : SwiftNames.escaped(swiftName),
            type: optional ? type + "?" : type,
            baseType: type,
            optional: optional,
            renamed: swiftName != field.name,
            docLines: DocText.wrap(DocText.field(field, defaultLiteral: defaultLiteral)),
            decodeKeys: ([field.name] + field.wireNames).map(SwiftTypes.stringLiteral).joined(separator: ", "),
            initDefault: optional ? "nil" : nil,
            isLast: isLast,
            sensitive: field.sensitive)
    }

    func properties(_ fields: [Field], owner: String? = nil) -> [PropertyModel] {
        fields.enumerated().map { property($0.element, isLast: $0.offset == fields.count - 1, owner: owner) }
    }

    func lowerType(_ type: ObjectType) -> TypeModel {
        var models = properties(type.properties, owner: type.name)
        // `additionalFields` follows the last property in the initialiser.
        if type.partial, !models.isEmpty { models[models.count - 1].isLast = false }
        let custom = type.partial || type.properties.contains { !$0.wireNames.isEmpty } || models.contains { $0.storage != nil }
        let renamed = models.contains(where: \.renamed)
        let known = type.properties.flatMap { [$0.name] + $0.wireNames }
        var docText = type.description
        if type.partial {
            docText += " The docs show only some of its fields; the others are kept in `additionalFields`."
        }
        return TypeModel(
            access: options.accessLevel.rawValue,
            name: type.name, docLines: DocText.wrap(docText), properties: models, customCoding: custom, partial: type.partial,
            hasCodingKeys: renamed && !custom, knownKeys: known.map(SwiftTypes.stringLiteral).joined(separator: ", "),
            validation: swift.needsValidation(type) ? validation(for: type.properties, rules: type.rules, prefix: "\\(field).",
                                                                     value: { GeneratedNames.propertyValue(swiftName: SpecValidator.swiftName(of: $0)) }) : nil)
    }

    func lowerEnum(_ enumType: EnumType) -> EnumModel {
        var docText = enumType.description
        if enumType.open {
            docText += " New values may appear; they arrive as `unknown` and are sent back unchanged."
        }
        return EnumModel(
            name: enumType.name, docLines: DocText.wrap(docText), open: enumType.open,
            cases: enumType.values.map {
                CaseModel(name: SwiftTypes.caseName($0), rawValue: SwiftTypes.stringLiteral($0.value), docLines: DocText.wrap($0.description))
            })
    }

    // MARK: Validation

    /// Checks for the limits of `fields` (and the types they hold), and the cross-field `rules`.
    /// - Parameter prefix: Put before wire names in messages: `"\(field)."` inside a type, empty in a method.
    /// - Parameter value: How the code reads a field's value: an argument, or `self.` a property.
    func validation(for fields: [Field], rules: [ObjectRule], prefix: String, value valueOf: (Field) -> String) -> ValidationModel? {
        var checks: [CheckModel] = []
        for field in fields where swift.needsValidation(field) {
            let value = valueOf(field)
            let optional = !field.required || field.nullable
            let fieldName = prefix + field.name
            if let arguments = constraintArguments(field.constraints) {
                checks.append(CheckModel(value: value, field: fieldName, arguments: arguments, eachItem: false, nested: false, optional: optional))
            }
            switch field.shape {
            case .array(let items):
                if let arguments = constraintArguments(items.constraints) {
                    checks.append(CheckModel(value: value, field: fieldName, arguments: arguments, eachItem: true, nested: false, optional: optional))
                }
                if case .reference(let name) = items.shape, let type = swift.types[name], swift.needsValidation(type) {
                    checks.append(CheckModel(value: value, field: fieldName, arguments: "", eachItem: true, nested: true, optional: optional))
                }
            case .reference(let name):
                if let type = swift.types[name], swift.needsValidation(type) {
                    checks.append(CheckModel(value: value, field: fieldName, arguments: "", eachItem: false, nested: true, optional: optional))
                }
            case .primitive:
                break
            }
        }
        let byName = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let ruleModels = rules.map { rule -> RuleModel in
            func pairs(_ value: (_ swiftName: String, _ field: Field?) -> String) -> String {
                rule.fields.map { name in
                    let swiftName = byName[name].map(valueOf) ?? name
                    return "\"\(prefix)\(name)\": " + value(swiftName, byName[name])
                }.joined(separator: ", ")
            }
            let given = pairs { swiftName, _ in "\(swiftName) != nil" }
            switch rule {
            case .exactlyOneOf: return RuleModel(function: "exactlyOne(of: ", pairs: given)
            case .requiredTogether: return RuleModel(function: "together(", pairs: given)
            case .mutuallyExclusive: return RuleModel(function: "atMostOne(of: ", pairs: given)
            case .maxItemsInAll(_, let max, _, _):
                let counts = pairs { swiftName, field in
                    field.map { !$0.required || $0.nullable } ?? true ? "\(swiftName)?.count ?? 0" : "\(swiftName).count"
                }
                return RuleModel(function: "itemsInAll(atMost: \(max), of: ", pairs: counts)
            }
        }
        return checks.isEmpty && ruleModels.isEmpty ? nil : ValidationModel(checks: checks, rules: ruleModels)
    }

    /// `minLength: 1, maxLength: 100`, or nil when the field has no limits.
    func constraintArguments(_ c: Constraints) -> String? {
        var parts: [String] = []
        if let value = c.minLength { parts.append("minLength: \(value)") }
        if let value = c.maxLength { parts.append("maxLength: \(value)") }
        if let value = c.pattern { parts.append("pattern: \(SwiftTypes.stringLiteral(value))") }
        if let value = c.forbiddenCharacters { parts.append("forbiddenCharacters: \(SwiftTypes.stringLiteral(value))") }
        if c.notBlank { parts.append("notBlank: true") }
        if let value = c.minimum { parts.append("minimum: \(value)") }
        if let value = c.maximum { parts.append("maximum: \(value)") }
        if let value = c.minItems { parts.append("minItems: \(value)") }
        if let value = c.maxItems { parts.append("maxItems: \(value)") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    // MARK: Answers

    /// `NCPAnswerShape(envelope: .init(…), errorForms: [.gateway, …])`.
    /// - Parameter indentation: Where the expression's statement starts: its arguments go one level deeper, a line
    ///   each; nil writes it on one line.
    func answersLiteral(_ shape: (envelope: AnswerShape.Envelope?, errors: [AnswerShape.ErrorForm]), indentation: String? = nil) -> String {
        func literal(_ text: String?) -> String { text.map(SwiftTypes.stringLiteral) ?? "nil" }
        var parts: [String] = []
        if let envelope = shape.envelope {
            var arguments = ["resultField: \(literal(envelope.result))"]
            if let code = envelope.code { arguments.append("codeField: \(literal(code))") }
            if !envelope.success.isEmpty { arguments.append("successCodes: [" + envelope.success.map(SwiftTypes.stringLiteral).joined(separator: ", ") + "]") }
            if let message = envelope.message { arguments.append("messageField: \(literal(message))") }
            parts.append("envelope: .init(" + arguments.joined(separator: ", ") + ")")
        }
        let gateway = AnswerShape.gatewayForm(at: spec.service.location)
        let forms = shape.errors.map { form -> String in
            if form.source == gateway.source, form.container == gateway.container, form.code == gateway.code, form.message == gateway.message {
                return ".gateway"
            }
            var arguments = ["source: .\(form.source)"]
            if let container = form.container { arguments.append("container: \(literal(container))") }
            arguments.append("codeField: \(literal(form.code))")
            if let message = form.message { arguments.append("messageField: \(literal(message))") }
            return ".init(" + arguments.joined(separator: ", ") + ")"
        }
        if forms != [".gateway"] { parts.append("errorForms: [" + forms.joined(separator: ", ") + "]") }
        guard let indentation, !parts.isEmpty else { return "NCPAnswerShape(" + parts.joined(separator: ", ") + ")" }
        return "NCPAnswerShape(\n" + parts.map { indentation + "    " + $0 }.joined(separator: ",\n") + "\n" + indentation + ")"
    }

    // MARK: Errors

    func lowerErrors(_ errors: [ErrorCode]) -> [ErrorModel] {
        var models: [ErrorModel] = []
        for error in errors where !error.duplicate {
            let statuses = errors.filter { $0.code == error.code }.map { String($0.status) }
            var text = "`\(error.code)` (HTTP \(statuses.joined(separator: ", "))): \(error.message)"
            if !error.meaning.isEmpty, error.meaning != error.message { text += " — " + error.meaning }
            if let note = errors.last(where: { $0.code == error.code })?.note { text += " " + note }
            models.append(ErrorModel(access: options.accessLevel.rawValue, name: SwiftNames.escaped(error.name), code: SwiftTypes.stringLiteral(error.code),
                                     statuses: statuses.joined(separator: ", "), message: SwiftTypes.stringLiteral(error.message),
                                     docLines: DocText.wrap(text), retryable: error.retryable))
        }
        return models
    }
}
