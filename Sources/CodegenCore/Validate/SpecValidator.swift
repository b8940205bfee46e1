import Foundation

/// The semantic checks: everything that is well-formed YAML of the right shape but still wrong.
///
/// Each check adds to one `Diagnostics`, so a spec with ten problems gets ten messages in one run.
public struct SpecValidator {
    let spec: Spec
    let typesByName: NamedIndex<ObjectType>
    let enumsByName: NamedIndex<EnumType>
    let operationsByID: NamedIndex<Operation>
    var diagnostics = Diagnostics()

    /// Every problem in the spec.
    public static func validate(_ spec: Spec) -> Diagnostics {
        var validator = SpecValidator(spec: spec)
        validator.run()
        return validator.diagnostics
    }

    init(spec: Spec) {
        self.spec = spec
        typesByName = NamedIndex(spec.types, name: \.name)
        enumsByName = NamedIndex(spec.enums, name: \.name)
        operationsByID = NamedIndex(spec.operations, name: \.id)
    }

    mutating func run() {
        checkService()
        checkUniqueNames()
        checkEnums()
        for type in spec.types {
            checkProperties(type.properties, owner: "type '\(type.name)'")
            checkNoFiles(type.properties, owner: "type '\(type.name)'")
            if type.partial { checkPartialMembers(type.properties, owner: "type '\(type.name)'") }
            checkRules(type.rules, properties: type.properties, owner: "type '\(type.name)'")
        }
        for parameter in spec.sharedParameters {
            checkField(parameter, owner: "shared parameter '\(parameter.name)'")
        }
        checkErrors(spec.errors, what: "error code")
        checkErrors(spec.gatewayErrors, what: "gateway error code")
        checkOperationUniqueness()
        for operation in spec.operations {
            checkOperation(operation)
        }
        checkWaiters()
        checkResponseEnumsAreOpen()
        checkAnswerShapes()
        let graph = TypeGraph(spec)
        for type in spec.types where graph.requiresItself(type.name) {
            diagnostics.error("type '\(type.name)' requires a value of its own type through required properties, so no finite value exists; make one of them optional", at: type.location)
        }
    }

    // MARK: Service and names

