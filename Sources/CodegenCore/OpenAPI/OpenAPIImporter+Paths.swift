import Yams

extension OpenAPIImporter {
    static let methods = ["get", "put", "post", "delete", "patch"]

    /// `listThings`, made from an operationId or, without one, from the method and path.
    mutating func operationID(_ node: Node, method: String, path: String) -> (id: String, numbered: Bool) {
        names.operationID(node["operationId"]?.string ?? (method + " " + path.replacingOccurrences(of: "{", with: "by ").replacingOccurrences(of: "}", with: "")))
    }

    mutating func readPaths() {
        var operationEnvelopes: [ImportedEnvelope?] = []
        let rootAnswers = root["x-ncp-answers"]
        for (pathKey, pathItem) in root["paths"]?.mapping ?? [:] {
            guard let path = pathKey.string else { continue }
            let pathPointer = "#/paths/" + Self.escape(path)
            let shared = pathItem["parameters"]?.sequence.map(Array.init) ?? []
            for (methodKey, node) in pathItem.mapping ?? [:] {
                guard let method = methodKey.string else { continue }
                guard Self.methods.contains(method) else {
                    if ["head", "options", "trace"].contains(method) {
                        warn("\(method.uppercased()) operations can't be expressed; left out", node, pointer: pathPointer + "/" + method)
                    }
                    continue
                }
                let pointer = pathPointer + "/" + method
                let (id, numbered) = operationID(node, method: method, path: path)
                if numbered, let given = node["operationId"]?.string {
                    warn("the operationId '\(given)' is taken or not a Swift name; the operation is '\(id)'", node["operationId"], pointer: pointer + "/operationId")
                }
                var operation = ImportedSpec.Operation(id: id, group: "", summary: node["summary"]?.string ?? "", method: method.uppercased(),
                                                       path: path.hasPrefix("/") ? path : "/" + path, doc: "")
                if node["operationId"]?.string != id {
                    operation.comments.append("guessed: the id '\(id)'" + (node["operationId"]?.string.map { " (the document's operationId is '\($0)')" } ?? " (the document gives no operationId)"))
                }
                if operation.summary.isEmpty {
                    operation.summary = node["description"]?.string.map { String($0.prefix { $0 != "." && $0 != "\n" }) } ?? id
                }
                operation.description = node["description"]?.string ?? ""
                if operation.description == operation.summary { operation.description = "" }
                let tag = node["tags"]?.sequence?.first?.string ?? "default"
                operation.group = ImportNames.groupKey(tag)
                if !spec.groups.contains(where: { $0.key == operation.group }) { spec.groups.append((operation.group, tag, "")) }
                if let doc = node["externalDocs"]?["url"]?.string ?? node["x-ncloud-source"]?.string {
                    operation.doc = doc
                } else if !spec.docs.isEmpty {
                    operation.doc = spec.docs
                    operation.comments.append("guessed: the document links no page for this operation; 'doc' is the API's")
                } else {
                    operation.doc = "https://api.ncloud-docs.com/docs/"
                    operation.comments.append("guessed: the document links no page for this operation; set 'doc'")
                    warn("the operation links no doc page; 'doc' needs one", node, pointer: pointer)
                }
                readParameters(shared + (node["parameters"]?.sequence.map(Array.init) ?? []), into: &operation, pointer: pointer)
                readBody(node["requestBody"], into: &operation, pointer: pointer + "/requestBody")
                let envelope = readResult(node["responses"], into: &operation, pointer: pointer + "/responses", answers: node["x-ncp-answers"] ?? rootAnswers)
                operationEnvelopes.append(envelope)
                readOperationExtensions(node, into: &operation, pointer: pointer)
                // Error answers carry no codes the format could list; say so rather than drop them quietly.
                let failures = (node["responses"]?.mapping?.keys.compactMap(\.string) ?? []).filter { $0.first == "4" || $0.first == "5" }
                if !failures.isEmpty, node["x-ncp-errors"] == nil {
                    warn("the error answers (\(failures.joined(separator: ", "))) aren't imported: list the service's codes under 'errors'", node["responses"], pointer: pointer + "/responses")
                }
                spec.operations.append(operation)
                operationLocations[id] = location(node)
            }
        }
        // The envelope most operations use becomes the service's (with every success code any of them names);
        // operations that answer differently say their own.
        guard rootAnswers == nil else { return }
        var counts: [ImportedEnvelope: Int] = [:]
        for envelope in operationEnvelopes.compactMap({ $0 }) { counts[envelope.fields, default: 0] += 1 }
        guard let common = counts.max(by: { ($0.value, $1.key.text) < ($1.value, $0.key.text) })?.key else { return }
        var service = common
        for envelope in operationEnvelopes.compactMap({ $0 }) where envelope.fields == common {
            for code in envelope.success where !service.success.contains(code) { service.success.append(code) }
        }
        spec.answers = "{ envelope: \(service.text) }"
        spec.serviceComments.append("guessed: answers are wrapped in \(service.text), as the success answers' schemas show"
            + (service.success.isEmpty ? "; no schema names the success code, so any code counts as success" : ""))
        for index in spec.operations.indices where operationEnvelopes[index]?.fields != common
            && !spec.operations[index].extras.contains(where: { $0.key == "answers" }) {
            spec.operations[index].extras.append(("answers", operationEnvelopes[index].map { "{ envelope: \($0.text) }" } ?? "{ envelope: none }"))
        }
    }

