/// Writes an OpenAPI 3.1 document of a spec: every operation, parameter, body, result (inside its envelope), type,
/// enum, error code and example. What OpenAPI can't say travels in documented `x-ncp-…` extensions (see
/// the README's "OpenAPI in and out"): open enums (`x-extensible-enum`, the common convention), wire-name alternatives, Swift
/// names, forbidden characters, cross-field rules, paging, waiters, rate limits, deprecation dates and
/// replacements, error codes and notes.
public enum OpenAPIExport {
    /// The document as JSON text.
    public static func document(of spec: Spec) -> String {
        Exporter(spec: spec).document().lines.joined(separator: "\n") + "\n"
    }
}

struct Exporter {
    let spec: Spec

    typealias Members = [(key: String, value: JSONText)]

    func document() -> JSONText {
        let service = spec.service
        var info: Members = [("title", .string(service.title.isEmpty ? service.name : service.title)), ("version", .string("1.0.0"))]
        if !service.description.isEmpty { info.append(("description", .string(service.description))) }
        info.append(("x-ncp-service-name", .string(service.name)))
        var root: Members = [
            ("openapi", .string("3.1.0")),
            ("info", .object(info)),
            ("servers", .array([.object([("url", .string("https://" + service.host + service.fullPath("")))])]
                + service.legacyHosts.map { .object([("url", .string("https://" + $0 + service.fullPath(""))), ("description", .string("Legacy host"))]) }
                + service.endpoints.map { endpoint in
                    .object([("url", .string("https://" + endpoint.host + Service.joined(basePath: endpoint.basePath, ""))),
                             ("description", .string("\(endpoint.region) region, \(endpoint.site) site")),
                             ("x-ncp-site", .string(endpoint.site)), ("x-ncp-region", .string(endpoint.region))])
                })),
        ]
        if !service.docs.isEmpty { root.append(("externalDocs", .object([("url", .string(service.docs))]))) }
        if let invokeURL = service.invokeURL { root.append(("x-ncp-invoke-url", .string(invokeURL))) }
        root.append(("tags", .array(spec.groups.map { group in
            .object([("name", .string(group.key)), ("description", .string(group.description.isEmpty ? group.title : group.description)),
                     ("x-ncp-title", .string(group.title))])
        })))
        root.append(("security", .array([.object(securitySchemes.map { ($0.name, .array([])) })])))
        root.append(("paths", paths()))
        root.append(("components", components()))
        if !service.notes.isEmpty { root.append(("x-ncp-notes", .array(service.notes.map(JSONText.string)))) }
        root.append(("x-ncp-answers", answers(service.answers?.resolved(over: nil) ?? (nil, [AnswerShape.gatewayForm(at: service.location)]))))
        if !spec.waiters.isEmpty { root.append(("x-ncp-waiters", .array(spec.waiters.map(waiter)))) }
        return .object(root)
    }

    /// NCP API Gateway signature v2: three headers, all required on every call.
    static let signatureSchemes: [(name: String, header: String, description: String)] = [
        ("ncpTimestamp", "x-ncp-apigw-timestamp", "Milliseconds since 1970-01-01T00:00:00Z."),
        ("ncpAccessKey", "x-ncp-iam-access-key", "The access key issued on NAVER Cloud Platform."),
        ("ncpSignature", "x-ncp-apigw-signature-v2", "Base64 HMAC-SHA256, with the secret key, of the method, the path and query, the timestamp and the access key."),
    ]

    /// The signature's headers, or the service's own API key (and its ID) where it takes one instead.
    var securitySchemes: [(name: String, header: String, description: String)] {
        guard let header = spec.service.apiKeyHeader else { return Self.signatureSchemes }
        return [("apiKey", header, "The service's API key.")]
            + (spec.service.apiKeyIDHeader.map { [("apiKeyID", $0, "The API key's ID.")] } ?? [])
    }

    // MARK: Paths

    func paths() -> JSONText {
        var byPath: [(path: String, operations: Members)] = []
        for operation in spec.operations {
            let entry = (operation.method.lowercased(), self.operation(operation))
            if let index = byPath.firstIndex(where: { $0.path == operation.path }) {
                byPath[index].operations.append(entry)
            } else {
                byPath.append((operation.path, [entry]))
            }
        }
        return .object(byPath.map { ($0.path, .object($0.operations)) })
    }

