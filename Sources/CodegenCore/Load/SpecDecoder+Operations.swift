import Yams

extension SpecDecoder {
    func operation(_ id: String, _ location: SourceLocation, _ node: Node) -> Operation? {
        guard let fields = reader.mapping(node, what: "operation '\(id)'", allowed: Self.operationKeys,
                                          required: ["group", "summary", "method", "path", "doc", "result"]) else { return nil }
        var parameters: [Field] = []
        if let parametersNode = fields["parameters"] {
            for entry in reader.namedEntries(parametersNode, what: "the parameters of '\(id)'") {
                if case .scalar(let scalar) = entry.value {
                    // `name: shared` borrows a shared path parameter; the validator resolves it.
                    if scalar.string != "shared" {
                        reader.error("parameter '\(entry.name)' must be a mapping or the word 'shared', not '\(scalar.string)'", at: entry.value)
                    }
                    var placeholder = Field(name: entry.name, shape: .primitive(.string), sourceLocation: entry.location)
                    placeholder.style = "shared"
                    parameters.append(placeholder)
                } else if let parameter = field(named: entry.name, at: entry.location, node: entry.value, what: "parameter '\(entry.name)' of '\(id)'") {
                    if parameter.location == nil {
                        reader.error("parameter '\(entry.name)' of '\(id)' needs 'in: path' or 'in: query'", at: entry.location)
                    }
                    parameters.append(parameter)
                }
            }
        }
        let errors = errorReferences(fields["errors"])
        return Operation(
            id: id,
            group: reader.string(fields["group"], key: "group") ?? "",
            summary: reader.string(fields["summary"], key: "summary") ?? "",
            description: reader.string(fields["description"], key: "description") ?? "",
            method: reader.keyword(fields["method"], key: "method", allowed: Self.methods) ?? "GET",
            path: reader.string(fields["path"], key: "path") ?? "",
            host: reader.string(fields["host"], key: "host"),
            doc: reader.string(fields["doc"], key: "doc") ?? "",
            since: reader.string(fields["since"], key: "since"),
            deprecated: fields["deprecated"].flatMap(deprecation),
            rateLimit: fields["rateLimit"].flatMap { rateLimit($0, what: "the rate limit of '\(id)'") },
            parameters: parameters,
            body: fields["body"].flatMap { body($0, operation: id) },
            result: result(fields["result"], operation: id, fallback: fields.location),
            envelopeFields: properties(fields["envelopeFields"], owner: "the envelope of '\(id)'"),
            paging: fields["paging"].flatMap(paging),
            starts: reader.string(fields["starts"], key: "starts"),
            errors: errors.codes,
            errorsProvenance: errors.provenance,
            answers: fields["answers"].flatMap { answers($0, owner: "'\(id)'") },
            examples: examples(fields["examples"], operation: id),
            notes: reader.strings(fields["notes"], key: "notes") ?? [],
            location: location,
            pathLocation: fields.location(of: "path"),
            keyLocations: fields.keyLocations)
    }

    private func deprecation(_ node: Node) -> Deprecation? {
        guard let fields = reader.mapping(node, what: "'deprecated'", allowed: Self.deprecationKeys) else { return nil }
        return Deprecation(removal: reader.string(fields["removal"], key: "removal"),
                           replacement: reader.string(fields["replacement"], key: "replacement"),
                           location: reader.location(of: node))
    }

    private func rateLimit(_ node: Node, what: String) -> RateLimit? {
        guard let fields = reader.mapping(node, what: what, allowed: Self.rateLimitKeys, required: ["limit", "per"]) else { return nil }
        let alternatives = fields["alternatives"].flatMap { reader.sequence($0, what: "'alternatives'") } ?? []
        return RateLimit(limit: Int(reader.integer(fields["limit"], key: "limit") ?? 0),
                         per: reader.keyword(fields["per"], key: "per", allowed: ["second", "minute"]) ?? "second",
                         note: reader.string(fields["note"], key: "note"),
                         alternatives: alternatives.compactMap { rateLimit($0, what: "an alternative rate limit") },
                         location: reader.location(of: node))
    }

