import Foundation

/// A spec field found under a documented name: the field, its dotted path, and whether the name is one of its
/// alternative wire names.
struct SpecFieldRef {
    var field: Field
    var path: String
    var alternative: String?
    /// The field belongs to a type the spec marks `partial` (its page was cut off): the docs may list fewer.
    var inPartialType = false
}

extension DocsChecker {
    /// Fields by dotted wire name, nested types followed (`query.textQuery`), alternative names included.
    func references(_ fields: [Field], prefix: String = "", depth: Int = 0, visiting: Set<String> = [], partial: Bool = false) -> [String: SpecFieldRef] {
        var result: [String: SpecFieldRef] = [:]
        for field in fields {
            let path = prefix + field.name
            result[path] = SpecFieldRef(field: field, path: path, inPartialType: partial)
            for alternative in field.wireNames {
                result[prefix + alternative] = SpecFieldRef(field: field, path: path, alternative: alternative, inPartialType: partial)
            }
            var shape = field.shape
            if case .array(let items) = shape { shape = items.shape }
            if case .reference(let name) = shape, depth < 6, !visiting.contains(name), let type = spec.types.first(where: { $0.name == name }) {
                result.merge(references(type.properties, prefix: path + ".", depth: depth + 1, visiting: visiting.union([name]),
                                        partial: type.partial)) { first, _ in first }
            }
        }
        return result
    }

    func responseReferences(_ operation: Operation) -> [String: SpecFieldRef] {
        guard case .reference(let name, _) = operation.result, let type = spec.types.first(where: { $0.name == name }) else { return [:] }
        return references(type.properties, visiting: [name], partial: type.partial)
    }

    /// Type, required-ness, enum values and stated limits of one documented field.
    mutating func checkRow(_ row: DocPage.Row, name: String, _ reference: SpecFieldRef, _ page: DocPage) {
        let field = reference.field
        let location = field.sourceLocation
        if let alternative = reference.alternative {
            note(location, "the page spells `\(reference.path)` as `\(alternative)`; recorded as an alternative wire name", page, row.line, key: "alternative")
        }
        if let problem = typeProblem(row.type, field.shape) {
            if let recorded = field.note {
                note(location, "the docs type `\(name)` as \(row.type); recorded: \(recorded)", page, row.line, key: "type")
            } else {
                warn(location, "the docs type `\(name)` as \(row.type); the spec has \(problem)", page, row.line)
            }
        }
        let specRequired = field.required
        if row.required == "required" && !specRequired || row.required == "optional" && specRequired {
            if let recorded = field.note {
                note(location, "the docs make `\(name)` \(row.required); recorded: \(recorded)", page, row.line, key: "required")
            } else {
                warn(location, "the docs make `\(name)` \(row.required); the spec has it \(specRequired ? "required" : "optional")", page, row.line)
            }
        }
        checkEnumValues(row, name: name, field, page)
        checkLimits(row, name: name, field, page)
    }

    /// What the spec has instead, when the documented type doesn't fit its shape.
    func typeProblem(_ documented: String, _ shape: Shape) -> String? {
        let lower = documented.lowercased()
        let isEnum: (String) -> Bool = { name in spec.enums.contains { $0.name == name } }
        let fits: Bool
        switch shape {
        case .array(let items):
            guard lower.hasPrefix("array") || lower.hasPrefix("list") else { return "an array" }
            let inner = lower.drop { $0 != "<" && $0 != "[" }.dropFirst().prefix { $0 != ">" && $0 != "]" }
            return inner.isEmpty ? nil : typeProblem(String(inner), items.shape).map { "an array of " + $0 }
        case .primitive(.string): fits = ["string", "date", "datetime"].contains(lower)
        case .primitive(.datetime): fits = ["string", "date", "datetime"].contains(lower)
        case .primitive(.int32), .primitive(.int64): fits = ["integer", "int", "long", "number"].contains(lower)
        case .primitive(.number): fits = ["number", "double", "float"].contains(lower)
        case .primitive(.boolean): fits = ["boolean", "bool"].contains(lower)
        case .primitive(.json): fits = true
        case .reference(let name):
            fits = isEnum(name) ? ["string", "enum"].contains(lower) : ["object", "map"].contains(lower)
        }
        guard !fits else { return nil }
        switch shape {
        case .primitive(let primitive): return primitive.rawValue
        case .reference(let name): return isEnum(name) ? "the enum \(name)" : "the type \(name)"
        case .array: return "an array"
        }
    }

    /// `LOW | MEDIUM (default) | HIGH` in a description, against the field's enum.
    mutating func checkEnumValues(_ row: DocPage.Row, name: String, _ field: Field, _ page: DocPage) {
        var shape = field.shape
        if case .array(let items) = shape { shape = items.shape }
        guard case .reference(let enumName) = shape, let enumType = spec.enums.first(where: { $0.name == enumName }) else { return }
        let documented = Self.enumValues(in: row.description)
        guard !documented.isEmpty else { return }
        let values = Set(enumType.values.map(\.value))
        for value in documented where !values.contains(value) {
            warn(enumType.location, "the docs list the value \(value) for `\(name)`, which the enum \(enumName) doesn't have", page, row.line)
        }
    }

