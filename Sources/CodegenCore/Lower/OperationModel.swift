/// One operation as the templates see it.
///
/// Five templates walk the operations, each reading a few of these values (the protocol its names and types, the
/// inputs their properties, the requests their wire details), so each value is lowered when a template first asks
/// for it, not up front. An instance lives on one rendering thread: `LoweredSection` makes one per template.
final class OperationModel {
    let operation: Operation
    let lowering: Lowering

    init(_ operation: Operation, lowering: Lowering) {
        self.operation = operation
        self.lowering = lowering
    }

    /// The arguments: path parameters, then required, then optional ones.
    lazy var fields = lowering.arguments(of: operation)
    lazy var partialBody = operation.body?.partial == true
    lazy var name = SwiftNames.escaped(operation.id)
    lazy var operationID = SwiftTypes.stringLiteral(operation.id)
    lazy var deprecatedMessage = lowering.deprecationMessage(operation)
    lazy var docLines = DocText.lines(lowering.operationDocs(operation, fields: fields))
    lazy var parameters: [ParameterModel] = {
        let extra = partialBody ? [ParameterModel(label: GeneratedNames.additionalFields, type: "[String: JSONValue]", defaultValue: "[:]", isLast: false)] : []
        return lowering.parameterModels(fields, extra: extra)
    }()
    lazy var hasParameters = !fields.isEmpty || partialBody
    /// The result type and whether the method returns it.
    lazy var result = lowering.resultType(of: operation)
    lazy var resultType = result.0
    lazy var returnsValue = result.1
    lazy var returnType: String? = returnsValue ? resultType : nil
    /// The answer is bytes, not JSON: the request goes through `download`.
    lazy var returnsBinary = if case .binary = operation.result { true } else { false }
    /// The result is undocumented open JSON, which callers mostly ignore.
    lazy var discardableResult = if case .undocumented = operation.result { true } else { false }

    // MARK: The input struct and the methods around it

    /// The struct that carries the arguments (the protocol requirement's one parameter); nil without arguments.
    lazy var inputType: String? = hasParameters ? GeneratedNames.input(operationID: operation.id) : nil
    lazy var inputProperties: [PropertyModel] = {
        guard hasParameters else { return [] }
        var properties = lowering.inputProperties(fields)
        // `additionalFields` follows the last property in the initialiser.
        if partialBody, !properties.isEmpty { properties[properties.count - 1].isLast = false }
        return properties
    }()
    /// `label: value, …`: the input made from the labelled method's arguments.
    lazy var inputArguments = (fields.map { lowering.passing($0) } + (partialBody ? ["additionalFields: additionalFields"] : []))
        .joined(separator: ", ")
    /// `listAssets(workspaceName:projectID:)`: the labelled method, for doc comments.
    /// (From the arguments' Swift names: three templates need only this, not the parameters' types.)
    lazy var selector = operation.id + "(" + fields.map { SpecValidator.swiftName(of: $0) + ":" }.joined()
        + (partialBody ? "additionalFields:" : "") + ")"
    /// The protocol requirement's doc comment: the summary and where the arguments are documented, or everything
    /// when the requirement is the only method.
    lazy var requirementDocLines: [String] = inputType == nil ? docLines
        : DocText.wrap(operation.summary.hasSuffix(".") ? operation.summary : operation.summary + ".")
            + ["", "`\(selector)` takes the same arguments one by one and documents them."]
    lazy var validation = lowering.validation(for: fields, rules: operation.body?.rules ?? [], prefix: "",
                                              value: { GeneratedNames.propertyValue(swiftName: SpecValidator.swiftName(of: $0)) })

    // MARK: The request

    lazy var method = operation.method.lowercased()
    lazy var pathExpression = lowering.pathExpression(operation, value: Self.inputValue)
    lazy var query: [QueryModel] = operation.parameters.filter { $0.location == .query }.map {
        QueryModel(wireName: SwiftTypes.stringLiteral($0.name), value: lowering.constantLiteral($0) ?? Self.inputValue($0),
                   commaSeparated: $0.style == "commaSeparated", repeated: $0.style == nil && $0.shape.isArray,
                   objectStyle: $0.style.flatMap { Field.objectStyles.contains($0) ? $0 : nil })
    }
    lazy var headers: [HeaderModel] = operation.parameters.filter { $0.location == .header }.map {
        HeaderModel(name: SwiftTypes.stringLiteral($0.name), value: lowering.constantLiteral($0) ?? Self.inputValue($0))
    }
    lazy var bodyType: String? = operation.body.flatMap { $0.encoding == .json ? GeneratedNames.body(operationID: operation.id) : nil }
    /// A multipart or form body: a part or field per property, in order.
    lazy var bodyParts: [QueryModel] = {
        guard let body = operation.body, body.encoding == .multipart || body.encoding == .form else { return [] }
        return body.properties.map {
            var part = QueryModel(wireName: SwiftTypes.stringLiteral($0.name), value: Self.inputValue($0), commaSeparated: false, repeated: false, objectStyle: nil)
            part.jsonPart = body.encoding == .multipart && lowering.isJSONPart($0.shape)
            return part
        }
    }()
    /// `label: try arguments.path("name"), …`: the input read from a request on the server side.
    lazy var serverArguments: String = {
        var parts = fields.map { lowering.passing($0, as: lowering.serverArgument($0, body: operation.body)) }
        if partialBody {
            let known = (operation.body?.properties ?? []).flatMap { [$0.name] + $0.wireNames }.map(SwiftTypes.stringLiteral).joined(separator: ", ")
            parts.append("additionalFields: try arguments.additionalBodyFields(known: [\(known)])")
        }
        return parts.joined(separator: ", ")
    }()
    /// The summary as one doc line.
    lazy var summaryLine = DocText.oneLine(operation.summary.isEmpty ? operation.id : operation.summary)
    /// The operation's path as a route pattern, `{name}` for each parameter, as a literal.
    lazy var serverPath = SwiftTypes.stringLiteral(operation.path)
    lazy var multipartBody = operation.body?.encoding == .multipart
    lazy var formBody = operation.body?.encoding == .form
    /// The file a binary body sends.
    lazy var binaryBodyValue: String? = operation.body.flatMap { body in
        body.encoding == .binary ? body.properties.first.map(Self.inputValue) : nil
    }
    lazy var bodyArguments = ((operation.body?.properties ?? []).map { lowering.passing($0, as: Self.inputValue($0)) }
        + (partialBody ? ["additionalFields: input.additionalFields"] : [])).joined(separator: ", ")
    lazy var envelopeFields = lowering.envelopeFields(operation)
    lazy var hasEnvelopeFields = !envelopeFields.isEmpty
    /// The operation's own `NCPAnswerShape`, when it differs from the service's.
    lazy var answersLiteral = operation.answers.map { lowering.answersLiteral($0.resolved(over: lowering.spec.service.answers)) }
    /// Query items, headers or a body are added, so the request is a `var`.
    lazy var mutatesRequest = !query.isEmpty || !headers.isEmpty || operation.body != nil || answersLiteral != nil

    /// The client's implementation reads every argument from its input: no argument can shadow a local there.
    static func inputValue(_ field: Field) -> String {
        "input." + SwiftNames.escaped(SpecValidator.swiftName(of: field))
    }
}