    mutating func readParameters(_ nodes: [Node], into operation: inout ImportedSpec.Operation, pointer: String) {
        var seen: [String: Int] = [:]
        for (index, raw) in nodes.enumerated() {
            guard let node = dereference(raw), let name = node["name"]?.string, var place = node["in"]?.string else { continue }
            let parameterPointer = pointer + "/parameters/\(index)"
            if place == "header", Self.gatewayHeaders.contains(name.lowercased()) {
                spec.authentication = "ncp-apigw-signature-v2"
                continue
            }
            if place == "header", [spec.apiKeyHeader, spec.apiKeyIDHeader].contains(where: { $0?.lowercased() == name.lowercased() }) {
                continue // the API key the client sends itself
            }
            guard ["path", "query", "header"].contains(place) else {
                warn("\(place) parameters can't be expressed; '\(name)' is left out", node, pointer: parameterPointer)
                continue
            }
            if place == "path", !operation.path.contains("{" + name + "}") {
                // A document that contradicts itself: the most faithful valid reading sends the value in the query.
                warn("the path parameter '\(name)' isn't in the path '\(operation.path)'; it is sent in the query instead", node, pointer: parameterPointer)
                operation.comments.append("guessed: '\(name)' is a query parameter; the document puts it in a path that has no {\(name)}")
                place = "query"
            }
            var field = self.field(named: name, schema: node["schema"], pointer: parameterPointer + "/schema",
                                   owner: ImportNames.upperCamel(operation.id), required: node["required"]?.string == "true" || place == "path")
            field.location = place
            if field.description.isEmpty { field.description = node["description"]?.string ?? "" } else if let own = node["description"]?.string { field.description = own }
            if field.type == "array", node["explode"]?.string == "false" { field.style = "commaSeparated" }
            if let content = node["content"]?.mapping {
                // A value sent as JSON text in one parameter (`content: application/json`).
                if let json = content.first(where: { $0.key.string?.contains("json") == true }), place == "query" {
                    let inner = self.field(named: name, schema: json.value["schema"], pointer: parameterPointer + "/content",
                                           owner: ImportNames.upperCamel(operation.id), required: field.required)
                    field.type = inner.type
                    field.items = inner.items
                    field.style = "json"
                } else {
                    warn("a \(place) parameter with 'content' other than JSON in the query stays a string", node["content"], pointer: parameterPointer + "/content")
                    field.type = "string"
                }
            } else if place == "query", field.type == "json" || spec.types.contains(where: { $0.name == field.type }) {
                // An object in the query: its properties as parameters of their own (OpenAPI's default, form and
                // exploded), or `name[key]=value`.
                field.style = node["style"]?.string == "deepObject" ? "deepObject" : "form"
                if node["explode"]?.string == "false" {
                    warn("an object query parameter that isn't exploded (`name=k,v,k,v`) is sent exploded instead", node["explode"], pointer: parameterPointer + "/explode")
                    operation.comments.append("guessed: '\(name)' is sent exploded (each property its own parameter); the document says explode: false")
                }
            } else if place != "query", field.type == "json" || field.type == "array" && place == "path"
                        || spec.types.contains(where: { $0.name == field.type }) {
                warn("an object or list in the \(place) can't be sent; '\(name)' is a string you write yourself", node, pointer: parameterPointer)
                operation.comments.append("guessed: '\(name)' (\(field.type) in the \(place)) is a string")
                field.type = "string"
                field.items = []
            }
            if let previous = seen[name + "@" + place] {
                operation.parameters[previous] = field
            } else {
                seen[name + "@" + place] = operation.parameters.count
                operation.parameters.append(field)
            }
        }
    }

