import Yams

/// Decodes one file's YAML tree into the sections of a `Spec`.
///
/// The keys each kind of mapping accepts are listed here and nowhere else; `spec/FORMAT.md` and
/// `spec/spec.schema.json` describe the same set, and a test keeps the schema in step with these lists.
struct SpecDecoder {
    let reader: NodeReader

    init(reader: NodeReader) {
        self.reader = reader
    }

    static let rootKeys = ["service", "groups", "parameters", "enums", "types", "errors", "gatewayErrors", "operations", "waiters"]
    static let serviceKeys = ["name", "title", "description", "host", "legacyHosts", "basePath", "endpoints", "authentication", "invokeURL", "docs", "notes",
                              "retired", "answers"]
    static let authenticationKeys = ["apiKeyHeader", "apiKeyIDHeader"]
    static let endpointKeys = ["site", "region", "host", "basePath"]
    static let retiredKeys = ["method", "path", "replacedBy", "note"]
    static let answerKeys = ["envelope", "errors"]
    static let envelopeKeys = ["result", "code", "success", "message"]
    static let errorFormKeys = ["source", "in", "code", "message"]
    static let groupKeys = ["title", "description"]
    static let fieldKeys = ["type", "items", "required", "nullable", "default", "description", "note", "swiftName",
                            "wireNames", "in", "style", "minLength", "maxLength", "minimum", "maximum", "minItems",
                            "maxItems", "pattern", "forbiddenCharacters", "notBlank", "constant", "sensitive"]
    static let typeKeys = ["description", "partial", "properties", "rules"]
    static let ruleKeys = ["exactlyOneOf", "requiredTogether", "mutuallyExclusive", "maxItemsInAll", "max", "error"]
    static let enumKeys = ["description", "open", "values"]
    static let enumValueKeys = ["description", "swiftName"]
    static let errorKeys = ["status", "code", "name", "message", "meaning", "alternativeMessages", "duplicate", "retryable", "note"]
    static let operationKeys = ["group", "summary", "description", "method", "path", "host", "doc", "since", "deprecated",
                                "rateLimit", "parameters", "body", "result", "envelopeFields", "paging", "starts", "errors",
                                "examples", "notes", "answers"]
    static let deprecationKeys = ["removal", "replacement"]
    static let rateLimitKeys = ["limit", "per", "note", "alternatives"]
    static let pagingKeys = ["style", "items", "parameter", "firstPage", "nextCursor", "pageNumber", "totalPages", "totalItems", "hasMore"]
    static let bodyKeys = ["properties", "rules", "partial", "encoding"]
    static let resultKeys = ["undocumented", "description"]
    static let exampleKeys = ["summary", "path", "query", "body", "response"]
    static let operationErrorsKeys = ["codes", "source", "inferred"]
    static let waiterKeys = ["description", "startedBy", "operation", "field", "success", "failure", "pending"]
    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]

    /// Adds what this file declares to `spec`.
    func decode(root: Node, into spec: inout Spec, serviceSeen: inout SourceLocation?) {
        guard let root = reader.mapping(root, what: "the top level", allowed: Self.rootKeys) else { return }
        if let node = root["service"] {
            if let first = serviceSeen {
                reader.error("'service' is declared again; it was first declared at \(first)", at: node)
            } else {
                serviceSeen = reader.location(of: node)
                spec.service = service(node)
            }
        }
        if let node = root["groups"] {
            for entry in reader.namedEntries(node, what: "'groups'") {
                guard let fields = reader.mapping(entry.value, what: "group '\(entry.name)'", allowed: Self.groupKeys, required: ["title"]) else { continue }
                spec.groups.append(Group(key: entry.name, title: reader.string(fields["title"], key: "title") ?? "",
                                         description: reader.string(fields["description"], key: "description") ?? "",
                                         location: entry.location))
            }
        }
        if let node = root["parameters"] {
            spec.sharedParameters += reader.namedEntries(node, what: "'parameters'").compactMap {
                field(named: $0.name, at: $0.location, node: $0.value, what: "shared parameter '\($0.name)'")
            }
        }
        if let node = root["enums"] {
            spec.enums += reader.namedEntries(node, what: "'enums'").compactMap { enumType($0.name, $0.location, $0.value) }
        }
        if let node = root["types"] {
            spec.types += reader.namedEntries(node, what: "'types'").compactMap { objectType($0.name, $0.location, $0.value) }
        }
        if let node = root["errors"] {
            spec.errors += errorCodes(node, what: "'errors'")
        }
        if let node = root["gatewayErrors"] {
            spec.gatewayErrors += errorCodes(node, what: "'gatewayErrors'")
        }
        if let node = root["operations"] {
            spec.operations += reader.namedEntries(node, what: "'operations'").compactMap { operation($0.name, $0.location, $0.value) }
        }
        if let node = root["waiters"] {
            spec.waiters += reader.namedEntries(node, what: "'waiters'").compactMap { waiter($0.name, $0.location, $0.value) }
        }
    }

    // MARK: Sections

    /// `answers: { envelope: { result, code, success, message } | none, errors: [{ source, in, code, message }] }`.
    func answers(_ node: Node, owner: String) -> AnswerShape? {
        guard let fields = reader.mapping(node, what: "the answers of \(owner)", allowed: Self.answerKeys) else { return nil }
        var shape = AnswerShape(envelope: nil, errors: nil, location: reader.location(of: node))
        if let envelopeNode = fields["envelope"] {
            if case .scalar(let scalar) = envelopeNode {
                if scalar.string == "none" {
                    shape.envelope = .some(nil)
                } else {
                    reader.error("'envelope' is a mapping of field names, or 'none' for plain JSON answers, not '\(scalar.string)'", at: envelopeNode)
                }
            } else if let envelope = reader.mapping(envelopeNode, what: "the envelope of \(owner)", allowed: Self.envelopeKeys, required: ["result"]) {
                shape.envelope = .some(AnswerShape.Envelope(result: reader.string(envelope["result"], key: "result") ?? "",
                                                            code: reader.string(envelope["code"], key: "code"),
                                                            success: reader.strings(envelope["success"], key: "success") ?? [],
                                                            message: reader.string(envelope["message"], key: "message")))
                if envelope["success"] != nil, envelope["code"] == nil {
                    reader.error("'success' lists values of the envelope's 'code' field; name that field with 'code'", at: envelope["success"]!)
                }
            }
        }
        if let errorsNode = fields["errors"], let items = reader.sequence(errorsNode, what: "the error forms of \(owner)") {
            shape.errors = items.compactMap { item in
                guard let form = reader.mapping(item, what: "an error form of \(owner)", allowed: Self.errorFormKeys, required: ["source", "code"]) else { return nil }
                return AnswerShape.ErrorForm(source: reader.keyword(form["source"], key: "source", allowed: ["service", "gateway"]) ?? "service",
                                             container: reader.string(form["in"], key: "in"), code: reader.string(form["code"], key: "code") ?? "",
                                             message: reader.string(form["message"], key: "message"), location: reader.location(of: item))
            }
        }
        return shape
    }

    private func service(_ node: Node) -> Service {
        var service = Service()
        service.location = reader.location(of: node)
        guard let fields = reader.mapping(node, what: "'service'", allowed: Self.serviceKeys, required: ["name", "host", "basePath"]) else { return service }
        service.name = reader.string(fields["name"], key: "name") ?? ""
        service.title = reader.string(fields["title"], key: "title") ?? ""
        service.description = reader.string(fields["description"], key: "description") ?? ""
        service.host = reader.string(fields["host"], key: "host") ?? ""
        service.legacyHosts = reader.strings(fields["legacyHosts"], key: "legacyHosts") ?? []
        service.basePath = reader.string(fields["basePath"], key: "basePath") ?? ""
        if let authentication = fields["authentication"] {
            if case .mapping = authentication {
                let keys = reader.mapping(authentication, what: "'authentication'", allowed: Self.authenticationKeys, required: ["apiKeyHeader"])
                service.authentication = "api-key"
                service.apiKeyHeader = keys.flatMap { reader.string($0["apiKeyHeader"], key: "apiKeyHeader") }
                service.apiKeyIDHeader = keys.flatMap { reader.string($0["apiKeyIDHeader"], key: "apiKeyIDHeader") }
            } else {
                service.authentication = reader.string(authentication, key: "authentication") ?? ""
            }
        }
        service.invokeURL = reader.string(fields["invokeURL"], key: "invokeURL")
        service.docs = reader.string(fields["docs"], key: "docs") ?? ""
        service.notes = reader.strings(fields["notes"], key: "notes") ?? []
        if let retiredNode = fields["retired"], let items = reader.sequence(retiredNode, what: "the retired calls of the service") {
            service.retired = items.compactMap { item in
                guard let call = reader.mapping(item, what: "a retired call", allowed: Self.retiredKeys, required: ["method", "path", "note"]) else { return nil }
                return RetiredCall(method: reader.keyword(call["method"], key: "method", allowed: Self.methods) ?? "",
                                   path: reader.string(call["path"], key: "path") ?? "",
                                   replacedBy: reader.string(call["replacedBy"], key: "replacedBy"),
                                   note: reader.string(call["note"], key: "note") ?? "", location: reader.location(of: item))
            }
        }
        if let endpointsNode = fields["endpoints"], let items = reader.sequence(endpointsNode, what: "the endpoints of the service") {
            service.endpoints = items.compactMap { item in
                guard let endpoint = reader.mapping(item, what: "an endpoint", allowed: Self.endpointKeys, required: ["site", "region"]) else { return nil }
                return Endpoint(site: reader.keyword(endpoint["site"], key: "site", allowed: Endpoint.sites) ?? "public",
                                region: reader.string(endpoint["region"], key: "region") ?? "",
                                host: reader.string(endpoint["host"], key: "host") ?? service.host,
                                basePath: reader.string(endpoint["basePath"], key: "basePath") ?? service.basePath,
                                location: reader.location(of: item))
            }
        }
        service.keyLocations = fields.keyLocations
        service.answers = fields["answers"].flatMap { answers($0, owner: "the service") }
        return service
    }

    private func enumType(_ name: String, _ location: SourceLocation, _ node: Node) -> EnumType? {
        guard let fields = reader.mapping(node, what: "enum '\(name)'", allowed: Self.enumKeys, required: ["open", "values"]) else { return nil }
        var values: [EnumValue] = []
        if let valuesNode = fields["values"] {
            let entries = reader.namedEntries(valuesNode, what: "the values of enum '\(name)'")
            for entry in entries {
                if case .scalar = entry.value {
                    values.append(EnumValue(value: entry.name, description: reader.string(entry.value, key: entry.name) ?? "", swiftName: nil, location: entry.location))
                } else if let valueFields = reader.mapping(entry.value, what: "enum value '\(entry.name)'", allowed: Self.enumValueKeys) {
                    values.append(EnumValue(value: entry.name,
                                            description: reader.string(valueFields["description"], key: "description") ?? "",
                                            swiftName: reader.string(valueFields["swiftName"], key: "swiftName"),
                                            location: entry.location))
                }
            }
            // Entries that failed to read have their own errors; an enum with none at all is an error of its own,
            // whatever else the file gets wrong.
            if entries.isEmpty, case .mapping = valuesNode {
                reader.error("enum '\(name)' has no values", at: valuesNode)
            }
        }
        return EnumType(name: name, description: reader.string(fields["description"], key: "description") ?? "",
                        open: reader.bool(fields["open"], key: "open") ?? true, values: values, location: location)
    }

    private func objectType(_ name: String, _ location: SourceLocation, _ node: Node) -> ObjectType? {
        guard let fields = reader.mapping(node, what: "type '\(name)'", allowed: Self.typeKeys, required: ["properties"]) else { return nil }
        return ObjectType(name: name, description: reader.string(fields["description"], key: "description") ?? "",
                          partial: fields["partial"].flatMap { reader.bool($0, key: "partial") } ?? false,
                          properties: properties(fields["properties"], owner: "type '\(name)'"),
                          rules: objectRules(fields["rules"], owner: "type '\(name)'"), location: location)
    }

    func properties(_ node: Node?, owner: String) -> [Field] {
        guard let node else { return [] }
        return reader.namedEntries(node, what: "the properties of \(owner)").compactMap {
            field(named: $0.name, at: $0.location, node: $0.value, what: "property '\($0.name)' of \(owner)")
        }
    }

    func objectRules(_ node: Node?, owner: String) -> [ObjectRule] {
        guard let node, let items = reader.sequence(node, what: "the rules of \(owner)") else { return [] }
        return items.compactMap { item in
            guard let fields = reader.mapping(item, what: "a rule of \(owner)", allowed: Self.ruleKeys) else { return nil }
            let here = reader.location(of: item)
            let kinds = ["exactlyOneOf", "requiredTogether", "mutuallyExclusive", "maxItemsInAll"].filter { fields[$0] != nil }
            guard kinds.count == 1, let kind = kinds.first else {
                reader.error("a rule needs exactly one of 'exactlyOneOf', 'requiredTogether', 'mutuallyExclusive' or 'maxItemsInAll'", at: item)
                return nil
            }
            if (kind == "maxItemsInAll") != (fields["max"] != nil) {
                reader.error(kind == "maxItemsInAll" ? "'maxItemsInAll' needs 'max', the number of items allowed in all"
                                                     : "'max' goes only with 'maxItemsInAll'", at: item)
            }
            if fields["error"] != nil, kind == "requiredTogether" || kind == "mutuallyExclusive" {
                reader.error("'error' goes only with 'exactlyOneOf' or 'maxItemsInAll'", at: fields["error"]!)
            }
            let names = reader.strings(fields[kind], key: kind) ?? []
            if names.count < (kind == "maxItemsInAll" ? 1 : 2) {
                reader.error("'\(kind)' needs at least \(kind == "maxItemsInAll" ? "one property name" : "two property names")", at: fields[kind]!)
            }
            switch kind {
            case "exactlyOneOf": return .exactlyOneOf(names, error: reader.string(fields["error"], key: "error"), location: here)
            case "requiredTogether": return .requiredTogether(names, location: here)
            case "maxItemsInAll":
                guard let max = reader.integer(fields["max"], key: "max") else { return nil } // reported above
                return .maxItemsInAll(names, max: Int(max), error: reader.string(fields["error"], key: "error"), location: here)
            default: return .mutuallyExclusive(names, location: here)
            }
        }
    }

    private func errorCodes(_ node: Node, what: String) -> [ErrorCode] {
        guard let items = reader.sequence(node, what: what) else { return [] }
        return items.compactMap { item in
            guard let fields = reader.mapping(item, what: "an entry of \(what)", allowed: Self.errorKeys, required: ["status", "code", "name", "message"]) else { return nil }
            return ErrorCode(status: Int(reader.integer(fields["status"], key: "status") ?? 0),
                             code: reader.string(fields["code"], key: "code") ?? "",
                             name: reader.string(fields["name"], key: "name") ?? "",
                             message: reader.string(fields["message"], key: "message") ?? "",
                             meaning: reader.string(fields["meaning"], key: "meaning") ?? "",
                             alternativeMessages: reader.strings(fields["alternativeMessages"], key: "alternativeMessages") ?? [],
                             duplicate: fields["duplicate"].flatMap { reader.bool($0, key: "duplicate") } ?? false,
                             retryable: fields["retryable"].flatMap { reader.bool($0, key: "retryable") } ?? false,
                             note: reader.string(fields["note"], key: "note"),
                             location: fields["code"].map(reader.location(of:)) ?? reader.location(of: item))
        }
    }

    private func waiter(_ name: String, _ location: SourceLocation, _ node: Node) -> Waiter? {
        guard let fields = reader.mapping(node, what: "waiter '\(name)'", allowed: Self.waiterKeys,
                                          required: ["operation", "field", "success"]) else { return nil }
        return Waiter(name: name, description: reader.string(fields["description"], key: "description") ?? "",
                      startedBy: reader.strings(fields["startedBy"], key: "startedBy") ?? [],
                      operation: reader.string(fields["operation"], key: "operation") ?? "",
                      field: reader.string(fields["field"], key: "field") ?? "",
                      success: reader.strings(fields["success"], key: "success") ?? [],
                      failure: reader.strings(fields["failure"], key: "failure") ?? [],
                      pending: reader.strings(fields["pending"], key: "pending") ?? [],
                      location: location)
    }
}