    /// Runs of two or more UPPER_CASE words joined by `|`.
    static func enumValues(in text: String) -> [String] {
        var found: [String] = []
        for candidate in text.components(separatedBy: "•") + [text] {
            let parts = candidate.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " (default)", with: "") }
            let words = parts.compactMap { part -> String? in
                let word = part.split(separator: " ").first.map(String.init) ?? ""
                let isValue = !word.isEmpty && word.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
                return isValue && (part == word || parts.count > 1) ? word : nil
            }
            if words.count >= 2, words.count == parts.count { found += words }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert($0).inserted }
    }

    /// Limits a description states: characters that can't be used, lengths, ranges.
    mutating func checkLimits(_ row: DocPage.Row, name: String, _ field: Field, _ page: DocPage) {
        let text = row.description
        let constraints = field.constraints
        if text.contains("can't be used") || text.contains("cannot be used") {
            var forbidden: [Character] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "(") {
                let after = rest.index(after: open)
                if after < rest.endIndex, rest.index(after: after) < rest.endIndex, rest[rest.index(after: after)] == ")" {
                    forbidden.append(rest[after])
                }
                rest = rest[after...]
            }
            let enforced = forbiddenCharacters(in: field, depth: 0)
            let missing = forbidden.filter { !enforced.contains($0) }
            if !missing.isEmpty {
                warn(field.sourceLocation, "the docs forbid \(missing.map { "'\($0)'" }.joined(separator: ", ")) in `\(name)`; the spec doesn't", page, row.line)
            }
        }
        for (number, unit) in Self.statedMaximums(text) {
            let specMax: Int64? = switch unit {
            case "characters": constraints.maxLength.map(Int64.init)
            case "items": constraints.maxItems.map(Int64.init)
            default: constraints.maximum
            }
            if specMax != number {
                warn(field.sourceLocation, "the docs allow `\(name)` up to \(number) \(unit); the spec has \(specMax.map(String.init) ?? "no limit")", page, row.line)
            }
        }
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

    /// `up to 100 characters`, `maximum 30 items`, `1–100 characters`.
    static func statedMaximums(_ text: String) -> [(Int64, String)] {
        let pattern = #"(?:up to|maximum(?: of)?|at most|\d+\s*[–~-]\s*)\s*(\d[\d,]*)\s*(characters|items|)"#
        guard let regex = RegexCache.regex(pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            guard let numberRange = Range(match.range(at: 1), in: text), let unitRange = Range(match.range(at: 2), in: text),
                  !text[unitRange].isEmpty,
                  let number = Int64(text[numberRange].replacingOccurrences(of: ",", with: "")) else { return nil }
            return (number, String(text[unitRange]))
        }
    }

    /// Keys an example uses that the spec doesn't know.
    mutating func checkExample(_ example: (keys: [String], line: Int)?, fields: [String: SpecFieldRef], place: SourceLocation, what: String, _ page: DocPage) {
        guard let example, !fields.isEmpty else { return }
        for key in example.keys {
            if let reference = fields[key] {
                if let alternative = reference.alternative {
                    note(reference.field.sourceLocation, "the \(what) spells `\(reference.path)` as `\(alternative)`; recorded as an alternative wire name", page, example.line, key: "alternative")
                }
            } else if fields[Self.parent(key)].map({ if case .primitive(.json) = $0.field.shape { true } else { false } }) != true {
                warn(place, "the \(what) uses `\(key)`, which the spec doesn't have", page, example.line)
            }
        }
    }

    // MARK: The overview's error table

    mutating func checkErrors(_ page: DocPage) {
        let byCode = Dictionary(grouping: spec.errors, by: \.code)
        let place = spec.errors.first?.location ?? spec.service.location
        for row in page.errors where row.code != "0" {
            guard let errors = byCode[row.code] else {
                warn(place, "the docs list the error \(row.code) (HTTP \(row.status)): \(row.message), which the spec doesn't have", page, row.line)
                continue
            }
            guard let error = errors.first(where: { $0.status == row.status }) else {
                warn(errors[0].location, "the docs give \(row.code) the status \(row.status); the spec has \(errors.map { String($0.status) }.joined(separator: ", "))", page, row.line)
                continue
            }
            let normalize = { (text: String) in text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .")) }
            let messages = ([error.message] + error.alternativeMessages).map(normalize)
            if !messages.contains(normalize(row.message)), !messages.contains(where: { normalize(row.message).hasPrefix($0) }) {
                if let recorded = error.note {
                    note(error.location, "the docs word \(row.code) as \"\(row.message)\"; recorded: \(recorded)", page, row.line, key: "message")
                } else {
                    warn(error.location, "the docs word \(row.code) as \"\(row.message)\"; the spec has \"\(error.message)\"", page, row.line)
                }
            }
        }
        let documented = Set(page.errors.map(\.code))
        for error in spec.errors where !error.duplicate && !documented.contains(error.code) {
            if let recorded = error.note {
                note(error.location, "the error table doesn't list \(error.code); recorded: \(recorded)", page, 1, key: "missing")
            } else {
                warn(error.location, "the spec has the error \(error.code), which the docs' error table doesn't list", page, 1)
            }
        }
    }
}
