/// What the templates see: Swift names, types, literals and doc lines, decided once, here.
///
/// Templates assemble lines from these fragments; no line of generated Swift is written in Swift code. The
/// sections that grow with the spec are `LoweredSection`s: their elements are lowered as a template reaches them.
struct RenderModel: Sendable {
    var access: String
    /// `public ` before imports whose types appear in public declarations.
    var importPrefix: String
    /// The same for `Models.swift` and `Operations.swift`, whose public API may not mention a runtime type at
    /// all (a filtered client), where a public import would draw a warning.
    var modelsImportPrefix: String
    var operationsImportPrefix: String
    /// The same for `Paging.swift` and `Waiters.swift`, which declare nothing when the spec has no pagers or
    /// waiters.
    /// The same for `Inputs.swift`: only arguments count there.
    var inputsImportPrefix: String
    var pagingImportPrefix: String
    /// `public import Foundation` for `Requests.swift` when a download there takes a file `URL`; nil otherwise.
    var requestsFoundationImport: String?
    var waitersImportPrefix: String
    var serviceName: String
    var clientName: String
    var errorCatalogName: String
    /// `mediaIntelligence`: where the error constants sit (`GeneratedNames.errorNamespace`).
    var errorNamespace: String
    /// The service's `NCPAnswerShape`, as a Swift expression.
    var answersLiteral: String
    var title: String
    /// The first documented service error's constant, for the doc comments' example.
    var serviceErrorExample: String?
    var docLines: [String]
    var defaultBaseURL: String
    /// `"https://host"` as a Swift string literal.
    var defaultBaseURLLiteral: String
    /// `[URL(string: "https://old")!, …]`: the legacy endpoints as one Swift array expression.
    var legacyBaseURLs: String
    /// `["op": NCPRateLimit(50, per: .seconds(1)), …]`: the documented rate limits, strictest reading; nil when
    /// no operation has one.
    var rateLimitsLiteral: String?
    /// `[NCPEndpoint(site: .public, region: "KR", …), …]` when the spec lists endpoints; nil otherwise.
    var endpointsLiteral: String?
    /// `"/api/v1"`: the default endpoint's base path as a literal (empty for a root base path).
    var defaultBasePathLiteral: String
    /// The service's name as a literal, for messages.
    var serviceNameLiteral: String
    /// `public import MediaIntelligence`: the client's module, which the server side imports; nil without one.
    var serverClientModuleImport: String?
    /// `NCPServerError(status: 400, code: "10001", message: "…")`: what a broken limit answers on the server side.
    var invalidRequestLiteral: String
    /// `MediaIntelligenceServerHandler`: the protocol a server implements.
    var handlerName: String
    /// `public ` when a handler requirement's result is a runtime type (`JSONValue`, `NCPDownload`).
    var serverRuntimeImportPrefix: String
    /// `public ` when the server side declares conformances to `NCPServerValue` (the spec has enums).
    var serverSupportImportPrefix: String
    /// `.apiKey(header: "X-…")` for a service that takes its own API key; nil for signed services.
    var authenticationLiteral: String?
    /// The header the API key goes in; nil for signed services.
    var apiKeyHeader: String?
    /// Where callers find their per-customer base URL, as one doc line; nil when the service has one host.
    var invokeURL: String?
    var types: LoweredSection<TypeModel>
    var enums: LoweredSection<EnumModel>
    var groups: [GroupModel]
    var bodies: LoweredSection<BodyModel>
    var serviceErrors: [ErrorModel]
    var gatewayErrors: [ErrorModel]
    var pagers: [PagerModel]
    var waiters: [WaiterModel]
    /// The spec (or the filter) leaves at least one operation.
    var hasOperations: Bool
    /// `MediaIntelligenceClientProtocol` and `MediaIntelligenceClientDouble`.
    var protocolName: String
    var doubleName: String
    /// `public import MediaIntelligence`, when the test double sits in a module of its own.
    var clientModuleImport: String?
    /// The same for `Examples.swift`, which declares nothing public when no operation returns a value.
    var examplesClientModuleImport: String?
    /// `public ` before `Examples.swift`'s runtime import when an example's type is the runtime's (`JSONValue`).
    var examplesImportPrefix: String
    /// The test double's default answers, for the operations that return a value.
    var examples: LoweredSection<ExampleModel>
}

struct PropertyModel: Sendable {
    /// The access level again, so the look-up on each property line ends here instead of at the root.
    var access: String
    var name: String
    /// The wire name as a Swift string literal.
    var wireName: String
    /// Where a property that leads back to its own type is stored (`NCPIndirect`), when it does.
    var storage: String?
    var storageType: String?
    /// The memberwise initialiser's name for the argument inside its body, when it differs from `name`: a
    /// parameter named `self` would hide `self`.
    var argumentName: String?
    /// The argument inside the initialiser's body: `argumentName` or `name`.
    var argumentValue: String
    var type: String
    /// The type without `?`.
    var baseType: String
    var optional: Bool
    /// The Swift name differs from the wire name.
    var renamed: Bool
    var docLines: [String]
    var decodeKeys: String
    var initDefault: String?
    var isLast: Bool
    /// A secret: described as `<redacted>`.
    var sensitive = false
    /// The Swift name without the backticks a keyword takes, for labels in descriptions.
    var plainName: String { name.replacingOccurrences(of: "`", with: "") }

