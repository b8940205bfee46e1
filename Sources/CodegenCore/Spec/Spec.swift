/// A whole API description, as loaded from the YAML files: every element keeps where it was written.
public struct Spec: Sendable {
    /// The service as a whole.
    public var service: Service
    /// API groups by key, in file order.
    public var groups: [Group]
    /// Path parameters that operations name with `NAME: shared`.
    public var sharedParameters: [Field]
    /// Enumerations.
    public var enums: [EnumType]
    /// Object types.
    public var types: [ObjectType]
    /// The service's own error codes.
    public var errors: [ErrorCode]
    /// The API Gateway's error codes.
    public var gatewayErrors: [ErrorCode]
    /// Operations, sorted by file then position.
    public var operations: [Operation]
    /// Long-running work and how to wait for it.
    public var waiters: [Waiter]

    /// An empty spec, filled in by the loader.
    public init(service: Service = Service(), groups: [Group] = [], sharedParameters: [Field] = [],
                enums: [EnumType] = [], types: [ObjectType] = [], errors: [ErrorCode] = [],
                gatewayErrors: [ErrorCode] = [], operations: [Operation] = [], waiters: [Waiter] = []) {
        self.service = service
        self.groups = groups
        self.sharedParameters = sharedParameters
        self.enums = enums
        self.types = types
        self.errors = errors
        self.gatewayErrors = gatewayErrors
        self.operations = operations
        self.waiters = waiters
    }
}

/// The `service:` section.
public struct Service: Sendable {
    public var name = ""
    public var title = ""
    public var description = ""
    public var host = ""
    public var legacyHosts: [String] = []
    public var basePath = ""
    /// `ncp-apigw-signature-v2` (also when empty): calls are signed with the caller's key pair.
    public var authentication = ""
    /// The header a service that takes its own API key instead of a signature reads it from
    /// (`authentication: { apiKeyHeader: … }`); nil for signed services.
    public var apiKeyHeader: String?
    /// The header such a service reads the key's ID from, when it takes one.
    public var apiKeyIDHeader: String?
    /// Where callers find the service's per-customer base URL (an API Gateway "Invoke URL"); when set, the
    /// client takes that URL instead of defaulting to `host`.
    public var invokeURL: String?
    public var docs = ""
    public var notes: [String] = []
    /// Calls older pages document that the spec leaves out on purpose.
    public var retired: [RetiredCall] = []
    /// Where the service answers by site (public, financial, government cloud) and region; empty when it
    /// answers only at `host` and `basePath`.
    public var endpoints: [Endpoint] = []
    /// How the API's answers and errors look.
    public var answers: AnswerShape?
    public var location = SourceLocation(file: "", line: 0, column: 0)
    /// Where each key of the service was written, for diagnostics about one of them.
    public var keyLocations: [String: SourceLocation] = [:]

    /// Where `key` was written, or the service itself.
    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? location
    }

    /// An operation's whole path: the base path and the operation's, joined by one `/` (a base path of `/`
    /// adds nothing; `//sms` would be read as a host).
    public func fullPath(_ path: String) -> String {
        Self.joined(basePath: basePath, path)
    }

    /// `basePath` and `path` joined by one `/`, as `fullPath` joins the service's.
    public static func joined(basePath: String, _ path: String) -> String {
        (basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath) + path
    }

    /// An empty service, filled in by the loader.
    public init() {}
}

/// One place the service answers: a site and a region, with the host and base path there.
public struct Endpoint: Sendable {
    /// The sites NAVER Cloud runs, by the names NAVER's Terraform provider and `NCLOUD_SITE` use.
    public static let sites = ["public", "fin", "gov"]

    /// `public`, `fin` or `gov`.
    public var site: String
    /// The region code, such as `KR`, `SGN` or `JPN`.
    public var region: String
    /// The host there; the service's `host` when the spec leaves it out.
    public var host: String
    /// The base path there; the service's `basePath` when the spec leaves it out.
    public var basePath: String
    public var location: SourceLocation

