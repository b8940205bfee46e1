import CodegenCore
import Foundation
import NCPRuntime

/// A documented limit or shape a request breaks, as the service would refuse it.
struct Violation: Error, Sendable {
    /// Where: `name`, `query.textQuery`, `pageSize`.
    var field: String
    /// What is wrong, naming the limit.
    var message: String
    /// The service error code the spec ties to this rule, when it does (`exactlyOneOf … error: "50011"`).
    var errorCode: String?
}

/// Checks a request against its operation as the spec documents it: required parameters and fields, types,
/// closed enums, lengths, ranges, patterns, list sizes and object rules. The first problem found is reported.
struct RequestChecker: Sendable {
    let index: SpecIndex
    var types: [String: ObjectType] { index.types }
    var enums: [String: EnumType] { index.enums }

    init(spec: Spec) {
        index = SpecIndex(spec: spec)
    }

    /// The request's JSON body (nil for none or another encoding), once every check passed.
    func check(_ operation: SpecOperation, _ request: EmulatorRequest, pathParameters: [String: String]) throws(Violation) -> JSONValue? {
        let query = Dictionary(grouping: request.queryItems, by: \.name).mapValues { $0.map(\.value) }
        for parameter in operation.parameters {
            let values: [String]
            switch parameter.location {
            case .path: values = pathParameters[parameter.name].map { [$0] } ?? []
            case .query: values = query[parameter.name] ?? []
            case .header: values = request.headers[parameter.name.lowercased()].map { [$0] } ?? []
            case nil: continue
            }
            try checkParameter(parameter, values)
        }
        guard let body = operation.body else { return nil }
        switch body.encoding {
        case .json:
            if request.body.isEmpty {
                if body.properties.contains(where: \.required) { throw Violation(field: "body", message: "the body is required") }
                return nil
            }
            guard let value = try? JSONCoding.decoder.decode(JSONValue.self, from: request.body), case .object(let members) = value else {
                throw Violation(field: "body", message: "the body must be a JSON object")
            }
            try checkObject(members, properties: body.properties, rules: body.rules, path: "")
            return value
        case .multipart, .form:
            let text = String(decoding: request.body, as: UTF8.self)
            for property in body.properties where property.required {
                let present = body.encoding == .multipart ? text.contains("name=\"\(property.name)\"") : text.split(separator: "&").contains { $0.hasPrefix(property.name + "=") }
                if !present { throw Violation(field: property.name, message: "'\(property.name)' is required") }
            }
            return nil
        case .binary:
            if request.body.isEmpty, body.properties.first?.required == true { throw Violation(field: "body", message: "the body is required") }
            return nil
        }
    }

    // MARK: Parameters

    private func checkParameter(_ field: Field, _ values: [String]) throws(Violation) {
        if values.isEmpty {
            if field.required, field.constant == nil { throw Violation(field: field.name, message: "'\(field.name)' is required") }
            return
        }
        if case .array(let items) = field.shape {
            let list = field.style == "commaSeparated" ? values.flatMap { $0.split(separator: ",").map(String.init) } : values
            try checkCount(list.count, field, name: field.name)
            for value in list { try checkText(value, shape: items.shape, constraints: items.constraints, name: field.name) }
        } else if field.style == nil {
            try checkText(values[0], shape: field.shape, constraints: field.constraints, name: field.name)
        }
    }

    private func checkText(_ text: String, shape: Shape, constraints: Constraints, name: String) throws(Violation) {
        switch shape {
        case .primitive(.int32), .primitive(.int64):
            guard let number = Int64(text) else { throw Violation(field: name, message: "'\(name)' must be an integer, not '\(text)'") }
            try checkRange(number, constraints, name: name)
        case .primitive(.number):
            guard Double(text) != nil else { throw Violation(field: name, message: "'\(name)' must be a number, not '\(text)'") }
        case .primitive(.boolean):
            guard text == "true" || text == "false" else { throw Violation(field: name, message: "'\(name)' must be true or false, not '\(text)'") }
        case .primitive(.string):
            try checkString(text, constraints, name: name)
        case .reference(let enumName) where enums[enumName] != nil:
            try checkEnum(text, enums[enumName]!, name: name)
        default:
            break
        }
    }

    // MARK: JSON

    private func checkObject(_ members: [String: JSONValue], properties: [Field], rules: [ObjectRule], path: String) throws(Violation) {
        for property in properties {
            let name = path + property.name
            let value = members[property.name] ?? property.wireNames.lazy.compactMap { members[$0] }.first
            guard let value, value != .null else {
                if property.required, !property.nullable { throw Violation(field: name, message: "'\(name)' is required") }
                continue
            }
            try checkValue(value, shape: property.shape, field: property, name: name)
        }
        try checkRules(rules, members, path: path)
    }