    func operation(_ operation: Operation) -> JSONText {
        var members: Members = [("operationId", .string(operation.id)), ("summary", .string(operation.summary))]
        if !operation.description.isEmpty { members.append(("description", .string(operation.description))) }
        if !operation.group.isEmpty { members.append(("tags", .array([.string(operation.group)]))) }
        if !operation.doc.isEmpty { members.append(("externalDocs", .object([("url", .string(operation.doc))]))) }
        let parameters = operation.parameters.map(parameter)
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        if let body = operation.body {
            var content: Members = [("schema", objectSchema(body.properties, rules: body.rules, partial: body.partial, description: ""))]
            let examples = operation.examples.compactMap { example in example.body.map { (example, $0) } }
            if !examples.isEmpty { content.append(("examples", exampleObjects(examples))) }
            let mediaType = switch body.encoding {
            case .json: "application/json"
            case .multipart: "multipart/form-data"
            case .form: "application/x-www-form-urlencoded"
            case .binary: "application/octet-stream"
            }
            if body.encoding == .binary {
                content = [("schema", .object([("type", .string("string")), ("format", .string("binary"))]))]
            }
            members.append(("requestBody", .object([("required", .bool(true)), ("content", .object([(mediaType, .object(content))]))])))
        }
        members.append(("responses", responses(operation)))
        if let deprecated = operation.deprecated {
            members.append(("deprecated", .bool(true)))
            var details: Members = deprecated.removal.map { [("removal", .string($0))] } ?? []
            if let replacement = deprecated.replacement { details.append(("replacement", .string(replacement))) }
            members.append(("x-ncp-deprecation", .object(details)))
        }
        if let since = operation.since { members.append(("x-ncp-since", .string(since))) }
        if let rate = operation.rateLimit { members.append(("x-ncp-rate-limit", rateLimit(rate))) }
        if let paging = operation.paging { members.append(("x-ncp-paging", self.paging(paging))) }
        if let starts = operation.starts { members.append(("x-ncp-starts", .string(starts))) }
        if !operation.errors.isEmpty {
            var errors: Members = [("codes", .array(operation.errors.map { .string($0.code) }))]
            switch operation.errorsProvenance {
            case .documented(let source)?: errors.append(("source", .string(source)))
            case .inferred(let note)?: errors.append(("inferred", .string(note)))
            case nil: break
            }
            members.append(("x-ncp-errors", .object(errors)))
        }
        if let answers = operation.answers { members.append(("x-ncp-answers", self.answers(answers.resolved(over: spec.service.answers)))) }
        if !operation.envelopeFields.isEmpty {
            members.append(("x-ncp-envelope-fields", .object(operation.envelopeFields.map { ($0.name, schema($0)) })))
        }
        if !operation.notes.isEmpty { members.append(("x-ncp-notes", .array(operation.notes.map(JSONText.string)))) }
        return .object(members)
    }

    func parameter(_ field: Field) -> JSONText {
        var members: Members = [("name", .string(field.name)), ("in", .string(field.location?.rawValue ?? "query"))]
        if !field.description.isEmpty { members.append(("description", .string(field.description))) }
        members.append(("required", .bool(field.required || field.location == .path)))
        var schema = self.schema(field, describe: false)
        if let constant = field.constant, case .object(var pairs) = schema {
            pairs.append(("const", JSONText(constant)))
            schema = .object(pairs)
        }
        switch field.style {
        case "commaSeparated"?:
            members += [("schema", schema), ("style", .string("form")), ("explode", .bool(false))]
        case "form"?:
            members += [("schema", schema), ("style", .string("form")), ("explode", .bool(true))]
        case "deepObject"?:
            members += [("schema", schema), ("style", .string("deepObject")), ("explode", .bool(true))]
        case "json"?:
            members.append(("content", .object([("application/json", .object([("schema", schema)]))])))
        default:
            members.append(("schema", schema))
        }
        return .object(members)
    }

