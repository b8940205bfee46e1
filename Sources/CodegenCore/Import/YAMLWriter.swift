/// Writes an imported spec as the files a person would keep: `service.yaml`, `types.yaml`, `enums.yaml`,
/// `errors.yaml`, `waiters.yaml` and one `operations/<group>.yaml` per group, sorted, with a comment wherever the
/// importer guessed.
enum YAMLWriter {
    /// - Parameter origin: what the spec was imported from, for the header of each file.
    static func files(_ spec: ImportedSpec, origin: String) -> [OutputFile] {
        let header = "# Imported from \(origin) by ncp-codegen import; maintained by hand from here on.\n"
        var files: [OutputFile] = []
        var service = header + comments(spec.serviceComments, indent: "") + "service:\n"
        service += "  name: \(scalar(spec.name))\n"
        if !spec.title.isEmpty { service += "  title: \(scalar(spec.title))\n" }
        if !spec.description.isEmpty { service += "  description: \(scalar(spec.description))\n" }
        service += "  host: \(scalar(spec.host))\n"
        if !spec.legacyHosts.isEmpty { service += "  legacyHosts: [" + spec.legacyHosts.map(scalar).joined(separator: ", ") + "]\n" }
        service += "  basePath: \(scalar(spec.basePath))\n"
        if !spec.endpoints.isEmpty {
            service += "  endpoints:\n" + spec.endpoints.map { endpoint in
                "    - { site: \(scalar(endpoint.site)), region: \(scalar(endpoint.region))"
                    + (endpoint.host.map { ", host: \(scalar($0))" } ?? "") + (endpoint.basePath.map { ", basePath: \(scalar($0))" } ?? "") + " }\n"
            }.joined()
        }
        if let header = spec.apiKeyHeader {
            service += "  authentication: { apiKeyHeader: \(scalar(header))" + (spec.apiKeyIDHeader.map { ", apiKeyIDHeader: \(scalar($0))" } ?? "") + " }\n"
        } else if let authentication = spec.authentication {
            service += "  authentication: \(scalar(authentication))\n"
        }
        if let invokeURL = spec.invokeURL { service += "  invokeURL: \(scalar(invokeURL))\n" }
        if !spec.docs.isEmpty { service += "  docs: \(scalar(spec.docs))\n" }
        if !spec.notes.isEmpty { service += "  notes:\n" + spec.notes.map { "    - \(scalar($0))\n" }.joined() }
        if let answers = spec.answers { service += "  answers: \(answers)\n" }
        service += "groups:\n"
        for group in spec.groups {
            service += "  \(scalar(group.key)): { title: \(scalar(group.title))" + (group.description.isEmpty ? "" : ", description: \(scalar(group.description))") + " }\n"
        }
        files.append(OutputFile(name: "service.yaml", contents: service))
        if !spec.types.isEmpty {
            var text = header + "types:\n"
            for type in spec.types.sorted(by: { $0.name < $1.name }) {
                text += comments(type.comments, indent: "  ") + "  \(scalar(type.name)):\n"
                text += "    description: \(scalar(type.description.isEmpty ? type.name + "." : type.description))\n"
                if type.partial { text += "    partial: true\n" }
                text += "    properties:" + (type.properties.isEmpty ? " {}\n" : "\n")
                for field in type.properties { text += "      \(scalar(field.name)): \(flow(field))\n" }
                if !type.rules.isEmpty { text += "    rules:\n" + type.rules.map { "      - \($0.compact)\n" }.joined() }
            }
            files.append(OutputFile(name: "types.yaml", contents: text))
        }
        if !spec.enums.isEmpty {
            var text = header + "enums:\n"
            for enumType in spec.enums.sorted(by: { $0.name < $1.name }) {
                text += comments(enumType.comments, indent: "  ") + "  \(scalar(enumType.name)):\n"
                text += "    open: \(enumType.open)\n"
                text += "    description: \(scalar(enumType.description.isEmpty ? enumType.name + "." : enumType.description))\n"
                text += "    values:\n"
                for value in enumType.values {
                    if let swiftName = value.swiftName {
                        text += "      \(scalar(value.value)): { description: \(scalar(value.description)), swiftName: \(scalar(swiftName)) }\n"
                    } else {
                        text += "      \(scalar(value.value)): \(scalar(value.description.isEmpty ? value.value + "." : value.description))\n"
                    }
                }
            }
            files.append(OutputFile(name: "enums.yaml", contents: text))
        }
        if !spec.errors.isEmpty || !spec.gatewayErrors.isEmpty {
            var text = header
            if !spec.errors.isEmpty { text += "errors:\n" + spec.errors.map { "  - \($0.compact)\n" }.joined() }
            if !spec.gatewayErrors.isEmpty { text += "gatewayErrors:\n" + spec.gatewayErrors.map { "  - \($0.compact)\n" }.joined() }
            files.append(OutputFile(name: "errors.yaml", contents: text))
        }
        if !spec.waiters.isEmpty {
            var text = header + "waiters:\n"
            for waiter in spec.waiters {
                guard case .object(var pairs) = waiter, let nameIndex = pairs.firstIndex(where: { $0.key == "name" }),
                      case .string(let name) = pairs[nameIndex].value else { continue }
                pairs.remove(at: nameIndex)
                text += "  \(scalar(name)): \(JSONText.object(pairs).compact)\n"
            }
            files.append(OutputFile(name: "waiters.yaml", contents: text))
        }
        for group in spec.groups {
            let operations = spec.operations.filter { $0.group == group.key }
            guard !operations.isEmpty else { continue }
            var text = header + "operations:\n"
            for operation in operations {
                text += comments(operation.comments, indent: "  ") + "  \(scalar(operation.id)):\n"
                text += "    group: \(scalar(operation.group))\n"
                text += "    summary: \(scalar(operation.summary))\n"
                if !operation.description.isEmpty { text += "    description: \(scalar(operation.description))\n" }
                text += "    method: \(operation.method)\n"
                text += "    path: \(scalar(operation.path))\n"
                text += "    doc: \(scalar(operation.doc))\n"
                for (key, value) in operation.extras { text += "    \(key): \(value)\n" }
                if !operation.parameters.isEmpty {
                    text += "    parameters:\n" + operation.parameters.map { "      \(scalar($0.name)): \(flow($0))\n" }.joined()
                }
                if let body = operation.body {
                    text += "    body:\n"
                    if let encoding = operation.bodyEncoding { text += "      encoding: \(encoding)\n" }
                    if operation.bodyPartial { text += "      partial: true\n" }
                    text += "      properties:" + (body.isEmpty ? " {}\n" : "\n") + body.map { "        \(scalar($0.name)): \(flow($0))\n" }.joined()
                    if !operation.bodyRules.isEmpty { text += "      rules:\n" + operation.bodyRules.map { "        - \($0.compact)\n" }.joined() }
                }
                switch operation.result {
                case "undocumented":
                    text += "    result: { undocumented: true" + (operation.resultDescription.isEmpty ? "" : ", description: \(scalar(operation.resultDescription))") + " }\n"
                case let list where list.hasPrefix("[") && list.hasSuffix("]"):
                    text += "    result: [\(scalar(String(list.dropFirst().dropLast())))]\n"
                default: text += "    result: \(scalar(operation.result))\n"
                }
                if !operation.notes.isEmpty { text += "    notes:\n" + operation.notes.map { "      - \(scalar($0))\n" }.joined() }
                if !operation.examples.isEmpty { text += "    examples:\n" + operation.examples.map { "      - \($0.compact)\n" }.joined() }
            }
            files.append(OutputFile(name: "operations/\(fileName(group.key)).yaml", contents: text))
        }
        return files
    }