    public init(site: String, region: String, host: String, basePath: String, location: SourceLocation) {
        self.site = site
        self.region = region
        self.host = host
        self.basePath = basePath
        self.location = location
    }
}

/// A call the docs once documented and the service no longer offers (or never offered as documented): the
/// generator leaves it out, and `docs-check` notes a page about it instead of calling it a new operation.
public struct RetiredCall: Sendable {
    /// `GET`, `POST` …
    public var method: String
    /// The path as the old page writes it, under the service's base path.
    public var path: String
    /// The operation that replaced it, if one did.
    public var replacedBy: String?
    /// Why it is left out, and since when.
    public var note: String
    /// Where the spec lists it.
    public var location: SourceLocation

    /// A retired call.
    public init(method: String, path: String, replacedBy: String?, note: String, location: SourceLocation) {
        self.method = method
        self.path = path
        self.replacedBy = replacedBy
        self.note = note
        self.location = location
    }
}

/// An API group: operations of one group render together.
public struct Group: Sendable {
    public var key: String
    public var title: String
    public var description: String
    public var location: SourceLocation
}

/// Primitive wire types.
public enum Primitive: String, Sendable, CaseIterable {
    /// `file`: bytes with a file name and media type, only in `multipart` and `binary` bodies.
    case string, int32, int64, number, boolean, datetime, json, file
}

/// What a field holds.
public indirect enum Shape: Sendable {
    case primitive(Primitive)
    /// A named enum or object type, checked by the validator.
    case reference(String)
    /// An array whose items are described by a field without a name.
    case array(Field)
}

/// Where a parameter goes in the request.
public enum ParameterLocation: String, Sendable {
    case path, query, header
}

/// A property of an object, a parameter, a body field or an array's items.
public struct Field: Sendable {
    /// How a query parameter is written: `commaSeparated` (a list as `a,b,c`), `form` (an object's properties as
    /// parameters of their own), `deepObject` (`name[key]=value`), `json` (the value as JSON text).
    public static let styles = ["commaSeparated", "form", "deepObject", "json"]
    /// The styles that write an object (or open JSON) into the query.
    public static let objectStyles: Set<String> = ["form", "deepObject", "json"]

    public var name: String {
        didSet { derivedSwiftName = SwiftNames.lowerCamel(name) }
    }
    /// The Swift name `name` becomes unless `swiftName` says otherwise: worked out once, since validation,
    /// lowering and every template ask for it again and again.
    public private(set) var derivedSwiftName: String
    public var shape: Shape
    public var required = false
    public var nullable = false
    public var defaultValue: SpecValue?
    public var description = ""
    public var note: String?
    /// A secret (a key, a password, a one-time code): descriptions, `dump` and debuggers show `<redacted>`.
    public var sensitive = false
    public var swiftName: String?
    /// Other names the field is known by on the wire; decoding accepts them, encoding uses `name`.
    public var wireNames: [String] = []
    public var location: ParameterLocation?
    /// `commaSeparated` for query arrays sent as `a,b,c`.
    public var style: String?
    /// A value the parameter always has (`responseFormatType: json`): sent with every call, never an argument.
    public var constant: SpecValue?
    public var sourceLocation: SourceLocation
    /// Documented limits on the value.
    public var constraints: Constraints {
        get { storedConstraints?.value ?? Constraints() }
        set { storedConstraints = newValue.isEmpty ? nil : ConstraintsBox(newValue) }
    }
    // Most fields have no limits, so they are kept out of line: inline they made every field 120 bytes
    // larger, 11 MB at a hundred times the real spec. The box is immutable, so copies still behave as values.
    private var storedConstraints: ConstraintsBox?

    /// Creates a field with the given shape; the loader fills in the rest.
    public init(name: String, shape: Shape, sourceLocation: SourceLocation) {
        self.name = name
        derivedSwiftName = SwiftNames.lowerCamel(name)
        self.shape = shape
        self.sourceLocation = sourceLocation
    }
}

/// A field's constraints, stored out of line.
private final class ConstraintsBox: Sendable {
    let value: Constraints

    init(_ value: Constraints) {
        self.value = value
    }
}

