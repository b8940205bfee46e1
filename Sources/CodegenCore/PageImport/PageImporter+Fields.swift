import Foundation

extension PageImporter {
    /// Names too general to name a type alone (`content`, `result`): their type takes its parent's name first.
    static let generalNames: Set<String> = ["content", "contents", "result", "results", "list", "items", "item", "data", "info", "detail",
                                            "details", "value", "values", "response", "body", "status", "meta", "setting", "settings"]

    /// One field of the spec for one node of the page's tree: its type (a primitive, an array, an enum of the
    /// values its description lists, or a type made of the rows under it), required-ness, limits, default and
    /// text. Answers are read leniently: a response field is never required.
    mutating func field(for node: FieldNode, on model: PageModel, owner: String, isAnswer: Bool, parentType: String) -> ImportedSpec.Field {
        let row = node.row
        let facts = row?.facts ?? FieldFacts()
        let documented = row.flatMap { DocumentedType($0.type) } ?? (node.children.isEmpty ? nil : .object)
        var field = ImportedSpec.Field(name: node.name, type: "json")
        field.required = !isAnswer && row?.requiredness == .required
        field.description = Self.description(of: row, name: node.name)
        if let row, row.requiredness == .conditional, !isAnswer {
            field.note = "Conditional in the docs: required only in some cases (see the description)."
        }
        let place = Self.place(model, row?.line ?? 1)
        func itemsField(_ type: String) -> ImportedSpec.Field { ImportedSpec.Field(name: "", type: type) }
        switch documented {
        case .array(let item)?:
            field.type = "array"
            if !node.children.isEmpty {
                field.items = [itemsField(objectType(node, hint: Self.singular(node.name), exact: false, on: model, owner: owner, isAnswer: isAnswer, parent: parentType))]
            } else if let item, let primitive = item.primitive(isDateTime: facts.isDateTime) {
                field.items = [itemsField(!facts.enumValues.isEmpty ? enumType(facts, named: Self.singular(node.name), on: model, row: row) : primitive)]
            } else if case .named(let name)? = item {
                field.items = [itemsField("json")]
                diagnostics.warning("`\(row?.name ?? node.name)` is a list of \(name), whose fields the page doesn't list here; its items are open JSON", at: place)
            } else {
                field.items = [itemsField("json")]
            }
            limits(facts.items ?? facts.length, min: "minItems", max: "maxItems", into: &field, place: place)
        case .object?, .named?, .map?:
            if node.children.isEmpty {
                field.type = "json"
            } else {
                field.type = objectType(node, hint: node.name, exact: false, on: model, owner: owner, isAnswer: isAnswer, parent: parentType)
                // Characters an object's row forbids are forbidden in the text it holds (`dialogQuery`'s phrases).
                if !facts.forbiddenCharacters.isEmpty { forbid(facts.forbiddenCharacters, inType: field.type) }
            }
        case .file?:
            field.type = "string"
            diagnostics.warning("`\(row?.name ?? node.name)` is a file; the format can't describe a file upload yet, so it is a string here", at: place)
            field.note = "Documented as a File (a multipart upload), which the format can't describe yet."
        case .json?, nil:
            field.type = node.children.isEmpty ? "json" : objectType(node, hint: node.name, exact: false, on: model, owner: owner, isAnswer: isAnswer, parent: parentType)
        case let scalar?:
            let primitive = scalar.primitive(isDateTime: facts.isDateTime) ?? "string"
            if !facts.enumValues.isEmpty, primitive == "string" {
                field.type = enumType(facts, named: node.name, on: model, row: row)
            } else {
                if scalar == .enumeration { field.note = "Documented as an enum whose values this page doesn't list." }
                field.type = primitive
                if primitive == "string" || primitive == "datetime" {
                    limits(facts.length, min: "minLength", max: "maxLength", into: &field, place: place)
                    if !facts.forbiddenCharacters.isEmpty, primitive == "string" { field.limits.append(("forbiddenCharacters", YAMLWriter.scalar(String(facts.forbiddenCharacters)))) }
                    if facts.notBlank, primitive == "string" { field.limits.append(("notBlank", "true")) }
                } else if primitive == "int32" || primitive == "int64" {
                    limits(facts.value, min: "minimum", max: "maximum", into: &field, place: place)
                }
            }
            if let text = facts.defaultValue?.text, !field.required, !isAnswer {
                field.defaultValue = defaultValue(text, for: field, facts: facts)
            }
        }
        return field
    }

    /// `minLength`/`maxLength` (or the items' or the value's) from a range the page states; a reversed range is
    /// said and left out.
    mutating func limits(_ range: FieldFacts.Range?, min minKey: String, max maxKey: String, into field: inout ImportedSpec.Field, place: SourceLocation) {
        guard let range else { return }
        if let low = range.min, let high = range.max, low > high {
            diagnostics.warning("the page gives `\(field.name)` the range \(low)-\(high), which is reversed; it was left out", at: place)
            return
        }
        // A length or a count can't be below zero, whatever a page writes.
        if let low = range.min { field.limits.append((minKey, String(minKey == "minimum" ? low : max(low, 0)))) }
        if let high = range.max { field.limits.append((maxKey, String(high))) }
    }