    /// `name argumentName: Type = nil,`: the memberwise initialiser's parameter with its comma, in one look-up.
    /// (`isLast` is false before a partial type's `additionalFields`, which follows it.)
    var initParameter: String {
        name + (argumentName.map { " " + $0 } ?? "") + ": " + type + (initDefault.map { " = " + $0 } ?? "") + (isLast ? "" : ",")
    }
}

struct TypeModel: Sendable {
    var access: String
    var name: String
    var docLines: [String]
    var properties: [PropertyModel]
    /// Needs hand-written coding: alternative wire names or kept unknown fields.
    var customCoding: Bool
    var partial: Bool
    var hasCodingKeys: Bool
    var knownKeys: String
    var validation: ValidationModel?
    /// Some property is a secret, so the type describes itself without it.
    var redacts: Bool { properties.contains(where: \.sensitive) }
}

struct ValidationModel: Sendable {
    var checks: [CheckModel]
    var rules: [RuleModel]
}

struct CheckModel: Sendable {
    /// The expression checked, such as `name` or `query`.
    var value: String
    var field: String
    var arguments: String
    /// Checks each item of an array.
    var eachItem: Bool
    /// Calls the value's own `validate` (an object type with limits of its own).
    var nested: Bool
    var optional: Bool
}

struct RuleModel: Sendable {
    var function: String
    var pairs: String
}

struct CaseModel: Sendable {
    var name: String
    var rawValue: String
    var docLines: [String]
}

struct EnumModel: Sendable {
    var name: String
    var docLines: [String]
    var open: Bool
    var cases: [CaseModel]
}

struct ParameterModel: Sendable {
    var label: String
    /// The name inside the body, when it differs from the label (see `GeneratedNames.bodyLocals`).
    var internalName: String?
    var type: String
    var defaultValue: String?
    var isLast: Bool

    /// `label internalName: Type = default,`: the whole parameter with its comma (none after the last), one
    /// look-up for the templates instead of six.
    var declaration: String {
        label + (internalName.map { " " + $0 } ?? "") + ": " + type + (defaultValue.map { " = " + $0 } ?? "") + (isLast ? "" : ",")
    }
}

/// A header parameter: its name as a Swift literal and the argument that holds its value.
struct HeaderModel: Sendable {
    var name: String
    var value: String
}

struct QueryModel: Sendable {
    var wireName: String
    var value: String
    var commaSeparated: Bool
    /// An array without a style: `name=a&name=b`.
    var repeated: Bool
    /// A multipart part sent as JSON text: an object or open JSON beside the files.
    var jsonPart = false

    /// The `NCPRequest` method that adds it: one look-up instead of four branches in the template.
    /// `form`, `deepObject` or `json`: an object written into the query, which encoding can fail.
    var objectStyle: String?

    var appendFunction: String {
        switch objectStyle {
        case "form": "appendFormObjectQuery"
        case "deepObject": "appendDeepObjectQuery"
        case "json": "appendJSONQuery"
        default: commaSeparated ? "appendCommaSeparatedQuery" : repeated ? "appendRepeatedQuery" : "appendQuery"
        }
    }

    /// `try ` before the call when it encodes an object.
    var tryPrefix: String { objectStyle == nil ? "" : "try " }
}

/// The answer a test double gives an operation when the test doesn't answer it itself.
struct ExampleModel: Sendable {
    var name: String
    var operationID: String
    var resultType: String
    /// The result's JSON as a Swift string literal.
    var json: String
    var docLines: [String]
}

struct EnvelopeFieldModel: Sendable {
    var property: String
    var wireName: String
    var accessor: String
}

struct GroupModel: Sendable {
    var title: String
    var docLines: [String]
    var operations: LoweredSection<OperationModel>
}

struct BodyModel: Sendable {
    var name: String
    var operationID: String
    var properties: [PropertyModel]
    var partial: Bool
    var hasCodingKeys: Bool
}

struct ErrorModel: Sendable {
    var access: String
    var name: String
    var code: String
    var statuses: String
    var message: String
    var docLines: [String]
    var retryable: Bool
}

struct PagerModel: Sendable {
    var pageType: String
    var itemType: String
    /// The `PageSequence` factory with its rule: `numbered(firstPage: 1, items: { $0.content }, …)`.
    var sequence: String
    var methodName: String
    var operationName: String
    var docLines: [String]
    var deprecatedMessage: String?
    var parameters: [ParameterModel]
    var hasParameters: Bool
    var arguments: String
}

struct WaiterModel: Sendable {
    var methodName: String
    var docLines: [String]
    var deprecatedMessage: String?
    var parameters: [ParameterModel]
    var arguments: String
    var operationName: String
    var operationID: String
    var resultType: String
    var field: String
    /// The field's wire name as a Swift literal, for messages.
    var wireField: String
    /// A Swift expression of `state` giving the field's value as text (`String?` when the field is optional).
    var describe: String
    var successCases: String
    var failureCases: String?
    /// Whether values outside the lists can arrive (and mean "pending").
    var needsDefault: Bool
}