/// Documented limits on a field's value.
public struct Constraints: Sendable, Equatable {
    public var minLength: Int?
    public var maxLength: Int?
    public var minimum: Int64?
    public var maximum: Int64?
    public var minItems: Int?
    public var maxItems: Int?
    public var pattern: String?
    /// Characters the value must not contain, such as `;|``.
    public var forbiddenCharacters: String?
    /// The value must not be empty or only white space.
    public var notBlank = false

    /// No constraints.
    public init() {}

    /// Whether any limit is set.
    public var isEmpty: Bool { self == Constraints() }
}

/// A cross-field rule of an object or body.
public enum ObjectRule: Sendable {
    case exactlyOneOf([String], error: String?, location: SourceLocation)
    case requiredTogether([String], location: SourceLocation)
    case mutuallyExclusive([String], location: SourceLocation)
    /// The named arrays hold at most `max` items between them ("100 person IDs at a time").
    case maxItemsInAll([String], max: Int, error: String?, location: SourceLocation)

    /// The fields the rule names.
    public var fields: [String] {
        switch self {
        case .exactlyOneOf(let fields, _, _), .requiredTogether(let fields, _), .mutuallyExclusive(let fields, _),
             .maxItemsInAll(let fields, _, _, _):
            fields
        }
    }

    /// The service error code the rule stands for, if the docs give one.
    public var error: String? {
        switch self {
        case .exactlyOneOf(_, let error, _), .maxItemsInAll(_, _, let error, _): error
        case .requiredTogether, .mutuallyExclusive: nil
        }
    }

    /// Where the rule was written.
    public var location: SourceLocation {
        switch self {
        case .exactlyOneOf(_, _, let location), .requiredTogether(_, let location), .mutuallyExclusive(_, let location),
             .maxItemsInAll(_, _, _, let location):
            location
        }
    }
}

/// A named object type.
public struct ObjectType: Sendable {
    public var name: String
    public var description: String
    /// The docs show only some fields; others are kept as open JSON.
    public var partial: Bool
    public var properties: [Field]
    public var rules: [ObjectRule]
    public var location: SourceLocation
}

/// One value of an enum.
public struct EnumValue: Sendable {
    public var value: String
    public var description: String
    public var swiftName: String?
    public var location: SourceLocation
}

/// A named enumeration.
public struct EnumType: Sendable {
    public var name: String
    public var description: String
    /// Whether unknown values may arrive and must be kept.
    public var open: Bool
    public var values: [EnumValue]
    public var location: SourceLocation
}

/// A documented error code.
public struct ErrorCode: Sendable {
    public var status: Int
    public var code: String
    public var name: String
    public var message: String
    public var meaning: String
    public var alternativeMessages: [String]
    /// A deliberate second listing of a code (10072 is listed under 400 and 422).
    public var duplicate: Bool
    public var retryable: Bool
    public var note: String?
    public var location: SourceLocation
}

/// Deprecation of an operation.
public struct Deprecation: Sendable {
    /// Removal date as written, such as `2027-01`; nil when NAVER deprecates without naming one.
    public var removal: String?
    /// The operation that replaces this one.
    public var replacement: String?
    public var location: SourceLocation
}

/// A documented rate limit.
public struct RateLimit: Sendable {
    public var limit: Int
    /// `second` or `minute`.
    public var per: String
    public var note: String?
    /// Other readings in other copies of the docs.
    public var alternatives: [RateLimit]
    public var location: SourceLocation
}

/// How an operation pages.
/// How an operation pages through a list: which argument moves it on, and which result fields say where it stands.
public struct Paging: Sendable {
    /// `pageNumber`, `offset`, `cursor`, or `none` for a list that comes whole.
    public var style: PagingStyle
    /// The result field holding the items.
    public var items: String?
    /// The argument (query parameter or body field) that selects the page: the page number, the offset or the
    /// cursor, by style.
    public var parameter: String?
    /// The first page's number: 0 or 1.
    public var firstPage: Int
    /// The result field with the next page's cursor.
    public var nextCursor: String?
    /// The result field with the page's own number.
    public var pageNumber: String?
    /// The result field with the number of pages.
    public var totalPages: String?
    /// The result field with the number of items in all pages.
    public var totalItems: String?
    /// The result field that says whether more pages follow.
    public var hasMore: String?
    public var location: SourceLocation
}