    /// The success answer (inside its envelope) and the documented error statuses.
    func responses(_ operation: Operation) -> JSONText {
        let shape: (envelope: AnswerShape.Envelope?, errors: [AnswerShape.ErrorForm]) =
            operation.answers?.resolved(over: spec.service.answers) ?? (spec.service.answers?.resolved(over: nil) ?? (nil, []))
        var result: JSONText?
        switch operation.result {
        case .none: result = nil
        case .reference(let name, _): result = .object([("$ref", .string("#/components/schemas/" + name))])
        case .undocumented(let description, _): result = .object([("description", .string(description))])
        case .array(let name, _):
            let items = schema(Field(name: "", shape: SwiftTypes.shape(named: name), sourceLocation: operation.location))
            result = .object([("type", .string("array")), ("items", items)])
        case .binary: result = nil
        }
        var success: Members = [("description", .string(operation.summary))]
        var body: JSONText?
        if let envelope = shape.envelope {
            var properties: Members = []
            var required: [JSONText] = []
            if let code = envelope.code {
                var codeSchema: Members = [("type", .string("string"))]
                if !envelope.success.isEmpty { codeSchema.append(("enum", .array(envelope.success.map(JSONText.string)))) }
                properties.append((code, .object(codeSchema)))
                required.append(.string(code))
            }
            if let message = envelope.message { properties.append((message, .object([("type", .string("string"))]))) }
            for field in operation.envelopeFields { properties.append((field.name, schema(field))) }
            properties.append((envelope.result, result ?? .object([("type", .string("null"))])))
            if case .reference = operation.result { required.append(.string(envelope.result)) }
            body = .object([("type", .string("object")), ("properties", .object(properties)), ("required", .array(required))])
        } else {
            body = result
        }
        if case .binary = operation.result {
            // Bytes, never in an envelope.
            success.append(("content", .object([("application/octet-stream", .object([("schema", .object([("type", .string("string")), ("format", .string("binary"))]))]))])))
        } else if let body {
            var content: Members = [("schema", body)]
            let examples = operation.examples.compactMap { example in example.response.map { (example, $0) } }
            if !examples.isEmpty { content.append(("examples", exampleObjects(examples))) }
            success.append(("content", .object([("application/json", .object(content))])))
        }
        var responses: Members = [("200", .object(success))]
        let codes = operation.errors.compactMap { reference in spec.errors.first { $0.code == reference.code && !$0.duplicate } }
        for status in Set(codes.map(\.status)).sorted() {
            let listed = codes.filter { $0.status == status }.map { "\($0.code) (\($0.message))" }.joined(separator: ", ")
            responses.append((String(status), .object([("description", .string("Service errors: " + listed))])))
        }
        responses.append(("default", .object([("description", .string("An error answer: see x-ncp-answers for its form and components.x-ncp-errors for the codes."))])))
        return .object(responses)
    }

    func exampleObjects(_ examples: [(Example, SpecValue)]) -> JSONText {
        .object(examples.enumerated().map { index, pair in
            ("example\(index + 1)", .object([("summary", .string(pair.0.summary)), ("value", JSONText(pair.1))]))
        })
    }

    // MARK: Schemas

    func components() -> JSONText {
        var schemas: Members = spec.types.map { type in
            (type.name, objectSchema(type.properties, rules: type.rules, partial: type.partial, description: type.description))
        }
        schemas += spec.enums.map { enumType in
            var members: Members = [("type", .string("string"))]
            if !enumType.description.isEmpty { members.append(("description", .string(enumType.description))) }
            // An open enum accepts values it doesn't list: `enum` would refuse them.
            members.append((enumType.open ? "x-extensible-enum" : "enum", .array(enumType.values.map { .string($0.value) })))
            let described = enumType.values.filter { !$0.description.isEmpty || $0.swiftName != nil }
            if !described.isEmpty {
                members.append(("x-ncp-values", .object(described.map { value in
                    var details: Members = [("description", .string(value.description))]
                    if let swiftName = value.swiftName { details.append(("x-ncp-swift-name", .string(swiftName))) }
                    return (value.value, .object(details))
                })))
            }
            return (enumType.name, .object(members))
        }
        var members: Members = [("schemas", .object(schemas))]
        members.append(("securitySchemes", .object(securitySchemes.map { scheme in
            (scheme.name, .object([("type", .string("apiKey")), ("in", .string("header")), ("name", .string(scheme.header)),
                                   ("description", .string(scheme.description))]))
        })))
        members.append(("x-ncp-errors", .array(spec.errors.map(error))))
        members.append(("x-ncp-gateway-errors", .array(spec.gatewayErrors.map(error))))
        if !spec.sharedParameters.isEmpty {
            members.append(("x-ncp-shared-parameters", .array(spec.sharedParameters.map { .string($0.name) })))
        }
        return .object(members)
    }