    mutating func readBody(_ raw: Node?, into operation: inout ImportedSpec.Operation, pointer: String) {
        guard let body = dereference(raw) else { return }
        guard let content = body["content"]?.mapping else { return }
        let json = content.first { $0.key.string?.contains("json") == true }
        guard let media = json?.value else {
            readOtherBody(content, into: &operation, pointer: pointer + "/content")
            return
        }
        let mediaPointer = pointer + "/content/" + Self.escape(json?.key.string ?? "")
        guard let schema = dereference(media["schema"]), Self.isObjectSchema(schema) || schema["properties"] != nil else {
            warn("a body that is not an object can't be expressed; it is left out", media["schema"], pointer: mediaPointer + "/schema")
            return
        }
        let (properties, required, partial, rules) = mergedObject(schema, pointer: mediaPointer + "/schema")
        operation.body = properties.map { key, node in
            field(named: key, schema: node, pointer: mediaPointer + "/schema/properties/" + Self.escape(key),
                  owner: ImportNames.upperCamel(operation.id), required: required.contains(key))
        }
        operation.bodyPartial = partial
        operation.bodyRules = rules
        for (key, example) in media["examples"]?.mapping ?? [:] {
            guard let value = dereference(example)?["value"] else { continue }
            operation.examples.append(.object([("summary", .string(dereference(example)?["summary"]?.string ?? key.string ?? "")), ("body", self.json(value))]))
        }
    }

    /// A body that isn't JSON: a multipart form (binary properties become files), form fields, or bytes.
    mutating func readOtherBody(_ content: Node.Mapping, into operation: inout ImportedSpec.Operation, pointer: String) {
        let types = content.keys.compactMap(\.string)
        let owner = ImportNames.upperCamel(operation.id)
        for (kind, encoding) in [("multipart/form-data", "multipart"), ("application/x-www-form-urlencoded", "form")] {
            guard let media = content.first(where: { $0.key.string == kind })?.value else { continue }
            let mediaPointer = pointer + "/" + Self.escape(kind) + "/schema"
            guard let schema = dereference(media["schema"]), let properties = schema["properties"]?.mapping else {
                warn("a \(encoding) body without properties can't be expressed; it is left out", media, pointer: mediaPointer)
                return
            }
            let required = Set(schema["required"]?.sequence?.compactMap(\.string) ?? [])
            operation.bodyEncoding = encoding
            operation.body = properties.compactMap { key, node -> ImportedSpec.Field? in
                guard let name = key.string else { return nil }
                let propertyPointer = mediaPointer + "/properties/" + Self.escape(name)
                let resolved = dereference(node) ?? node
                if encoding == "multipart", Self.isBinary(resolved) {
                    return ImportedSpec.Field(name: name, type: "file", required: required.contains(name), description: resolved["description"]?.string ?? "")
                }
                if encoding == "multipart", resolved["type"]?.string == "array", let items = resolved["items"], Self.isBinary(dereference(items) ?? items) {
                    return ImportedSpec.Field(name: name, type: "array", items: [ImportedSpec.Field(name: "", type: "file")], required: required.contains(name),
                                              description: resolved["description"]?.string ?? "")
                }
                var field = self.field(named: name, schema: node, pointer: propertyPointer, owner: owner, required: required.contains(name))
                let typeNames = Set(spec.types.map(\.name))
                let isObject: (String) -> Bool = { type in type == "json" || typeNames.contains(type) }
                // Multipart sends an object as a part of JSON text (OpenAPI's default for an object part); a form can't.
                if encoding == "multipart", isObject(field.type) { return field }
                if isObject(field.type) || (field.type == "array" && field.items.first.map { isObject($0.type) } == true) {
                    warn("'\(name)' is \(field.type == "array" ? "a list of objects" : "an object"), which a \(encoding) body sends as text; it is a string you write yourself",
                         node, pointer: propertyPointer)
                    field.type = "string"
                    field.items = []
                }
                return field
            }
            return
        }
        // Anything else is the request's bytes.
        operation.bodyEncoding = "binary"
        operation.body = [ImportedSpec.Field(name: "content", type: "file", required: true,
                                             description: "The bytes to send (\(types.joined(separator: ", "))).")]
        operation.comments.append("guessed: the body (\(types.joined(separator: ", "))) is bytes, sent whole")
    }

