import Yams

extension OpenAPIImporter {
    static func isEnumSchema(_ schema: Node) -> Bool {
        (schema["enum"]?.sequence != nil || schema["x-extensible-enum"]?.sequence != nil) && (schema["type"]?.string ?? "string") == "string"
    }

    static func isObjectSchema(_ schema: Node) -> Bool {
        schema["properties"]?.mapping != nil || schema["allOf"]?.sequence != nil
            || (schema["type"]?.string == "object" && schema["additionalProperties"]?.mapping == nil && schema["additionalProperties"]?.string != "true")
                && schema["properties"] != nil
    }

    // MARK: Components

    mutating func readComponents() {
        let schemas = root["components"]?["schemas"]?.mapping
        // Names first, so references resolve whatever the order.
        for (key, schema) in schemas ?? [:] {
            guard let name = key.string else { continue }
            let target = dereference(schema) ?? schema
            if Self.isEnumSchema(target) || Self.isObjectSchema(target) {
                componentNames[name] = names.typeName(name)
            }
        }
        for (key, schema) in schemas ?? [:] {
            guard let name = key.string, let swiftName = componentNames[name] else {
                if let name = key.string {
                    warn("the schema '\(name)' is not an object or a string enum, so it can't be a type; where it is used, its shape is written in place", schema,
                         pointer: "#/components/schemas/\(Self.escape(name))")
                }
                continue
            }
            let pointer = "#/components/schemas/\(Self.escape(name))"
            guard let target = dereference(schema) else { continue }
            if Self.isEnumSchema(target) {
                spec.enums.append(enumType(named: swiftName, target, pointer: pointer))
            } else {
                spec.types.append(objectType(named: swiftName, target, pointer: pointer))
            }
        }
    }

    mutating func enumType(named name: String, _ schema: Node, pointer: String) -> ImportedSpec.EnumType {
        let open = schema["x-extensible-enum"] != nil
        let values = (schema["enum"] ?? schema["x-extensible-enum"])?.sequence?.compactMap(\.string) ?? []
        let details = schema["x-ncp-values"]
        return ImportedSpec.EnumType(
            name: name, description: schema["description"]?.string ?? "", open: open,
            values: values.map { value in
                (value, details?[value]?["description"]?.string ?? "", details?[value]?["x-ncp-swift-name"]?.string)
            })
    }

    mutating func objectType(named name: String, _ schema: Node, pointer: String) -> ImportedSpec.ObjectType {
        let (properties, required, partial, rules) = mergedObject(schema, pointer: pointer)
        var type = ImportedSpec.ObjectType(name: name, description: schema["description"]?.string ?? "", partial: partial)
        type.properties = properties.map { key, node in
            field(named: key, schema: node, pointer: pointer + "/properties/" + Self.escape(key), owner: name, required: required.contains(key))
        }
        type.rules = rules
        return type
    }

    /// An object's properties in order, its required names, whether it keeps unknown fields, and its rules;
    /// `allOf` parts merged in order.
    mutating func mergedObject(_ schema: Node, pointer: String) -> ([(String, Node)], Set<String>, Bool, [JSONText]) {
        var properties: [(String, Node)] = []
        var required: Set<String> = []
        var partial = schema["x-ncp-partial"]?.string == "true" || schema["additionalProperties"]?.string == "true"
        var rules = schema["x-ncp-rules"]?.sequence?.map(json) ?? []
        for (index, part) in (schema["allOf"]?.sequence ?? []).enumerated() {
            guard let resolved = dereference(part) else { continue }
            let (more, moreRequired, morePartial, moreRules) = mergedObject(resolved, pointer: pointer + "/allOf/\(index)")
            for (key, node) in more where !properties.contains(where: { $0.0 == key }) { properties.append((key, node)) }
            required.formUnion(moreRequired)
            partial = partial || morePartial
            rules += moreRules
        }
        for (key, node) in schema["properties"]?.mapping ?? [:] {
            guard let name = key.string else { continue }
            if let index = properties.firstIndex(where: { $0.0 == name }) { properties[index].1 = node } else { properties.append((name, node)) }
        }
        required.formUnion(schema["required"]?.sequence?.compactMap(\.string) ?? [])
        for keyword in ["oneOf", "anyOf"] where schema[keyword] != nil {
            warn("'\(keyword)' beside properties can't be expressed; the object keeps its listed properties", schema[keyword], pointer: pointer + "/" + keyword)
        }
        return (properties, required, partial, rules)
    }

    // MARK: Fields

    /// A property, parameter or item from its schema.
    mutating func field(named name: String, schema: Node?, pointer: String, owner: String, required: Bool) -> ImportedSpec.Field {
        var field = shapedField(named: name, schema: schema, pointer: pointer, owner: owner, required: required)
        // The format documents defaults only where they can apply: a required field is always sent.
        if field.required, field.defaultValue != nil {
            field.defaultValue = nil
            warn("'\(name)' is required, so its default can never apply; it is left out", dereference(schema)?["default"] ?? schema, pointer: pointer + "/default")
        }
        return field
    }