    /// A field as one flow mapping: `{ type: string, required: true, maxLength: 40, description: City. }`.
    static func flow(_ field: ImportedSpec.Field) -> String {
        var parts: [String] = []
        if let location = field.location { parts.append("in: \(location)") }
        parts.append("type: \(scalar(field.type))")
        if let items = field.items.first {
            let simple = items.limits.isEmpty && items.defaultValue == nil && items.description.isEmpty && !items.nullable
            parts.append("items: " + (simple ? scalar(items.type) : flow(items)))
        }
        if field.required { parts.append("required: true") }
        if field.nullable { parts.append("nullable: true") }
        if let style = field.style { parts.append("style: \(style)") }
        parts += field.limits.map { "\($0.key): \($0.value)" }
        if let value = field.defaultValue { parts.append("default: \(value.compact)") }
        if let value = field.constant { parts.append("constant: \(value.compact)") }
        if !field.wireNames.isEmpty { parts.append("wireNames: [" + field.wireNames.map(scalar).joined(separator: ", ") + "]") }
        if let swiftName = field.swiftName { parts.append("swiftName: \(scalar(swiftName))") }
        if field.sensitive { parts.append("sensitive: true") }
        if !field.description.isEmpty { parts.append("description: \(scalar(field.description))") }
        if let note = field.note { parts.append("note: \(scalar(note))") }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    /// A scalar plain when YAML reads it back unchanged as a string, else JSON-quoted (a valid YAML double-quoted
    /// string).
    static func scalar(_ text: String) -> String {
        let keywords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || " _./()-'`$".unicodeScalars.contains(scalar)
                || (scalar.value > 0x7F && !TextScan.isControlOrSeparator(scalar))
        }
        let first = text.unicodeScalars.first
        let looksSpecial = keywords.contains(text.lowercased()) || Double(text) != nil || Int(text) != nil
            || first == "-" || first == "'" || first == "`" || text.hasPrefix(" ") || text.hasSuffix(" ") || text.contains(" -")
        return safe && !looksSpecial ? text : JSONText.quoted(text)
    }

    static func comments(_ lines: [String], indent: String) -> String {
        lines.map { indent + "# " + DocText.oneLine($0) + "\n" }.joined()
    }

    static func fileName(_ key: String) -> String {
        String(key.unicodeScalars.map { scalar -> Character in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" ? Character(scalar) : "-"
        })
    }
}