    /// The default as the spec writes it, when it fits the field's type, limits and values; else nil.
    func defaultValue(_ text: String, for field: ImportedSpec.Field, facts: FieldFacts) -> JSONText? {
        if let enumType = spec.enums.first(where: { $0.name == field.type }) {
            return enumType.values.contains { $0.value == text } ? .string(text) : nil
        }
        switch field.type {
        case "int32", "int64":
            guard let number = Int64(text.replacingOccurrences(of: ",", with: "")) else { return nil }
            if let low = facts.value?.min, number < low { return nil }
            if let high = facts.value?.max, number > high { return nil }
            if field.type == "int32", number > Int64(Int32.max) || number < Int64(Int32.min) { return nil }
            return .number(String(number))
        case "number": return Double(text) != nil ? .number(text) : nil
        case "boolean": return ["true", "false"].contains(text.lowercased()) ? .bool(text.lowercased() == "true") : nil
        case "string":
            if let low = facts.length?.min, text.count < low { return nil }
            if let high = facts.length?.max, text.count > high { return nil }
            return .string(text)
        default: return nil
        }
    }

    /// The row's text: its description, then what its bullets say.
    static func description(of row: PageField?, name: String) -> String {
        guard let row else { return "\(name)." }
        var sentences = [row.description] + row.bullets
        sentences = sentences.map { $0.trimmed() }.filter { !$0.isEmpty }
        guard !sentences.isEmpty else { return "\(name)." }
        return sentences.map { $0.hasSuffix(".") || $0.hasSuffix("。") || $0.hasSuffix("다") ? $0 : $0 + "." }.joined(separator: " ")
    }

    /// `projects` → `Project`, `indexes` → `Index`, `serverInstanceList` → `ServerInstance`.
    static func singular(_ name: String) -> String {
        var word = name
        if word.hasSuffix("List"), word.count > 4 { return String(word.dropLast(4)) }
        if word.hasSuffix("ies") { word = String(word.dropLast(3)) + "y" } else if word.hasSuffix("xes") || word.hasSuffix("sses") {
            word = String(word.dropLast(2))
        } else if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { word = String(word.dropLast()) }
        return word
    }

    /// Adds forbidden characters to the strings of a type and to the items of its string arrays.
    mutating func forbid(_ characters: [Character], inType name: String) {
        guard let index = spec.types.firstIndex(where: { $0.name == name }) else { return }
        let value = YAMLWriter.scalar(String(characters))
        for property in spec.types[index].properties.indices {
            let field = spec.types[index].properties[property]
            if field.type == "string", !field.limits.contains(where: { $0.key == "forbiddenCharacters" }) {
                spec.types[index].properties[property].limits.append(("forbiddenCharacters", value))
            } else if field.type == "array", field.items.first?.type == "string", !field.items[0].limits.contains(where: { $0.key == "forbiddenCharacters" }) {
                spec.types[index].properties[property].items[0].limits.append(("forbiddenCharacters", value))
            }
        }
    }

    // MARK: Types

    /// The type the rows under a node make, named after the node (its parent's name first when the node's is too
    /// general), or an existing type with exactly those fields.
    mutating func objectType(_ node: FieldNode, hint: String, exact: Bool, on model: PageModel, owner: String, isAnswer: Bool, parent: String = "") -> String {
        let base = ImportNames.upperCamel(hint)
        let wanted = exact ? hint : (Self.generalNames.contains(hint.lowercased()) || Self.generalNames.contains(Self.singular(hint).lowercased()) ? parent + base : base)
        let fields = node.children.map { field(for: $0, on: model, owner: owner, isAnswer: isAnswer, parentType: ImportNames.upperCamel(wanted)) }
        let signature = fields.map { "\($0.name):\($0.type):\($0.items.map(\.type)):\($0.required):\($0.limits.map { "\($0.key)=\($0.value)" })" }.joined(separator: ";")
            + (node.isComplete ? "" : ";partial")
        if let existing = typesByShape[signature] {
            if isAnswer { answerTypes.insert(existing) }
            return existing
        }
        let name = names.typeName(wanted)
        var type = ImportedSpec.ObjectType(name: name, description: Self.typeDescription(node, name: name), partial: !node.isComplete, properties: fields)
        if !exact { type.comments.append("guessed: the name, from the field `\(node.row?.name ?? node.name)`") }
        if !node.isComplete {
            type.comments.append("partial: the page is cut inside this table")
            diagnostics.warning("the page ends inside the table of `\(node.row?.name ?? node.name)`; the type \(name) is marked partial", at: Self.place(model, node.children.last?.row?.line ?? node.row?.line ?? 1))
        }
        typesByShape[signature] = name
        if isAnswer { answerTypes.insert(name) }
        spec.types.append(type)
        return name
    }

    static func typeDescription(_ node: FieldNode, name: String) -> String {
        let text = node.row.map { $0.description.trimmed() } ?? ""
        guard !text.isEmpty else { return "\(name)." }
        return text.hasSuffix(".") ? text : text + "."
    }

    /// The enum of the values a row lists (`LOW | MEDIUM (default) | HIGH`), shared by every row listing them.
    mutating func enumType(_ facts: FieldFacts, named name: String, on model: PageModel, row: PageField?) -> String {
        if let existing = enumsByValues[facts.enumValues] { return existing }
        let typeName = names.typeName(name)
        let values = facts.enumValues.map { value -> (value: String, description: String, swiftName: String?) in
            let meaning = facts.enumMeanings[value] ?? ""
            return (value, meaning.isEmpty ? value + "." : (meaning.hasSuffix(".") ? meaning : meaning + "."), nil)
        }
        var enumType = ImportedSpec.EnumType(name: typeName, description: Self.description(of: row, name: typeName).components(separatedBy: ". ").first.map { $0.hasSuffix(".") ? $0 : $0 + "." } ?? typeName + ".",
                                             open: false, values: values)
        enumType.comments.append("guessed: the name, from the field `\(row?.name ?? name)`; closed unless an answer carries it")
        enumsByValues[facts.enumValues] = typeName
        spec.enums.append(enumType)
        return typeName
    }
}