    private func checkValue(_ value: JSONValue, shape: Shape, field: Field, name: String) throws(Violation) {
        switch shape {
        case .primitive(.string), .primitive(.datetime):
            guard case .string(let text) = value else { throw Violation(field: name, message: "'\(name)' must be a string") }
            if case .primitive(.string) = shape { try checkString(text, field.constraints, name: name) }
        case .primitive(.int32), .primitive(.int64):
            let number: Int64? = switch value {
            case .integer(let integer): integer
            case .number(let double) where double.rounded() == double && abs(double) < 9e18: Int64(double)
            default: nil
            }
            guard let number else { throw Violation(field: name, message: "'\(name)' must be an integer") }
            try checkRange(number, field.constraints, name: name)
        case .primitive(.number):
            switch value {
            case .integer, .number: break
            default: throw Violation(field: name, message: "'\(name)' must be a number")
            }
        case .primitive(.boolean):
            guard case .bool = value else { throw Violation(field: name, message: "'\(name)' must be true or false") }
        case .primitive(.json), .primitive(.file):
            break
        case .reference(let typeName):
            if let enumType = enums[typeName] {
                guard case .string(let text) = value else { throw Violation(field: name, message: "'\(name)' must be a string") }
                try checkEnum(text, enumType, name: name)
            } else if let type = types[typeName] {
                guard case .object(let members) = value else { throw Violation(field: name, message: "'\(name)' must be an object") }
                try checkObject(members, properties: type.properties, rules: type.rules, path: name + ".")
            }
        case .array(let items):
            guard case .array(let elements) = value else { throw Violation(field: name, message: "'\(name)' must be a list") }
            try checkCount(elements.count, field, name: name)
            for element in elements where element != .null { try checkValue(element, shape: items.shape, field: items, name: name) }
        }
    }

    private func checkRules(_ rules: [ObjectRule], _ members: [String: JSONValue], path: String) throws(Violation) {
        func isSet(_ key: String) -> Bool {
            guard let value = members[key], value != .null else { return false }
            if case .array(let elements) = value { return !elements.isEmpty }
            return true
        }
        for rule in rules {
            let set = rule.fields.filter(isSet)
            let names = rule.fields.map { "'\(path)\($0)'" }.joined(separator: ", ")
            switch rule {
            case .exactlyOneOf(_, let error, _) where set.count != 1:
                throw Violation(field: path + rule.fields[0], message: "exactly one of \(names) must be given, not \(set.count)", errorCode: error)
            case .requiredTogether where !set.isEmpty && set.count != rule.fields.count:
                throw Violation(field: path + rule.fields[0], message: "\(names) go together: all or none")
            case .mutuallyExclusive where set.count > 1:
                throw Violation(field: path + set[0], message: "at most one of \(names) may be given")
            case .maxItemsInAll(let fields, let max, let error, _):
                let total = fields.reduce(0) { total, key in
                    if case .array(let elements)? = members[key] { total + elements.count } else { total }
                }
                if total > max {
                    throw Violation(field: path + fields[0], message: "\(names) may hold at most \(max) items in all, not \(total)", errorCode: error)
                }
            default:
                break
            }
        }
    }

    // MARK: Limits

    private func checkString(_ text: String, _ constraints: Constraints, name: String) throws(Violation) {
        if let minimum = constraints.minLength, text.count < minimum {
            throw Violation(field: name, message: "'\(name)' must be at least \(minimum) characters, not \(text.count)")
        }
        if let maximum = constraints.maxLength, text.count > maximum {
            throw Violation(field: name, message: "'\(name)' must be at most \(maximum) characters, not \(text.count)")
        }
        if constraints.notBlank, text.allSatisfy(\.isWhitespace) {
            throw Violation(field: name, message: "'\(name)' must not be blank")
        }
        if let forbidden = constraints.forbiddenCharacters, let found = text.first(where: { forbidden.contains($0) }) {
            throw Violation(field: name, message: "'\(name)' must not contain '\(found)' (none of \(forbidden))")
        }
        if let pattern = constraints.pattern, text.range(of: pattern, options: .regularExpression) == nil {
            throw Violation(field: name, message: "'\(name)' must match \(pattern)")
        }
    }

    private func checkRange(_ number: Int64, _ constraints: Constraints, name: String) throws(Violation) {
        if let minimum = constraints.minimum, number < minimum { throw Violation(field: name, message: "'\(name)' must be at least \(minimum), not \(number)") }
        if let maximum = constraints.maximum, number > maximum { throw Violation(field: name, message: "'\(name)' must be at most \(maximum), not \(number)") }
    }

    private func checkCount(_ count: Int, _ field: Field, name: String) throws(Violation) {
        if let minimum = field.constraints.minItems, count < minimum { throw Violation(field: name, message: "'\(name)' must hold at least \(minimum) items, not \(count)") }
        if let maximum = field.constraints.maxItems, count > maximum { throw Violation(field: name, message: "'\(name)' must hold at most \(maximum) items, not \(count)") }
    }

    private func checkEnum(_ text: String, _ enumType: EnumType, name: String) throws(Violation) {
        guard !enumType.open, !enumType.values.contains(where: { $0.value == text }) else { return }
        throw Violation(field: name, message: "'\(name)' must be one of \(enumType.values.map(\.value).joined(separator: ", ")), not '\(text)'")
    }
}