    private func paging(_ node: Node) -> Paging? {
        guard let fields = reader.mapping(node, what: "'paging'", allowed: Self.pagingKeys, required: ["style"]) else { return nil }
        let style = reader.keyword(fields["style"], key: "style", allowed: PagingStyle.allCases.map(\.rawValue)).flatMap(PagingStyle.init) ?? .none
        return Paging(style: style, items: reader.string(fields["items"], key: "items"),
                      parameter: reader.string(fields["parameter"], key: "parameter"),
                      firstPage: Int(reader.integer(fields["firstPage"], key: "firstPage") ?? 1),
                      nextCursor: reader.string(fields["nextCursor"], key: "nextCursor"),
                      pageNumber: reader.string(fields["pageNumber"], key: "pageNumber"),
                      totalPages: reader.string(fields["totalPages"], key: "totalPages"),
                      totalItems: reader.string(fields["totalItems"], key: "totalItems"),
                      hasMore: reader.string(fields["hasMore"], key: "hasMore"),
                      location: reader.location(of: node))
    }

    private func body(_ node: Node, operation: String) -> Body? {
        guard let fields = reader.mapping(node, what: "the body of '\(operation)'", allowed: Self.bodyKeys, required: ["properties"]) else { return nil }
        let owner = "the body of '\(operation)'"
        return Body(properties: properties(fields["properties"], owner: owner), rules: objectRules(fields["rules"], owner: owner),
                    partial: fields["partial"].flatMap { reader.bool($0, key: "partial") } ?? false,
                    encoding: reader.keyword(fields["encoding"], key: "encoding", allowed: BodyEncoding.allCases.map(\.rawValue))
                        .flatMap(BodyEncoding.init(rawValue:)) ?? .json,
                    location: reader.location(of: node))
    }

    private func result(_ node: Node?, operation: String, fallback: SourceLocation) -> ResultShape {
        guard let node else { return .none }
        if case .scalar(let scalar) = node {
            switch scalar.string {
            case "none": return .none
            case "binary": return .binary(reader.location(of: node))
            default: return .reference(scalar.string, reader.location(of: node))
            }
        }
        if case .sequence(let sequence) = node {
            guard sequence.count == 1, case .scalar(let item)? = sequence.first else {
                reader.error("a list result names one item type, as in 'result: [Thing]'", at: node)
                return .none
            }
            return .array(item.string, reader.location(of: node))
        }
        guard let fields = reader.mapping(node, what: "the result of '\(operation)'", allowed: Self.resultKeys, required: ["undocumented"]) else {
            return .none
        }
        if reader.bool(fields["undocumented"], key: "undocumented") == false {
            reader.error("'undocumented: false' says nothing; name the result's type instead", at: fields["undocumented"]!)
        }
        return .undocumented(description: reader.string(fields["description"], key: "description") ?? "", reader.location(of: node))
    }

    /// `errors: { codes: [...], source: URL }` or `errors: { codes: [...], inferred: why }`: a list of codes must say
    /// where it comes from, because the generated docs tell users which errors are documented.
    private func errorReferences(_ node: Node?) -> (codes: [(code: String, location: SourceLocation)], provenance: Provenance?) {
        guard let node else { return ([], nil) }
        if case .sequence = node {
            reader.error("say where this error list comes from: 'errors: { codes: [...], source: <doc page URL> }', or 'inferred: <how>' when no page lists them", at: node)
            return ([], nil)
        }
        guard let fields = reader.mapping(node, what: "'errors'", allowed: Self.operationErrorsKeys, required: ["codes"]) else { return ([], nil) }
        let items = fields["codes"].flatMap { reader.sequence($0, what: "'codes'") } ?? []
        let codes = items.compactMap { item in reader.string(item, key: "an error code").map { ($0, reader.location(of: item)) } }
        let source = reader.string(fields["source"], key: "source")
        let inferred = reader.string(fields["inferred"], key: "inferred")
        switch (source, inferred) {
        case let (source?, nil): return (codes, .documented(source: source))
        case let (nil, note?): return (codes, .inferred(note: note))
        default:
            reader.error("give the error list either a 'source' (the page that lists these codes) or an 'inferred' note, not \(source == nil ? "neither" : "both")", at: node)
            return (codes, nil)
        }
    }

    private func examples(_ node: Node?, operation: String) -> [Example] {
        guard let node, let items = reader.sequence(node, what: "the examples of '\(operation)'") else { return [] }
        return items.compactMap { item in
            guard let fields = reader.mapping(item, what: "an example of '\(operation)'", allowed: Self.exampleKeys, required: ["summary"]) else { return nil }
            return Example(summary: reader.string(fields["summary"], key: "summary") ?? "",
                           path: fields["path"].flatMap(reader.value), query: fields["query"].flatMap(reader.value),
                           body: fields["body"].flatMap(reader.value), response: fields["response"].flatMap(reader.value),
                           location: reader.location(of: item))
        }
    }
}