/// The ways a list is paged.
public enum PagingStyle: String, Sendable, CaseIterable {
    /// Pages by number, from 0 or 1.
    case pageNumber
    /// Pages by the offset of their first item.
    case offset
    /// Pages by a cursor each page hands out for the next.
    case cursor
    /// No paging: the whole list comes at once.
    case none
}

/// What a request body holds.
public struct Body: Sendable {
    public var properties: [Field]
    public var rules: [ObjectRule]
    public var partial: Bool
    /// How the body is sent.
    public var encoding: BodyEncoding = .json
    public var location: SourceLocation
}

/// How a request body is written.
public enum BodyEncoding: String, Sendable, CaseIterable {
    /// A JSON object of the properties.
    case json
    /// `multipart/form-data`: a part per property; `file` properties are file parts.
    case multipart
    /// `application/x-www-form-urlencoded`: a field per property.
    case form
    /// The bytes of the one `file` property, as the whole body.
    case binary
}

/// What the `result` of a success envelope holds.
public enum ResultShape: Sendable {
    /// Nothing but `code` and `message`.
    case none
    /// A named type.
    case reference(String, SourceLocation)
    /// Not documented: decoded as open JSON.
    case undocumented(description: String, SourceLocation)
    /// A bare JSON array of a named type or primitive (`result: [Thing]`).
    case array(String, SourceLocation)
    /// Bytes that aren't JSON: a download (`result: binary`).
    case binary(SourceLocation)

    /// The type or primitive the result is, or lists.
    public var referencedName: String? {
        switch self {
        case .reference(let name, _), .array(let name, _): name
        case .none, .undocumented, .binary: nil
        }
    }

    /// Where the spec says what the result is.
    public var location: SourceLocation? {
        switch self {
        case .none: nil
        case .reference(_, let location), .undocumented(_, let location), .array(_, let location), .binary(let location): location
        }
    }
}

/// An example request and response from the docs.
public struct Example: Sendable {
    public var summary: String
    public var path: SpecValue?
    public var query: SpecValue?
    public var body: SpecValue?
    public var response: SpecValue?
    public var location: SourceLocation
}

/// One API operation.
public struct Operation: Sendable {
    public var id: String
    public var group: String
    public var summary: String
    public var description: String
    public var method: String
    public var path: String
    public var host: String?
    public var doc: String
    public var since: String?
    public var deprecated: Deprecation?
    public var rateLimit: RateLimit?
    public var parameters: [Field]
    public var body: Body?
    public var result: ResultShape
    public var envelopeFields: [Field]
    public var paging: Paging?
    /// The waiter for the work this operation starts.
    public var starts: String?
    public var errors: [(code: String, location: SourceLocation)]
    /// Where the error list comes from: a page that documents it, or why it is inferred.
    public var errorsProvenance: Provenance?
    /// How this operation's answers differ from the service's, key by key.
    public var answers: AnswerShape?
    public var examples: [Example]
    public var notes: [String]
    public var location: SourceLocation
    /// Where `method` and `path` were written, for precise diagnostics.
    public var pathLocation: SourceLocation
    /// Where each key of the operation was written (`doc`, `rateLimit`, `deprecated` …).
    public var keyLocations: [String: SourceLocation] = [:]

    /// Where `key` was written, or the operation itself.
    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? location
    }
}

/// Where a statement in the spec comes from.
public enum Provenance: Sendable, Equatable {
    /// A doc page says so.
    case documented(source: String)
    /// No page says so; the note says how it was inferred.
    case inferred(note: String)
}

/// Long-running work: which operation reports its state and which values end it.
public struct Waiter: Sendable {
    public var name: String
    public var description: String
    public var startedBy: [String]
    public var operation: String
    public var field: String
    public var success: [String]
    public var failure: [String]
    public var pending: [String]
    public var location: SourceLocation
}
