extension DocsChecker {
    /// What a row's description states — limits, default, enum values, forbidden characters — against the field.
    mutating func checkFacts(_ row: PageField, path: String, _ field: Field, on model: PageModel) {
        let facts = row.facts
        var constraints = field.constraints
        var itemsShape = field.shape
        if case .array(let items) = field.shape {
            itemsShape = items.shape
            // Limits on an array's items (`Length: 1-30` on `Array<String>` means the array) stay the array's own.
            if constraints.maxLength == nil, constraints.minLength == nil { constraints.minLength = items.constraints.minLength; constraints.maxLength = items.constraints.maxLength }
            if constraints.minimum == nil, constraints.maximum == nil { constraints.minimum = items.constraints.minimum; constraints.maximum = items.constraints.maximum }
        }
        let fix = { (key: String, value: Int64) in
            SpecFix(change: .setFieldKey(field: field.sourceLocation, key: key, value: String(value)), note: Self.fixNote(model))
        }
        func compare(_ range: FieldFacts.Range?, _ what: String, minKey: String, maxKey: String, min: Int64?, max: Int64?) {
            guard let range else { return }
            if let documented = range.max, documented != max {
                warnOrNote(.limit, field.sourceLocation, recorded: field.note,
                           drift: "the docs allow `\(path)` up to \(documented) \(what); the spec has \(max.map(String.init) ?? "no limit")",
                           noted: "the docs allow `\(path)` up to \(documented) \(what)", model, range.line, fix: fix(maxKey, documented))
            }
            if let documented = range.min, documented != (min ?? (what == "items" || what == "characters" ? 0 : nil)) {
                warnOrNote(.limit, field.sourceLocation, recorded: field.note,
                           drift: "the docs ask `\(path)` for at least \(documented) \(what); the spec has \(min.map(String.init) ?? "no minimum")",
                           noted: "the docs ask `\(path)` for at least \(documented) \(what)", model, range.line, fix: fix(minKey, documented))
            }
        }
        compare(facts.length, "characters", minKey: "minLength", maxKey: "maxLength",
                min: constraints.minLength.map(Int64.init), max: constraints.maxLength.map(Int64.init))
        compare(facts.value, "as a value", minKey: "minimum", maxKey: "maximum", min: constraints.minimum, max: constraints.maximum)
        compare(facts.items, "items", minKey: "minItems", maxKey: "maxItems",
                min: constraints.minItems.map(Int64.init), max: constraints.maxItems.map(Int64.init))
        if facts.notBlank, !constraints.notBlank, row.section != .response {
            warnOrNote(.limit, field.sourceLocation, recorded: field.note, drift: "the docs refuse a blank `\(path)`; the spec doesn't",
                       noted: "the docs refuse a blank `\(path)`", model, row.line,
                       fix: SpecFix(change: .setFieldKey(field: field.sourceLocation, key: "notBlank", value: "true"), note: Self.fixNote(model)))
        }
        checkDefault(row, path: path, field, on: model)
        checkEnumValues(row, path: path, itemsShape, on: model)
        checkForbidden(row, path: path, field, on: model)
    }

    /// `(default: 1000)`, `MEDIUM (default)`: the service's default, which the spec documents.
    mutating func checkDefault(_ row: PageField, path: String, _ field: Field, on model: PageModel) {
        guard let documented = row.facts.defaultValue, row.section != .response else { return }
        let specified = field.defaultValue.map(Self.plainText)
        guard specified != documented.text else { return }
        let fix = field.required ? nil : Self.literal(documented.text, for: field.shape).map {
            SpecFix(change: .setFieldKey(field: field.sourceLocation, key: "default", value: $0), note: Self.fixNote(model))
        }
        warnOrNote(.defaultValue, field.sourceLocation, recorded: field.note,
                   drift: "the docs give `\(path)` the default \(documented.text); the spec has \(specified.map { "\($0)" } ?? "none")",
                   noted: "the docs give `\(path)` the default \(documented.text)", model, documented.line, fix: fix)
    }