    /// `type: string, format: binary` (or OpenAPI 3.1's `contentMediaType`): a file's bytes.
    static func isBinary(_ schema: Node) -> Bool {
        schema["format"]?.string == "binary" || (schema["type"]?.string == "string" && schema["contentMediaType"] != nil)
    }

    /// What a list result holds: a component object type or open enum, a primitive, or an inline object named
    /// after the operation; nil for what a list result can't say (lists of lists, closed enums).
    mutating func listItemName(_ items: Node, operation: String, pointer: String) -> String? {
        if let reference = items["$ref"]?.string, reference.hasPrefix("#/components/schemas/"),
           let name = componentNames[String(reference.dropFirst("#/components/schemas/".count))] {
            if let enumType = spec.enums.first(where: { $0.name == name }), !enumType.open { return nil }
            answerSchemas.insert(name)
            return name
        }
        let target = dereference(items) ?? items
        switch target["type"]?.string {
        case "string": return target["format"]?.string == "date-time" ? "datetime" : "string"
        case "integer": return target["format"]?.string == "int32" ? "int32" : "int64"
        case "number": return "number"
        case "boolean": return "boolean"
        default:
            guard Self.isObjectSchema(target) || target["properties"] != nil else { return nil }
            let name = names.typeName(operation + "Item")
            spec.types.append(objectType(named: name, target, pointer: pointer))
            answerSchemas.insert(name)
            return name
        }
    }

