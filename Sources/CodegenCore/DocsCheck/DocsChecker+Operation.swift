extension DocsChecker {
    /// One operation of a page against the spec's.
    mutating func check(_ page: PageOperation, on model: PageModel, against operation: Operation) {
        checkPathNames(page, on: model, against: operation)
        for section in FieldSection.allCases where section != .header {
            checkSection(section, page, on: model, against: operation)
        }
        checkExamples(page, on: model, against: operation)
        checkRateLimits(page, on: model, against: operation)
        checkDeprecation(page, on: model, against: operation)
        checkOperationErrors(page, on: model, against: operation)
    }

    /// The page's path parameter names against the spec's, in order.
    mutating func checkPathNames(_ page: PageOperation, on model: PageModel, against operation: Operation) {
        let names = { (path: String) in path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) } }
        let documented = names(page.path), specified = names(operation.path)
        guard documented != specified else { return }
        warn(.path, operation.pathLocation,
             "the docs name the path parameters \(documented.joined(separator: ", ")); the spec has \(specified.joined(separator: ", "))", model, page.line)
    }

    /// A row's path as the spec keys it: the envelope's `result.` taken off response rows.
    func specPath(_ field: PageField, envelope: AnswerShape.Envelope?) -> [String] {
        guard field.section == .response, let envelope, field.path.first == envelope.result else { return field.path }
        return Array(field.path.dropFirst())
    }

    /// `code`, `message`, `result` themselves, and the fields the operation declares beside the envelope.
    func isEnvelopeRow(_ field: PageField, envelope: AnswerShape.Envelope?, operation: Operation) -> Bool {
        guard field.section == .response, let envelope, field.path.count == 1 else { return false }
        return [envelope.result, envelope.code, envelope.message].compactMap { $0 }.contains(field.path[0])
            || operation.envelopeFields.contains { $0.name == field.path[0] || $0.wireNames.contains(field.path[0]) }
    }

    mutating func checkSection(_ section: FieldSection, _ page: PageOperation, on model: PageModel, against operation: Operation) {
        let envelope = answerEnvelope(operation)
        if section == .response {
            // Fields the operation declares beside the envelope (`totalCount` next to `result`) are compared too.
            let beside = SpecFieldIndex(fields: operation.envelopeFields, container: nil, spec: spec)
            for row in page.fields where row.section == .response && row.path.count == 1 && !row.isCut {
                if let reference = beside.byPath[row.path[0]] { checkRow(row, path: row.path[0], reference, on: model) }
            }
        }
        let rows = page.fields.filter { $0.section == section && !isEnvelopeRow($0, envelope: envelope, operation: operation) }
        guard !rows.isEmpty else { return }
        let place = sectionLocation(section, of: operation)
        guard let index = index(section, of: operation) else {
            // The spec leaves the result undocumented; the docs now document it.
            let names = rows.map { specPath($0, envelope: envelope).joined(separator: ".") }.filter { !$0.isEmpty }
            guard !names.isEmpty else { return }
            let listed = names.prefix(6).joined(separator: ", ") + (names.count > 6 ? ", …" : "")
            warn(.field, place, "the docs document the result of `\(operation.id)` (\(names.count) field\(names.count == 1 ? "" : "s"): \(listed)); the spec leaves it undocumented",
                 model, rows[0].line)
            return
        }
        var seen: Set<String> = []
        var missingParents: Set<String> = []
        for row in rows {
            let path = specPath(row, envelope: envelope).joined(separator: ".")
            guard !path.isEmpty, !index.isUnderOpenJSON(DocsChecker.parent(path)) else { continue }
            // A legacy page's "request parameters" list a form's body fields as if they were the query's.
            if section == .query, index.byPath[path] == nil, let body = self.index(.body, of: operation), let reference = body.byPath[path] {
                seen.insert(reference.path)
                checkRow(row, path: path, reference, on: model)
                continue
            }
            guard let reference = index.byPath[path] else {
                // A row under a row the spec doesn't have is said with its parent, once.
                let parent = DocsChecker.parent(path)
                if missingParents.contains(parent) { missingParents.insert(path); continue }
                missingParents.insert(path)
                missingField(row, path: path, index: index, section: section, operation: operation, place: place, on: model)
                continue
            }
            seen.insert(reference.path)
            if !row.isCut || !row.type.isEmpty { checkRow(row, path: path, reference, on: model) }
        }
        checkListedCompletely(section, page, rows: rows, index: index, seen: seen, envelope: envelope, on: model, operation: operation)
    }

    /// Where a section's drift belongs: the body, the result type, the operation.
    func sectionLocation(_ section: FieldSection, of operation: Operation) -> SourceLocation {
        switch section {
        case .body: return operation.body?.location ?? operation.location
        case .response:
            if case .reference(let name, let location) = operation.result {
                return spec.types.first { $0.name == name }?.location ?? location
            }
            return operation.location(of: "result")
        default: return operation.location(of: "parameters")
        }
    }

    /// A row the spec doesn't have; fixable when it is an optional field of a simple type under a known parent.
    mutating func missingField(_ row: PageField, path: String, index: SpecFieldIndex, section: FieldSection, operation: Operation,
                               place: SourceLocation, on model: PageModel) {
        let requiredness = row.requiredness?.rawValue ?? "required-ness not given"
        let type = row.type.isEmpty ? "type not given" : row.type
        var fix: SpecFix?
        let parent = DocsChecker.parent(path)
        let addsRequiredInput = row.requiredness == .required && section != .response
        if !row.isCut, !addsRequiredInput, let container = index.containers[parent], let entries = fieldEntries(row, section: section) {
            fix = SpecFix(change: .addField(container: container, name: row.path.last ?? path, entries: entries),
                          note: Self.fixNote(model))
        }
        warn(.field, place, "the docs list the \(section.rawValue) `\(path)` (\(type), \(requiredness)), which the spec doesn't have", model, row.line, fix: fix)
    }

    /// Spec fields a complete table of the page doesn't list. A table cut off by the page's end, a parent the page
    /// describes only as a whole, or a type the spec marks `partial` say nothing about what they don't show.
    mutating func checkListedCompletely(_ section: FieldSection, _ page: PageOperation, rows: [PageField], index: SpecFieldIndex,
                                        seen: Set<String>, envelope: AnswerShape.Envelope?, on model: PageModel, operation: Operation) {
        var completeParents: Set<String> = []
        for row in rows where page.tables.indices.contains(row.table) && page.tables[row.table].isComplete {
            completeParents.insert(DocsChecker.parent(specPath(row, envelope: envelope).joined(separator: ".")))
        }
        for (path, reference) in index.byPath.sorted(by: { $0.key < $1.key }) where path == reference.path && !seen.contains(path) {
            guard completeParents.contains(DocsChecker.parent(path)), !reference.inPartialType, !index.isUnderOpenJSON(DocsChecker.parent(path)) else { continue }
            warnOrNote(.field, reference.field.sourceLocation, recorded: reference.field.note,
                       drift: "the spec has the \(section.rawValue) `\(path)`, which the docs don't list",
                       noted: "the page doesn't list `\(path)`", model, page.line)
        }
    }

    /// Type, required-ness and what the description states, for one documented field.
    mutating func checkRow(_ row: PageField, path: String, _ reference: SpecFieldRef, on model: PageModel) {
        let field = reference.field
        let location = field.sourceLocation
        if let alternative = reference.alternative {
            note(.field, location, "the page spells `\(reference.path)` as `\(alternative)`; recorded as an alternative wire name", model, row.line, key: "alternative")
        }
        if !row.type.isEmpty, let problem = typeProblem(row.type, field.shape) {
            warnOrNote(.type, location, recorded: field.note, drift: "the docs type `\(path)` as \(row.type); the spec has \(problem)",
                       noted: "the docs type `\(path)` as \(row.type)", model, row.line)
        }
        if let documented = row.requiredness, documented != .conditional, (documented == .required) != field.required {
            if row.section == .response, documented == .required {
                // Answers are read leniently: a field the docs promise is still read as optional, which fails
                // nothing. Only the other way round (the spec requires what the docs may leave out) breaks decoding.
                note(.requiredness, location, "the docs make `\(path)` required; the spec reads it as optional, as answers are read leniently",
                     model, row.line, key: "lenient")
            } else {
                warnOrNote(.requiredness, location, recorded: field.note,
                           drift: "the docs make `\(path)` \(documented.rawValue); the spec has it \(field.required ? "required" : "optional")",
                           noted: "the docs make `\(path)` \(documented.rawValue)", model, row.line)
            }
        }
        if !row.isCut { checkFacts(row, path: path, field, on: model) }
    }

    /// What the spec has instead, when the documented type doesn't fit its shape.
    func typeProblem(_ documented: String, _ shape: Shape) -> String? {
        let lower = documented.lowercased().replacingOccurrences(of: " ", with: "")
        let isEnum: (String) -> Bool = { name in spec.enums.contains { $0.name == name } }
        let fits: Bool
        switch shape {
        case .array(let items):
            guard lower.hasPrefix("array") || lower.hasPrefix("list") || lower.hasPrefix("set") else { return "an array" }
            let inner = lower.drop { $0 != "<" && $0 != "[" }.dropFirst().prefix { $0 != ">" && $0 != "]" }
            return inner.isEmpty || !CellWords.isType(String(inner)) ? nil : typeProblem(String(inner), items.shape).map { "an array of " + $0 }
        case .primitive(.string), .primitive(.datetime): fits = ["string", "date", "datetime", "timestamp"].contains(lower)
        case .primitive(.int32), .primitive(.int64): fits = ["integer", "int", "int32", "int64", "long", "number"].contains(lower)
        case .primitive(.number): fits = ["number", "double", "float"].contains(lower)
        case .primitive(.boolean): fits = ["boolean", "bool"].contains(lower)
        case .primitive(.json): fits = true
        case .primitive(.file): fits = ["file", "binary", "multipartfile", "byte[]"].contains(lower)
        case .reference(let name):
            fits = isEnum(name) ? ["string", "enum"].contains(lower) : ["object", "map"].contains(lower) || lower.hasPrefix("map")
        }
        guard !fits else { return nil }
        switch shape {
        case .primitive(let primitive): return primitive.rawValue
        case .reference(let name): return isEnum(name) ? "the enum \(name)" : "the type \(name)"
        case .array: return "an array"
        }
    }

    /// The YAML of a new field for a documented row, or nil when its type needs a person (an object, a file).
    func fieldEntries(_ row: PageField, section: FieldSection) -> [SpecFix.Entry]? {
        // The documented type read as page import reads it: one mapping for both.
        var entries: [SpecFix.Entry] = []
        if section == .query { entries.append(.init(key: "in", value: "query")) }
        switch DocumentedType(row.type) {
        case .array(let item?)?:
            guard let primitive = item.primitive(isDateTime: row.facts.isDateTime) else { return nil }
            entries += [.init(key: "type", value: "array"), .init(key: "items", value: primitive)]
        case let documented?:
            guard let primitive = documented.primitive(isDateTime: row.facts.isDateTime) else { return nil }
            entries.append(.init(key: "type", value: primitive))
        case nil:
            return nil
        }
        let facts = row.facts
        if let length = facts.length {
            if let min = length.min { entries.append(.init(key: "minLength", value: String(min))) }
            if let max = length.max { entries.append(.init(key: "maxLength", value: String(max))) }
        }
        if let value = facts.value {
            if let min = value.min { entries.append(.init(key: "minimum", value: String(min))) }
            if let max = value.max { entries.append(.init(key: "maximum", value: String(max))) }
        }
        if let items = facts.items {
            if let min = items.min { entries.append(.init(key: "minItems", value: String(min))) }
            if let max = items.max { entries.append(.init(key: "maxItems", value: String(max))) }
        }
        if !facts.forbiddenCharacters.isEmpty {
            entries.append(.init(key: "forbiddenCharacters", value: YAMLWriter.scalar(String(facts.forbiddenCharacters))))
        }
        if let value = facts.defaultValue?.text, section != .response, row.requiredness != .required, let type = entries.first(where: { $0.key == "type" })?.value,
           let literal = DocsChecker.literal(value, for: type == "array" ? .array(Field(name: "", shape: .primitive(.string), sourceLocation: .start(of: ""))) : .primitive(Primitive(rawValue: type) ?? .string)) {
            entries.append(.init(key: "default", value: literal))
        }
        let text = row.description.isEmpty ? (row.bullets.first ?? row.path.last ?? "") : row.description
        entries.append(.init(key: "description", value: YAMLWriter.scalar(text.hasSuffix(".") ? text : text + ".")))
        return entries
    }
}