    func objectSchema(_ properties: [Field], rules: [ObjectRule], partial: Bool, description: String) -> JSONText {
        var members: Members = [("type", .string("object"))]
        if !description.isEmpty { members.append(("description", .string(description))) }
        members.append(("properties", .object(properties.map { ($0.name, schema($0)) })))
        let required = properties.filter(\.required).map { JSONText.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        // A partial type keeps what the docs don't show; a documented one is still read leniently by the client.
        members.append(("additionalProperties", .bool(partial)))
        if partial { members.append(("x-ncp-partial", .bool(true))) }
        if !rules.isEmpty { members.append(("x-ncp-rules", .array(rules.map(rule)))) }
        return .object(members)
    }

    /// A field's schema with its limits, default, description and extensions.
    func schema(_ field: Field) -> JSONText {
        schema(field, describe: true)
    }

    func schema(_ field: Field, describe: Bool) -> JSONText {
        var members: Members = shapeSchema(field.shape)
        if field.nullable {
            if let index = members.firstIndex(where: { $0.key == "type" }), case .string(let type) = members[index].value {
                members[index].value = .array([.string(type), .string("null")])
            } else {
                members = [("anyOf", .array([.object(members), .object([("type", .string("null"))])]))]
            }
        }
        if describe, !field.description.isEmpty { members.append(("description", .string(field.description))) }
        let c = field.constraints
        if let value = c.minLength { members.append(("minLength", .number(String(value)))) }
        if let value = c.maxLength { members.append(("maxLength", .number(String(value)))) }
        if let value = c.pattern { members.append(("pattern", .string(value))) }
        if let value = c.minimum { members.append(("minimum", .number(String(value)))) }
        if let value = c.maximum { members.append(("maximum", .number(String(value)))) }
        if let value = c.minItems { members.append(("minItems", .number(String(value)))) }
        if let value = c.maxItems { members.append(("maxItems", .number(String(value)))) }
        if let value = field.defaultValue { members.append(("default", JSONText(value))) }
        if let value = c.forbiddenCharacters { members.append(("x-ncp-forbidden-characters", .string(value))) }
        if c.notBlank { members.append(("x-ncp-not-blank", .bool(true))) }
        if !field.wireNames.isEmpty { members.append(("x-ncp-wire-names", .array(field.wireNames.map(JSONText.string)))) }
        if let swiftName = field.swiftName { members.append(("x-ncp-swift-name", .string(swiftName))) }
        if let note = field.note { members.append(("x-ncp-note", .string(note))) }
        if field.sensitive { members.append(("x-ncp-sensitive", .bool(true))) }
        return .object(members)
    }

    func shapeSchema(_ shape: Shape) -> Members {
        switch shape {
        case .primitive(.string): [("type", .string("string"))]
        case .primitive(.int32): [("type", .string("integer")), ("format", .string("int32"))]
        case .primitive(.int64): [("type", .string("integer")), ("format", .string("int64"))]
        case .primitive(.number): [("type", .string("number"))]
        case .primitive(.boolean): [("type", .string("boolean"))]
        // NCP's date-times may lack a zone, which `format: date-time` would refuse.
        case .primitive(.datetime): [("type", .string("string")), ("x-ncp-format", .string("date-time"))]
        case .primitive(.json): []
        case .primitive(.file): [("type", .string("string")), ("format", .string("binary"))]
        case .reference(let name): [("$ref", .string("#/components/schemas/" + name))]
        case .array(let items):
            [("type", .string("array")), ("items", {
                if case .object(let members) = schema(items, describe: false) { return .object(members) }
                return .object([])
            }())]
        }
    }

    // MARK: Extensions

    func rule(_ rule: ObjectRule) -> JSONText {
        switch rule {
        case .exactlyOneOf(let fields, let error, _):
            .object([("exactlyOneOf", .array(fields.map(JSONText.string)))] + (error.map { [("error", .string($0))] } ?? []))
        case .requiredTogether(let fields, _): .object([("requiredTogether", .array(fields.map(JSONText.string)))])
        case .mutuallyExclusive(let fields, _): .object([("mutuallyExclusive", .array(fields.map(JSONText.string)))])
        case .maxItemsInAll(let fields, let max, let error, _):
            .object([("maxItemsInAll", .array(fields.map(JSONText.string))), ("max", .number(String(max)))] + (error.map { [("error", .string($0))] } ?? []))
        }
    }

    func rateLimit(_ rate: RateLimit) -> JSONText {
        var members: Members = [("limit", .number(String(rate.limit))), ("per", .string(rate.per))]
        if let note = rate.note { members.append(("note", .string(note))) }
        if !rate.alternatives.isEmpty { members.append(("alternatives", .array(rate.alternatives.map(rateLimit)))) }
        return .object(members)
    }

    func paging(_ paging: Paging) -> JSONText {
        var members: Members = [("style", .string(paging.style.rawValue))]
        let optional: [(String, String?)] = [("parameter", paging.parameter), ("items", paging.items), ("nextCursor", paging.nextCursor),
                                             ("pageNumber", paging.pageNumber), ("totalPages", paging.totalPages),
                                             ("totalItems", paging.totalItems), ("hasMore", paging.hasMore)]
        for (key, value) in optional { if let value { members.append((key, .string(value))) } }
        if paging.style == .pageNumber { members.append(("firstPage", .number(String(paging.firstPage)))) }
        return .object(members)
    }

    func answers(_ shape: (envelope: AnswerShape.Envelope?, errors: [AnswerShape.ErrorForm])) -> JSONText {
        var members: Members = []
        if let envelope = shape.envelope {
            var details: Members = [("result", .string(envelope.result))]
            if let code = envelope.code { details.append(("code", .string(code))) }
            if !envelope.success.isEmpty { details.append(("success", .array(envelope.success.map(JSONText.string)))) }
            if let message = envelope.message { details.append(("message", .string(message))) }
            members.append(("envelope", .object(details)))
        } else {
            members.append(("envelope", .null))
        }
        members.append(("errors", .array(shape.errors.map { form in
            var details: Members = [("source", .string(form.source))]
            if let container = form.container { details.append(("in", .string(container))) }
            details.append(("code", .string(form.code)))
            if let message = form.message { details.append(("message", .string(message))) }
            return .object(details)
        })))
        return .object(members)
    }

    func error(_ error: ErrorCode) -> JSONText {
        var members: Members = [("status", .number(String(error.status))), ("code", .string(error.code)), ("name", .string(error.name)),
                                ("message", .string(error.message))]
        if !error.meaning.isEmpty { members.append(("meaning", .string(error.meaning))) }
        if error.retryable { members.append(("retryable", .bool(true))) }
        if error.duplicate { members.append(("duplicate", .bool(true))) }
        if let note = error.note { members.append(("note", .string(note))) }
        return .object(members)
    }

    func waiter(_ waiter: Waiter) -> JSONText {
        var members: Members = [("name", .string(waiter.name)), ("description", .string(waiter.description)),
                                ("operation", .string(waiter.operation)), ("field", .string(waiter.field)),
                                ("success", .array(waiter.success.map(JSONText.string)))]
        if !waiter.failure.isEmpty { members.append(("failure", .array(waiter.failure.map(JSONText.string)))) }
        if !waiter.pending.isEmpty { members.append(("pending", .array(waiter.pending.map(JSONText.string)))) }
        if !waiter.startedBy.isEmpty { members.append(("startedBy", .array(waiter.startedBy.map(JSONText.string)))) }
        return .object(members)
    }
}
