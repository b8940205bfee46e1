import Foundation

/// A value that does not fit its shape, and where.
struct ConformanceProblem {
    var message: String
    var location: SourceLocation
}

extension SpecValidator {
    /// Why a YAML value (a default or an example) does not fit a field, if it doesn't.
    func conformance(of value: SpecValue, to field: Field, path: String) -> [ConformanceProblem] {
        if case .null = value {
            return field.required && !field.nullable ? [ConformanceProblem(message: "\(path) is null, but the field is required and not nullable", location: value.location)] : []
        }
        func problem(_ text: String) -> [ConformanceProblem] { [ConformanceProblem(message: "\(path) \(text)", location: value.location)] }
        let c = field.constraints
        switch field.shape {
        case .primitive(.json):
            return []
        case .primitive(.file):
            return problem("is a file, which a spec value (a default, a constant or an example) can't give")
        case .primitive(.string):
            guard case .string(let text, _) = value else { return problem("must be a string, not \(value.kindName)") }
            return stringProblems(text, c, path: path, at: value.location)
        case .primitive(.datetime):
            guard case .string(let text, _) = value else { return problem("must be a date-time string, not \(value.kindName)") }
            return Self.isDateTime(text) ? [] : problem("'\(text)' is not an ISO 8601 date-time")
        case .primitive(.int32), .primitive(.int64):
            guard case .int(let number, _) = value else { return problem("must be an integer, not \(value.kindName)") }
            if field.shape.isPrimitive(.int32), number < Int64(Int32.min) || number > Int64(Int32.max) { return problem("\(number) does not fit in 32 bits") }
            if let minimum = c.minimum, number < minimum { return problem("is \(number), below the minimum \(minimum)") }
            if let maximum = c.maximum, number > maximum { return problem("is \(number), above the maximum \(maximum)") }
            return []
        case .primitive(.number):
            switch value {
            case .int: return []
            case .double(let number, _) where number.isNaN:
                return problem("is not a number (NaN)")
            case .double(let number, _) where !number.isFinite:
                return problem("is too large to be a number the client can send (\(number > 0 ? "" : "-")infinity)")
            case .double: return []
            default: return problem("must be a number, not \(value.kindName)")
            }
        case .primitive(.boolean):
            guard case .bool = value else { return problem("must be true or false, not \(value.kindName)") }
            return []
        case .array(let items):
            guard case .array(let elements, _) = value else { return problem("must be a list, not \(value.kindName)") }
            if let minItems = c.minItems, elements.count < minItems { return problem("has \(elements.count) items, fewer than minItems \(minItems)") }
            if let maxItems = c.maxItems, elements.count > maxItems { return problem("has \(elements.count) items, more than maxItems \(maxItems)") }
            return elements.enumerated().flatMap { conformance(of: $0.element, to: items, path: "item \($0.offset) of \(path)") }
        case .reference(let name):
            if let enumType = enumsByName[name] {
                guard case .string(let text, _) = value else { return problem("must be a value of enum '\(name)', not \(value.kindName)") }
                let values = enumType.values.map(\.value)
                return values.contains(text) ? [] : problem("is '\(text)', which is not a value of enum '\(name)'\(Suggestion.hint(for: text, in: values))")
            }
            if let type = typesByName[name] {
                return conformance(of: value, to: type.properties, partial: type.partial, path: path, at: value.location)
            }
            return [] // The undefined type is reported where it is named.
        }
    }

    /// Why an object value does not fit a list of properties: unknown keys, missing required ones, bad members.
    func conformance(of value: SpecValue, to properties: [Field], partial: Bool, path: String, at location: SourceLocation) -> [ConformanceProblem] {
        guard case .object(let pairs, _) = value else {
            return [ConformanceProblem(message: "\(path) must be an object, not \(value.kindName)", location: location)]
        }
        var problems: [ConformanceProblem] = []
        for pair in pairs {
            guard let property = properties.first(where: { $0.name == pair.key || $0.wireNames.contains(pair.key) }) else {
                if !partial {
                    let names = properties.map(\.name)
                    problems.append(ConformanceProblem(message: "\(path) has the key '\(pair.key)', which the shape does not declare\(Suggestion.hint(for: pair.key, in: names))", location: pair.value.location))
                }
                continue
            }
            problems += conformance(of: pair.value, to: property, path: "'\(pair.key)' in \(path)")
        }
        for property in properties where property.required {
            let names = [property.name] + property.wireNames
            if !pairs.contains(where: { names.contains($0.key) }) {
                problems.append(ConformanceProblem(message: "\(path) lacks the required key '\(property.name)'", location: location))
            }
        }
        return problems
    }

    func stringProblems(_ text: String, _ c: Constraints, path: String, at location: SourceLocation) -> [ConformanceProblem] {
        var problems: [String] = []
        if let minLength = c.minLength, text.count < minLength { problems.append("is \(text.count) characters, shorter than minLength \(minLength)") }
        if let maxLength = c.maxLength, text.count > maxLength { problems.append("is \(text.count) characters, longer than maxLength \(maxLength)") }
        if let forbidden = c.forbiddenCharacters, let bad = text.first(where: { forbidden.contains($0) }) { problems.append("contains the forbidden character '\(bad)'") }
        if c.notBlank, text.allSatisfy(\.isWhitespace) { problems.append("is blank") }
        if let pattern = c.pattern, RegexCache.regex(pattern) != nil, !RegexCache.matches(text, pattern) {
            problems.append("'\(text)' does not match the pattern \(pattern)")
        }
        return problems.map { ConformanceProblem(message: "\(path) \($0)", location: location) }
    }

    /// ISO 8601 with or without a zone, as the docs write both.
    static func isDateTime(_ text: String) -> Bool {
        RegexCache.matches(text, #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$"#)
    }
}
