/// The names the generated code declares for itself, and the types it refers to by their plain names: decided
/// here once, so lowering uses them and the validator can refuse a spec whose own names would collide with them.
public enum GeneratedNames {
    /// `MediaIntelligence` → `MediaIntelligenceClient`, unless the options name the client.
    public static func client(service: String, options: GeneratorOptions = GeneratorOptions()) -> String {
        options.clientName ?? service + "Client"
    }

    /// Why a client name chosen in the options can't name a Swift type, or nil when it can: it must be a plain
    /// identifier (`MailClient`, not `Mail Client` or `1Mail`), not a keyword, and not a type the generated code
    /// uses by name.
    public static func clientNameProblem(_ name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first else { return "the client name is empty" }
        let isHead: (Unicode.Scalar) -> Bool = { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        guard isHead(first), scalars.allSatisfy({ isHead($0) || ("0"..."9").contains($0) }) else {
            return "the client name '\(name)' must be a Swift identifier: letters, digits and '_', not starting with a digit"
        }
        if SwiftNames.reserved.contains(name) { return "the client name '\(name)' is a Swift keyword" }
        if referencedTypes.contains(name) { return "the client name '\(name)' would hide the type '\(name)' the generated code uses" }
        return nil
    }

    /// The enum that lists the service's error codes.
    public static func errorCatalog(service: String) -> String {
        service + "ErrorCatalog"
    }

    /// The member of `ServiceErrorCode` and `GatewayErrorCode` that holds the service's documented codes:
    /// `.mediaIntelligence.workspaceNotFound`. A namespace per service, so two generated clients in one app never
    /// declare the same constant.
    public static func errorNamespace(service: String) -> String {
        SwiftNames.escaped(SwiftNames.lowerCamel(service))
    }

    /// The protocol every operation of the client is a requirement of: `MediaIntelligenceClientProtocol`.
    public static func clientProtocol(client: String) -> String {
        client + "Protocol"
    }

    /// The test double that stands in for the client: `MediaIntelligenceClientDouble`.
    public static func double(client: String) -> String {
        client + "Double"
    }

    /// `MediaIntelligenceServerHandler`: the protocol a server side implements (in a module of its own).
    public static func serverHandler(service: String) -> String {
        service + "ServerHandler"
    }

    /// The struct that holds an operation's arguments: `ListAssetsInput`.
    public static func input(operationID: String) -> String {
        SwiftNames.upperCamel(operationID) + "Input"
    }

    /// The method that waits for a waiter's job: `waitUntilIndexCompleted`.
    public static func waiterMethod(_ waiterName: String) -> String {
        "waitUntil" + SwiftNames.upperCamel(waiterName)
    }

    /// The method of an input struct that checks the documented limits.
    public static let inputValidationMethod = "validate"

    /// The types the test double declares inside itself: a spec type of one of these names would be hidden there.
    public static let doubleNestedTypes: Set<String> = ["Call", "Handlers", "Examples"]

    /// Members the client, its protocol or the test double declare besides the operations: an operation, pager or
    /// waiter method of one of these names would collide with them.
    public static let reservedMembers: Set<String> = [
        "client", "answers", "rateLimits", "endpoints", "basePath", "defaultBaseURL", "legacyBaseURLs", "waitEnvironment", "description", "debugDescription",
        "customMirror", "calls", "handlers", "operationID", "lock",
    ]

    /// The client's stored base path, where the spec lists endpoints whose base paths differ.
    public static let basePath = "basePath"

    /// Where a partial type, input or body keeps the fields the docs don't describe (the templates spell it too).
    public static let additionalFields = "additionalFields"

    /// Names a method can't have: `value.self` is the value itself, never a call of a member named `self`.
    public static let uncallableMembers: Set<String> = ["self"]

    /// The struct an operation's body is encoded from.
    public static func body(operationID: String) -> String {
        SwiftNames.upperCamel(operationID) + "Body"
    }

    /// Names the generated method bodies give their own locals, or use for the client's members: an argument of
    /// one of these names keeps its label but is called `<name>Argument` inside the body.
    public static let bodyLocals: Set<String> = ["check", "request", "envelope", "result", "client", "policy", "onPoll", "self", "index", "item",
                                                 "field", "position", "input", "waitEnvironment", "form"]

    /// Names a type's `validate(_ check:field:)` gives its parameters and loop variables: a property of one of
    /// these names is read as `self.<name>` there.
    public static let validationLocals: Set<String> = ["check", "field", "index", "item", "self"]

    /// How a type's validation reads one of its properties.
    public static func propertyValue(swiftName: String) -> String {
        validationLocals.contains(swiftName) ? "self." + SwiftNames.escaped(swiftName) : SwiftNames.escaped(swiftName)
    }

    /// The name a method body reads an argument by.
    public static func argumentValue(swiftName: String) -> String {
        bodyLocals.contains(swiftName) ? swiftName + "Argument" : SwiftNames.escaped(swiftName)
    }

    /// Every type the generated files name without a module: a spec type or enum of one of these names would hide
    /// it and break the code around it.
    public static let referencedTypes: Set<String> = [
        // Swift and Foundation
        "Swift", "Foundation", "String", "Int", "Int64", "Double", "Bool", "Array", "Dictionary", "Optional", "Set",
        "URL", "Data", "Date", "Error", "Codable", "Encodable", "Decodable", "Encoder", "Decoder", "Sendable",
        "Hashable", "Equatable", "CaseIterable", "RawRepresentable", "CodingKey", "CodingKeys", "KeyValuePairs",
        "KeyedDecodingContainer", "KeyedEncodingContainer", "Duration", "Self", "Type", "Protocol", "Any", "AnyObject",
        // NCPRuntime
        "NCPRuntime", "NCPClient", "NCPClientConfiguration", "NCPRequest", "NCPResponse", "NCPError", "NCPNoResult",
        "NCPEnvelope", "NCPCodingKey", "NCPDateTime", "NCPPage", "JSONValue", "RequestValidation", "PercentEncoding",
        "PageSequence", "PageItemSequence", "JobWaiter", "JobState", "WaitPolicy", "RetryPolicy", "ServiceErrorCode",
        "GatewayErrorCode", "CredentialProvider", "CredentialProviderChain", "NCPAnswerShape", "NCPIndirect", "NCPLogger",
        "WaitEnvironment", "NCPExampleAnswer", "NSLock", "NCPFile", "NCPDownload", "NCPMultipartForm", "NCPFormFields", "NCPRateLimit",
        "NCPEndpoints", "NCPEndpoint", "NCPSite", "URL",
    ]
}