    /// A documented value as a YAML literal of the field's type, or nil when it isn't one (`1,000` for an integer).
    static func literal(_ text: String, for shape: Shape) -> String? {
        switch shape {
        case .primitive(.int32), .primitive(.int64): Int64(text.replacingOccurrences(of: ",", with: "")).map(String.init)
        case .primitive(.number): Double(text).map { _ in text }
        case .primitive(.boolean): ["true", "false"].contains(text.lowercased()) ? text.lowercased() : nil
        case .array: nil
        default: YAMLWriter.scalar(text)
        }
    }

    static func plainText(_ value: SpecValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag, _): flag ? "true" : "false"
        case .int(let number, _): String(number)
        case .double(let number, _): String(number)
        case .string(let text, _): text
        case .array, .object: JSONText(value).compact
        }
    }

    /// `LOW | MEDIUM (default) | HIGH`, against the field's enum.
    mutating func checkEnumValues(_ row: PageField, path: String, _ shape: Shape, on model: PageModel) {
        guard !row.facts.enumValues.isEmpty, case .reference(let name) = shape, let enumType = spec.enums.first(where: { $0.name == name }) else { return }
        let values = Set(enumType.values.map(\.value))
        for value in row.facts.enumValues where !values.contains(value) {
            let meaning = row.facts.enumMeanings[value] ?? ""
            warn(.enumValue, enumType.location, "the docs list the value \(value) for `\(path)`, which the enum \(name) doesn't have", model, row.facts.enumLine,
                 fix: SpecFix(change: .addEnumValue(enumName: name, value: value, description: meaning.isEmpty ? value : meaning),
                              note: Self.fixNote(model)))
        }
    }

    /// Characters the docs say can't be used, against the field's (or, for an object, the strings inside it).
    mutating func checkForbidden(_ row: PageField, path: String, _ field: Field, on model: PageModel) {
        let documented = row.facts.forbiddenCharacters
        guard !documented.isEmpty, row.section != .response else { return }
        let enforced = forbiddenCharacters(in: field, depth: 0)
        let missing = documented.filter { !enforced.contains($0) }
        guard !missing.isEmpty else { return }
        if case .primitive(.json) = field.shape {
            // Open JSON has no strings of its own to check: the limit is known, not lost.
            note(.forbiddenCharacters, field.sourceLocation, "the docs forbid \(missing.map { "'\($0)'" }.joined(separator: ", ")) in `\(path)`, which the spec holds as open JSON",
                 model, row.facts.forbiddenLine, key: "forbidden " + path)
            return
        }
        let fix: SpecFix? = if case .primitive(.string) = field.shape {
            SpecFix(change: .setFieldKey(field: field.sourceLocation, key: "forbiddenCharacters",
                                         value: YAMLWriter.scalar(String(field.constraints.forbiddenCharacters ?? "") + String(missing))),
                    note: Self.fixNote(model))
        } else { nil }
        warnOrNote(.forbiddenCharacters, field.sourceLocation, recorded: field.note,
                   drift: "the docs forbid \(missing.map { "'\($0)'" }.joined(separator: ", ")) in `\(path)`; the spec doesn't",
                   noted: "the docs forbid \(missing.map { "'\($0)'" }.joined(separator: ", ")) in `\(path)`", model, row.facts.forbiddenLine, fix: fix)
    }

    /// Characters the spec forbids in a field, its items, or (for an object, which a page may describe as a
    /// whole) the strings inside it.
    func forbiddenCharacters(in field: Field, depth: Int) -> Set<Character> {
        var characters = Set(field.constraints.forbiddenCharacters ?? "")
        guard depth < 4 else { return characters }
        switch field.shape {
        case .array(let items): characters.formUnion(forbiddenCharacters(in: items, depth: depth + 1))
        case .reference(let name):
            for property in spec.types.first(where: { $0.name == name })?.properties ?? [] {
                characters.formUnion(forbiddenCharacters(in: property, depth: depth + 1))
            }
        case .primitive: break
        }
        return characters
    }

    // MARK: Rate limits and deprecation

    /// `Up to 1000 calls can be made per minute.` against the operation's `rateLimit` and its alternatives.
    mutating func checkRateLimits(_ page: PageOperation, on model: PageModel, against operation: Operation) {
        for limit in page.rateLimits {
            let known = ([operation.rateLimit].compactMap { $0 } + (operation.rateLimit?.alternatives ?? []))
            if known.contains(where: { $0.limit == limit.limit && $0.per == limit.per }) { continue }
            let fix = ["second", "minute"].contains(limit.per)
                ? SpecFix(change: .setRateLimit(operation: operation.id, limit: limit.limit, per: limit.per), note: Self.fixNote(model))
                : nil
            let specified = operation.rateLimit.map { "\($0.limit) per \($0.per)" } ?? "none"
            warn(.rateLimit, operation.rateLimit?.location ?? operation.location,
                 "the docs limit `\(operation.id)` to \(limit.limit) calls per \(limit.per); the spec has \(specified)", model, limit.line, fix: fix)
        }
    }

    /// A page marked deprecated, or "no longer updated", for an operation the spec doesn't deprecate.
    mutating func checkDeprecation(_ page: PageOperation, on model: PageModel, against operation: Operation) {
        guard let deprecation = page.deprecation ?? model.deprecation, operation.deprecated == nil else { return }
        warn(.deprecation, operation.location, "the docs mark `\(operation.id)` deprecated (\"\(String(deprecation.text.prefix(100)))\"); the spec doesn't",
             model, deprecation.line)
    }

    // MARK: Examples

    /// Keys the examples use that the spec doesn't know.
    mutating func checkExamples(_ page: PageOperation, on model: PageModel, against operation: Operation) {
        // A key the page's table also lists was reported with the table.
        let listed = Set(page.fields.map { specPath($0, envelope: answerEnvelope(operation)).joined(separator: ".") })
        if let example = page.requestExample, !example.isCut, let index = index(.body, of: operation) {
            for key in example.keys where index.byPath[key] == nil && !listed.contains(key) && !index.isUnderOpenJSON(DocsChecker.parent(key)) {
                if index.byPath[DocsChecker.parent(key)] == nil, !DocsChecker.parent(key).isEmpty { continue }
                warn(.example, sectionLocation(.body, of: operation), "the request example uses `\(key)`, which the spec doesn't have", model, example.line)
            }
            for key in example.keys {
                if let reference = index.byPath[key], let alternative = reference.alternative {
                    note(.field, reference.field.sourceLocation, "the request example spells `\(reference.path)` as `\(alternative)`; recorded as an alternative wire name",
                         model, example.line, key: "alternative")
                }
            }
        }
        if let example = page.responseExample, !example.isCut, let index = index(.response, of: operation) {
            let envelope = answerEnvelope(operation)
            let prefix = envelope.map { $0.result + "." } ?? ""
            for key in example.keys where key.hasPrefix(prefix) {
                let path = String(key.dropFirst(prefix.count))
                if let reference = index.byPath[path] {
                    if let alternative = reference.alternative {
                        note(.field, reference.field.sourceLocation, "the response example spells `\(reference.path)` as `\(alternative)`; recorded as an alternative wire name",
                             model, example.line, key: "alternative")
                    }
                    continue
                }
                guard !listed.contains(path), !index.isUnderOpenJSON(DocsChecker.parent(path)),
                      DocsChecker.parent(path).isEmpty || index.byPath[DocsChecker.parent(path)] != nil else { continue }
                warn(.example, sectionLocation(.response, of: operation), "the response example uses `\(path)`, which the spec doesn't have", model, example.line)
            }
        }
    }
}