    /// A signature scheme the runtime knows, or API-key headers the client may set.
    mutating func checkAuthentication(_ service: Service) {
        switch service.authentication {
        case "", "ncp-apigw-signature-v2":
            break
        case "api-key":
            // The AI·NAVER APIs take their key pair in x-ncp-apigw-api-key(-id), names a parameter may not use.
            for (key, header) in [("apiKeyHeader", service.apiKeyHeader), ("apiKeyIDHeader", service.apiKeyIDHeader)] {
                guard let header, let problem = Self.headerNameProblem(header), !header.lowercased().hasPrefix("x-ncp-") else { continue }
                diagnostics.error("the \(key) '\(header)' \(problem)", at: service.location(of: "authentication"))
            }
            if let header = service.apiKeyHeader, header.lowercased() == service.apiKeyIDHeader?.lowercased() {
                diagnostics.error("the API key and its ID can't share the header '\(header)'", at: service.location(of: "authentication"))
            }
        default:
            diagnostics.error("'authentication' must be 'ncp-apigw-signature-v2' or { apiKeyHeader: NAME, apiKeyIDHeader: NAME }, not '\(service.authentication)'",
                              at: service.location(of: "authentication"))
        }
        if let invokeURL = service.invokeURL {
            if invokeURL.trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.error("'invokeURL' must say where callers find their invoke URL", at: service.location(of: "invokeURL"))
            }
            // The caller's invoke URL carries the whole path before an operation's.
            if service.basePath != "/" || !service.endpoints.isEmpty {
                diagnostics.error("a service called at its customers' invoke URLs takes everything before an operation's path from that URL: 'basePath' must be '/' and there can be no 'endpoints'",
                                  at: service.location(of: "invokeURL"))
            }
        }
    }

    mutating func checkService() {
        let service = spec.service
        guard !service.name.isEmpty else { return }
        if !isSwiftIdentifier(service.name) {
            diagnostics.error("the service name '\(service.name)' must be a Swift identifier (it names the module's client)", at: service.location(of: "name"))
        }
        if !service.basePath.hasPrefix("/") {
            diagnostics.error("'basePath' must start with '/', not '\(service.basePath)'", at: service.location(of: "basePath"))
        } else if let bad = Self.firstNonPathCharacter(in: service.basePath) ?? service.basePath.first(where: { $0 == "{" || $0 == "}" }) {
            diagnostics.error("'basePath' may hold only path characters, not '\(bad)'", at: service.location(of: "basePath"))
        }
        for (host, key) in [(service.host, "host")] + service.legacyHosts.map({ ($0, "legacyHosts") }) where !Self.isBareHost(host) {
            diagnostics.error("'\(host)' must be a bare host name with an optional port, such as 'api.example.com' or 'localhost:8080' (no scheme, path or spaces)", at: service.location(of: key))
        }
        checkAuthentication(service)
        var endpointsSeen: [String: SourceLocation] = [:]
        for endpoint in service.endpoints {
            if endpoint.region.isEmpty || !endpoint.region.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
                diagnostics.error("an endpoint's region must be a code of letters, digits and '-', such as 'KR' or 'SGN', not '\(endpoint.region)'", at: endpoint.location)
            }
            if !Self.isBareHost(endpoint.host) {
                diagnostics.error("the \(endpoint.site) \(endpoint.region) endpoint's host '\(endpoint.host)' must be a bare host name, such as 'api.example.com'", at: endpoint.location)
            }
            if !endpoint.basePath.hasPrefix("/") || Self.firstNonPathCharacter(in: endpoint.basePath) != nil {
                diagnostics.error("the \(endpoint.site) \(endpoint.region) endpoint's basePath must start with '/' and hold only path characters, not '\(endpoint.basePath)'", at: endpoint.location)
            }
            let key = endpoint.site + " " + endpoint.region.uppercased()
            if let first = endpointsSeen[key] {
                diagnostics.error("the \(endpoint.site) site lists region '\(endpoint.region)' twice; the first is at \(first)", at: endpoint.location)
            }
            endpointsSeen[key] = endpoint.location
        }
        for call in service.retired {
            if !call.path.hasPrefix("/") {
                diagnostics.error("a retired call's path must start with '/', not '\(call.path)'", at: call.location)
            }
            if let replacement = call.replacedBy, operationsByID[replacement] == nil {
                diagnostics.unresolved("the retired call \(call.method) \(call.path) is replaced by the undefined operation '\(replacement)'\(Suggestion.hint(for: replacement, in: operationsByID.names.sorted()))", at: call.location)
            }
            if let operation = spec.operations.first(where: { $0.method == call.method && $0.path == call.path }) {
                diagnostics.error("\(call.method) \(call.path) is listed as retired but is the operation '\(operation.id)'", at: call.location)
            }
        }
    }

    /// Types and enums share one namespace in the generated module.
    mutating func checkUniqueNames() {
        var seen: [String: SourceLocation] = [:]
        let named = spec.types.map { ($0.name, $0.location, "type") } + spec.enums.map { ($0.name, $0.location, "enum") }
        let declared = generatedDeclarations()
        for (name, location, kind) in named {
            if !isSwiftIdentifier(name) || name.first?.isUppercase != true {
                diagnostics.error("\(kind) name '\(name)' must be an UpperCamelCase Swift identifier", at: location)
            } else if GeneratedNames.referencedTypes.contains(name) {
                diagnostics.error("\(kind) name '\(name)' would hide the type of that name the generated code uses; choose another name", at: location)
            } else if GeneratedNames.doubleNestedTypes.contains(name) {
                diagnostics.error("\(kind) name '\(name)' would be hidden inside the test double, which declares a type of that name; choose another name", at: location)
            } else if let what = declared[name] {
                diagnostics.error("\(kind) name '\(name)' is the name of \(what), which the generated code declares; choose another name", at: location)
            }
            if let first = seen[name] {
                diagnostics.error("\(kind) '\(name)' is declared twice; the first is at \(first)", at: location)
            } else {
                seen[name] = location
            }
        }
        checkDuplicates(spec.waiters.map { ($0.name, $0.location) }, what: "waiter")
        var waiterMethods: [String: Waiter] = [:]
        for waiter in spec.waiters {
            let method = GeneratedNames.waiterMethod(waiter.name)
            if let first = waiterMethods[method], first.name != waiter.name {
                diagnostics.error("waiters '\(first.name)' (at \(first.location)) and '\(waiter.name)' both become the method '\(method)'; rename one", at: waiter.location)
            } else {
                waiterMethods[method] = waiter
            }
        }
        checkMemberNames(waiterMethods: waiterMethods)
        checkDuplicates(spec.groups.map { ($0.key, $0.location) }, what: "group")
        checkDuplicates(spec.sharedParameters.map { ($0.name, $0.sourceLocation) }, what: "shared parameter")
    }

    /// The types the generated code declares for this spec, with what each is.
    func generatedDeclarations() -> [String: String] {
        let client = GeneratedNames.client(service: spec.service.name)
        var declared = [client: "the client",
                        GeneratedNames.clientProtocol(client: client): "the client's protocol",
                        GeneratedNames.double(client: client): "the client's test double",
                        GeneratedNames.errorCatalog(service: spec.service.name): "the error catalog"]
        for operation in spec.operations {
            if operation.body != nil {
                declared[GeneratedNames.body(operationID: operation.id)] = "the body of '\(operation.id)'"
            }
            declared[GeneratedNames.input(operationID: operation.id)] = "the arguments of '\(operation.id)'"
        }
        return declared
    }

    /// Operations, page sequences and waiters are members of one protocol: each name once, and none of the names
    /// the client or its test double declare for themselves.
    mutating func checkMemberNames(waiterMethods: [String: Waiter]) {
        var members: [String: String] = [:]
        for operation in spec.operations {
            members[operation.id] = "the operation '\(operation.id)'"
        }
        for operation in spec.operations where operation.paging.map({ $0.style != .none }) ?? false {
            let method = operation.id + "Pages"
            if let other = members[method] {
                diagnostics.error("the page sequence of '\(operation.id)' is the method '\(method)', which is already \(other); rename one", at: operation.location)
            }
            members[method] = "the page sequence of '\(operation.id)'"
        }
        for (method, waiter) in waiterMethods.sorted(by: { $0.key < $1.key }) {
            if let other = members[method] {
                diagnostics.error("waiter '\(waiter.name)' becomes the method '\(method)', which is already \(other); rename one", at: waiter.location)
            }
        }
        for operation in spec.operations where GeneratedNames.reservedMembers.contains(operation.id) {
            diagnostics.error("operation id '\(operation.id)' is the name of a member the client or its test double declares; choose another id", at: operation.location)
        }
        for operation in spec.operations where GeneratedNames.uncallableMembers.contains(operation.id) {
            diagnostics.error("operation id '\(operation.id)' would be a method that Swift can't call with a dot (`value.\(operation.id)` means the value itself); choose another id", at: operation.location)
        }
    }

    mutating func checkDuplicates(_ items: [(String, SourceLocation)], what: String) {
        var seen: [String: SourceLocation] = [:]
        for (name, location) in items {
            if let first = seen[name] {
                diagnostics.error("\(what) '\(name)' is declared twice; the first is at \(first)", at: location)
            } else {
                seen[name] = location
            }
        }
    }

    /// Two different spec names that would become the same Swift name.
    /// Two items that become one Swift name. Items named alike in the spec are the duplicates `checkDuplicates`
    /// reports, unless their `role`s differ (a query parameter and a body field of one operation).
    mutating func checkSwiftNameCollisions(_ items: [(spec: String, swift: String, location: SourceLocation)], owner: String,
                                           roles: [String]? = nil) {
        var seen: [String: (name: String, role: String, location: SourceLocation)] = [:]
        for (index, item) in items.enumerated() {
            let role = roles?[index] ?? ""
            if let first = seen[item.swift], first.name != item.spec || first.role != role {
                let name = role.isEmpty ? "'\(item.spec)'" : "the \(role) '\(item.spec)'"
                let firstName = first.role.isEmpty ? "'\(first.name)'" : "the \(first.role) '\(first.name)'"
                diagnostics.error("\(name) and \(firstName) (at \(first.location)) of \(owner) both become the Swift name '\(item.swift)'; give one a 'swiftName'", at: item.location)
            } else {
                seen[item.swift] = (item.spec, role, item.location)
            }
        }
    }

    mutating func checkEnums() {
        for enumType in spec.enums {
            checkDuplicates(enumType.values.map { ($0.value, $0.location) }, what: "value of enum '\(enumType.name)'")
            checkSwiftNameCollisions(enumType.values.map { ($0.value, $0.swiftName ?? SwiftNames.lowerCamel($0.value), $0.location) },
                                     owner: "enum '\(enumType.name)'")
            for value in enumType.values {
                if let swiftName = value.swiftName, !isSwiftIdentifier(swiftName) {
                    diagnostics.error("swiftName '\(swiftName)' is not a Swift identifier", at: value.location)
                }
                if enumType.open, (value.swiftName ?? SwiftNames.lowerCamel(value.value)) == "unknown" {
                    diagnostics.error("value '\(value.value)' of the open enum '\(enumType.name)' becomes the case 'unknown', which open enums keep for values they don't know; give it a 'swiftName'", at: value.location)
                }
            }
        }
    }

    mutating func checkErrors(_ errors: [ErrorCode], what: String) {
        var byCode: [String: ErrorCode] = [:]
        var byName: [String: ErrorCode] = [:]
        for error in errors {
            if error.code.isEmpty || !error.code.allSatisfy(\.isNumber) {
                diagnostics.error("\(what) '\(error.code)' must be digits only", at: error.location)
            }
            if !(100...599).contains(error.status) {
                diagnostics.error("HTTP status \(error.status) of \(what) '\(error.code)' is not between 100 and 599", at: error.location)
            }
            if !isSwiftIdentifier(error.name) || error.name.first?.isLowercase != true {
                diagnostics.error("name '\(error.name)' of \(what) '\(error.code)' must be a lowerCamelCase Swift identifier", at: error.location)
            }
            if let first = byCode[error.code] {
                if !error.duplicate {
                    diagnostics.error("\(what) '\(error.code)' is listed twice (first at \(first.location)); mark the second 'duplicate: true' if the docs really list it twice", at: error.location)
                } else if first.name != error.name || first.message != error.message {
                    diagnostics.error("the duplicate listing of \(what) '\(error.code)' must keep the name '\(first.name)' and the message of the first", at: error.location)
                }
            } else {
                if error.duplicate {
                    diagnostics.error("\(what) '\(error.code)' is marked 'duplicate' but is not listed before", at: error.location)
                }
                byCode[error.code] = error
                if let first = byName[error.name] {
                    diagnostics.error("\(what)s '\(first.code)' and '\(error.code)' share the name '\(error.name)'", at: error.location)
                } else {
                    byName[error.name] = error
                }
            }
        }
    }

    /// `api.example.com`, `localhost:8080`, `[::1]:443`: what goes between `https://` and the path.
    static func isBareHost(_ host: String) -> Bool {
        var name = Substring(host)
        if let colon = name.lastIndex(of: ":"), !name.hasSuffix("]"), !name.hasPrefix("[") || name[..<colon].hasSuffix("]") {
            let port = name[name.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber), let number = Int(port), (1...65535).contains(number) else { return false }
            name = name[..<colon]
        }
        if name.hasPrefix("["), name.hasSuffix("]") {
            return name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } && name.count > 2
        }
        return !name.isEmpty && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "." }
            && !name.hasPrefix(".") && !name.hasPrefix("-")
    }

    func isSwiftIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