    mutating func shapedField(named name: String, schema original: Node?, pointer: String, owner: String, required: Bool) -> ImportedSpec.Field {
        var field = ImportedSpec.Field(name: name, type: "json", required: required)
        guard var schema = original else { return field }
        var inlined: String?
        defer { if let inlined { inlining.remove(inlined) } }
        field.description = schema["description"]?.string ?? ""
        // A reference to a component that became a type or enum is that type; others take the target's shape.
        if let reference = schema["$ref"]?.string {
            let componentName = reference.hasPrefix("#/components/schemas/")
                ? String(reference.dropFirst("#/components/schemas/".count)).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") : nil
            if let componentName, let typeName = componentNames[componentName] {
                field.type = typeName
                // Siblings of a $ref (3.1): its default and limits.
                readLimits(schema, into: &field, pointer: pointer)
                applyExtensions(schema, to: &field)
                return field
            }
            guard inlining.insert(reference).inserted else {
                warn("the schema '\(reference)' contains itself and can't be a type; here it stays open JSON", schema, pointer: pointer)
                return field
            }
            inlined = reference
            schema = dereference(schema) ?? schema
            if field.description.isEmpty { field.description = schema["description"]?.string ?? "" }
        }
        // `type: [string, "null"]` (3.1) and `nullable: true` (3.0).
        var type = schema["type"]?.string
        if let types = schema["type"]?.sequence?.compactMap(\.string) {
            field.nullable = types.contains("null")
            type = types.first { $0 != "null" }
            if types.filter({ $0 != "null" }).count > 1 {
                warn("a value of several types stays open JSON", schema["type"], pointer: pointer + "/type")
                type = nil
            }
        }
        if schema["nullable"]?.string == "true" { field.nullable = true }
        for keyword in ["oneOf", "anyOf"] {
            guard let choices = schema[keyword]?.sequence else { continue }
            let nonNull = choices.filter { $0["type"]?.string != "null" }
            if nonNull.count == 1, nonNull.count < choices.count {
                var inner = self.field(named: name, schema: nonNull[0], pointer: pointer + "/\(keyword)/0", owner: owner, required: required)
                inner.nullable = true
                if inner.description.isEmpty { inner.description = field.description }
                return inner
            }
            warn("'\(keyword)' can't be expressed; the value stays open JSON", schema[keyword], pointer: pointer + "/" + keyword)
            applyExtensions(schema, to: &field)
            return field
        }
        if schema["allOf"] != nil {
            if let parts = schema["allOf"]?.sequence, parts.count == 1, parts[0]["$ref"] != nil {
                var inner = self.field(named: name, schema: parts[0], pointer: pointer + "/allOf/0", owner: owner, required: required)
                if !field.description.isEmpty { inner.description = field.description }
                inner.nullable = inner.nullable || field.nullable
                return inner
            }
            type = "object"
        }
        switch type ?? (schema["properties"] != nil ? "object" : Self.isEnumSchema(schema) ? "string" : nil) {
        case "string":
            if Self.isEnumSchema(schema) {
                let enumName = names.typeName(owner + ImportNames.upperCamel(name))
                spec.enums.append(enumType(named: enumName, schema, pointer: pointer))
                field.type = enumName
            } else {
                let format = schema["format"]?.string ?? schema["x-ncp-format"]?.string
                field.type = format == "date-time" ? "datetime" : "string"
            }
        case "integer": field.type = schema["format"]?.string == "int32" ? "int32" : "int64"
        case "number": field.type = "number"
        case "boolean": field.type = "boolean"
        case "array":
            field.type = "array"
            var items = self.field(named: name + "Item", schema: schema["items"], pointer: pointer + "/items", owner: owner, required: false)
            items.name = ""
            items.required = false
            field.items = [items]
        case "object":
            if schema["properties"] != nil || schema["allOf"] != nil {
                let typeName = names.typeName(owner + ImportNames.upperCamel(name))
                spec.types.append(objectType(named: typeName, schema, pointer: pointer))
                field.type = typeName
            } else {
                field.type = "json"
            }
        case "null":
            field.type = "json"
        default:
            field.type = "json"
        }
        readLimits(schema, into: &field, pointer: pointer)
        applyExtensions(schema, to: &field)
        return field
    }

    mutating func readLimits(_ schema: Node, into field: inout ImportedSpec.Field, pointer: String) {
        for key in ["minLength", "maxLength", "minItems", "maxItems"] {
            if let value = schema[key]?.string, Int(value) != nil { field.limits.append((key, value)) }
        }
        if let pattern = schema["pattern"]?.string { field.limits.append(("pattern", JSONText.quoted(pattern))) }
        for key in ["minimum", "maximum"] {
            guard let value = schema[key]?.string else { continue }
            if Int64(value) != nil, field.type == "int32" || field.type == "int64" {
                field.limits.append((key, value))
            } else {
                warn("the \(key) \(value) of a \(field.type) can't be expressed (limits are whole numbers on integers); it is left out", schema[key], pointer: pointer + "/" + key)
            }
        }
        for key in ["exclusiveMinimum", "exclusiveMaximum", "multipleOf", "uniqueItems", "minProperties", "maxProperties"] where schema[key] != nil {
            warn("'\(key)' can't be expressed; it is left out", schema[key], pointer: pointer + "/" + key)
        }
        if let value = schema["default"] {
            field.defaultValue = json(value)
        }
        if let value = schema["const"] { field.constant = json(value) }
    }

    func applyExtensions(_ schema: Node, to field: inout ImportedSpec.Field) {
        if let names = schema["x-ncp-wire-names"]?.sequence?.compactMap(\.string) { field.wireNames = names }
        if let swiftName = schema["x-ncp-swift-name"]?.string { field.swiftName = swiftName }
        if let note = schema["x-ncp-note"]?.string { field.note = note }
        if schema["x-ncp-sensitive"]?.bool == true || schema["format"]?.string == "password" { field.sensitive = true }
        if let forbidden = schema["x-ncp-forbidden-characters"]?.string { field.limits.append(("forbiddenCharacters", JSONText.quoted(forbidden))) }
        if schema["x-ncp-not-blank"]?.string == "true" { field.limits.append(("notBlank", "true")) }
    }
}
