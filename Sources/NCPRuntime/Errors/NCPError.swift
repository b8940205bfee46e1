import Foundation

/// Every failure of a call: what went wrong, in which operation, and what the server said.
///
/// Match on `kind`, and on `serviceCode` or `gatewayCode` for the documented error codes:
/// `catch let error as NCPError where error.serviceCode == .mediaIntelligence.workspaceNotFound`.
public struct NCPError: Error, Sendable, CustomStringConvertible {
    /// The broad kind of failure.
    public enum Kind: String, Sendable, Equatable {
        /// The service answered with its own error body (`code`, `message`).
        case service
        /// The API Gateway answered with its error body (`error.errorCode`, `error.message`).
        case gateway
        /// An HTTP error status without a body either form describes (an HTML page, an empty body).
        case httpStatus
        /// A success answer whose body could not be decoded.
        case decoding
        /// The request never got an answer: connection refused or dropped, DNS, TLS.
        case transport
        /// No answer within the attempt timeout, or the call's deadline passed.
        case timeout
        /// The server redirected a signed request, and the `RedirectPolicy` refused to follow (always, when the
        /// redirect leads to another host).
        case redirect
        /// The request broke a documented limit and was not sent.
        case invalidRequest
        /// No credentials could be found.
        case credentials
        /// A waited-for job ended in a failure state.
        case jobFailed
        /// A waited-for job did not end before the deadline.
        case waitTimedOut
    }

    /// The broad kind of failure.
    public var kind: Kind
    /// The operation that failed, such as `listWorkspaces`.
    public var operationID: String
    /// The HTTP status, when an answer arrived.
    public var statusCode: Int?
    /// The service's error code (a string such as `"10030"`), for `.service`.
    public var serviceCode: ServiceErrorCode?
    /// The gateway's error code (such as `"210"`), for `.gateway`.
    public var gatewayCode: GatewayErrorCode?
    /// The message the server sent, or a description of the failure.
    public var message: String
    /// The field concerned, for `.decoding` and `.invalidRequest` (such as `result.content[2].assetId`).
    public var field: String?
    /// A request id from the answer's headers, to quote to NAVER support.
    public var requestID: String?
    /// The start of the answer's body (at most `rawBodyLimit` bytes).
    public var rawBody: [UInt8]?
    /// How many attempts were made.
    public var attempts: Int
    /// The error underneath, for `.transport`.
    public var underlying: (any Error & Sendable)?
    /// The last polled state, for `.jobFailed` and `.waitTimedOut`; read it typed with `jobState(as:)`.
    public var jobState: (any Sendable)?

    /// Whether a `.timeout` is the call's deadline rather than one attempt's timeout; deadlines end retries.
    var isDeadline = false

    /// How much of a body an error keeps.
    public static let rawBodyLimit = 4096

    /// Creates an error.
    public init(kind: Kind, operationID: String, message: String, statusCode: Int? = nil, serviceCode: ServiceErrorCode? = nil,
                gatewayCode: GatewayErrorCode? = nil, field: String? = nil, requestID: String? = nil,
                rawBody: [UInt8]? = nil, attempts: Int = 1, underlying: (any Error & Sendable)? = nil,
                jobState: (any Sendable)? = nil) {
        self.kind = kind
        self.operationID = operationID
        self.message = message
        self.statusCode = statusCode
        self.serviceCode = serviceCode
        self.gatewayCode = gatewayCode
        self.field = field
        self.requestID = requestID
        self.rawBody = rawBody.map { Array($0.prefix(Self.rawBodyLimit)) }
        self.attempts = attempts
        self.underlying = underlying
        self.jobState = jobState
    }

    /// The last polled state of a `.jobFailed` or `.waitTimedOut` wait, as the waiter's result type:
    /// `error.jobState(as: IndexProgress.self)?.status`.
    public func jobState<State>(as type: State.Type) -> State? {
        jobState as? State
    }

    /// The body as text, when it is UTF-8.
    public var rawBodyText: String? {
        rawBody.flatMap { String(bytes: $0, encoding: .utf8) }
    }

    public var description: String {
        var parts = ["\(operationID): \(kind.rawValue) error"]
        if let statusCode { parts.append("HTTP \(statusCode)") }
        if let serviceCode { parts.append("code \(serviceCode.rawValue)") }
        if let gatewayCode { parts.append("gateway code \(gatewayCode.rawValue)") }
        if let field { parts.append("field \(field)") }
        var text = parts.joined(separator: ", ") + ": " + message
        if attempts > 1 { text += kind == .jobFailed || kind == .waitTimedOut ? " (\(attempts) polls)" : " (after \(attempts) attempts)" }
        if let requestID { text += " [request \(requestID)]" }
        return text
    }
}

/// A code from the service's error body, such as `"10030"`. Generated clients add a constant for each
/// documented code under the service's name (`.mediaIntelligence.workspaceNotFound`), so two clients never clash;
/// unknown codes still compare by value.
public struct ServiceErrorCode: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
}

/// A code from the API Gateway's error body, such as `"210"`.
public struct GatewayErrorCode: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    /// `200` Authentication Failed: a wrong key, signature or timestamp (a clock more than five minutes off).
    static let authenticationFailed: GatewayErrorCode = "200"
}