    /// The result of the first 2xx answer, taken out of its envelope; answers the envelope as a flow value, if any.
    mutating func readResult(_ responses: Node?, into operation: inout ImportedSpec.Operation, pointer: String, answers: Node?) -> ImportedEnvelope? {
        let statuses = (responses?.mapping?.keys.compactMap(\.string) ?? []).filter { $0.hasPrefix("2") }.sorted()
        guard let status = statuses.first, let response = dereference(responses?[status]) else {
            operation.result = "none"
            return nil
        }
        let responsePointer = pointer + "/" + Self.escape(status)
        guard let media = response["content"]?.mapping?.first(where: { $0.key.string?.contains("json") == true })?.value,
              var schema = media["schema"] else {
            // An answer of bytes (a download): any media type but JSON and text.
            let binary = response["content"]?.mapping?.keys.compactMap(\.string).contains { type in
                !type.contains("json") && !type.hasPrefix("text/")
            } ?? false
            operation.result = binary ? "binary" : "none"
            return nil
        }
        var schemaPointer = responsePointer + "/content/application~1json/schema"
        var envelope: ImportedEnvelope?
        let declared = answers?["envelope"]
        let resolved = dereference(schema) ?? schema
        if let declared, let resultField = declared["result"]?.string, let inner = resolved["properties"]?[resultField] {
            envelope = ImportedEnvelope(result: resultField, code: declared["code"]?.string,
                                        success: declared["success"]?.sequence?.compactMap(\.string) ?? [], message: declared["message"]?.string)
            schema = inner
            schemaPointer += "/properties/" + Self.escape(resultField)
        } else if declared == nil, let properties = resolved["properties"]?.mapping, let inner = properties["result"],
                  properties["code"] != nil || properties["message"] != nil {
            let code = properties["code"]
            envelope = ImportedEnvelope(result: "result", code: code == nil ? nil : "code",
                                        success: code?["enum"]?.sequence?.compactMap(\.string) ?? code?["example"]?.string.map { [$0] } ?? [],
                                        message: properties["message"] == nil ? nil : "message")
            schema = inner
            for key in properties.keys.compactMap(\.string) where !["result", "code", "message"].contains(key) {
                warn("'\(key)' beside the result isn't read; add it to the result type or to 'envelopeFields'", properties[key], pointer: schemaPointer + "/properties/" + Self.escape(key))
            }
            schemaPointer += "/properties/result"
        }
        let target = dereference(schema) ?? schema
        if let reference = schema["$ref"]?.string, reference.hasPrefix("#/components/schemas/"),
           let name = componentNames[String(reference.dropFirst("#/components/schemas/".count))] {
            if spec.enums.contains(where: { $0.name == name }) {
                warn("a result that is an enum can't be expressed; it stays open JSON", schema, pointer: schemaPointer)
                operation.result = "undocumented"
            } else {
                operation.result = name
                answerSchemas.insert(name)
            }
        } else if target["type"]?.string == "null" {
            operation.result = "none"
        } else if target["type"]?.string == "array", let items = target["items"], let item = listItemName(items, operation: operation.id,
                                                                                                      pointer: schemaPointer + "/items") {
            operation.result = "[\(item)]"
        } else if Self.isObjectSchema(target) || target["properties"] != nil {
            let name = names.typeName(operation.id + "Result")
            spec.types.append(objectType(named: name, target, pointer: schemaPointer))
            answerSchemas.insert(name)
            operation.result = name
            operation.comments.append("guessed: the inline result schema is named \(name)")
        } else {
            if target["type"]?.string == "object" {
                warn("a result without properties stays open JSON", schema, pointer: schemaPointer)
            } else if target.mapping?.isEmpty == false, target["description"] == nil || target.mapping!.count > 1 {
                warn("a result that is not an object stays open JSON", schema, pointer: schemaPointer)
            }
            operation.result = "undocumented"
            operation.resultDescription = target["description"]?.string ?? response["description"]?.string ?? ""
        }
        for (key, example) in media["examples"]?.mapping ?? [:] {
            guard let value = dereference(example)?["value"] else { continue }
            let summary = dereference(example)?["summary"]?.string ?? key.string ?? ""
            if let index = operation.examples.firstIndex(where: { if case .object(let pairs) = $0 { pairs.contains { $0.key == "summary" && $0.value.compact == JSONText.string(summary).compact } && !pairs.contains { $0.key == "response" } } else { false } }),
               case .object(var pairs) = operation.examples[index] {
                pairs.append(("response", json(value)))
                operation.examples[index] = .object(pairs)
            } else {
                operation.examples.append(.object([("summary", .string(summary)), ("response", json(value))]))
            }
        }
        return envelope
    }

    mutating func readOperationExtensions(_ node: Node, into operation: inout ImportedSpec.Operation, pointer: String) {
        if let deprecation = node["x-ncp-deprecation"] {
            operation.extras.append(("deprecated", json(deprecation).compact))
        } else if node["deprecated"]?.string == "true" {
            // Deprecated without a date or a replacement: the format holds that as an empty deprecation.
            operation.extras.append(("deprecated", "{}"))
        }
        for (key, ours) in [("x-ncp-since", "since"), ("x-ncp-starts", "starts")] {
            if let value = node[key]?.string { operation.extras.append((ours, YAMLWriter.scalar(value))) }
        }
        for (key, ours) in [("x-ncp-rate-limit", "rateLimit"), ("x-ncp-paging", "paging"), ("x-ncp-errors", "errors")] {
            if let value = node[key] { operation.extras.append((ours, json(value).compact)) }
        }
        if let answers = node["x-ncp-answers"] { operation.extras.append(("answers", answersText(answers))) }
        if let fields = node["x-ncp-envelope-fields"]?.mapping {
            let list = fields.map { key, schema in
                "\(YAMLWriter.scalar(key.string ?? "")): \(YAMLWriter.flow(field(named: key.string ?? "", schema: schema, pointer: pointer, owner: ImportNames.upperCamel(operation.id), required: false)))"
            }
            operation.extras.append(("envelopeFields", "{ " + list.joined(separator: ", ") + " }"))
        }
        operation.notes += node["x-ncp-notes"]?.sequence?.compactMap(\.string) ?? []
    }
}
