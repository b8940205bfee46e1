/// How an API wraps successful results and writes errors, as the spec declares it (`service.answers`, or an
/// operation's own `answers` for the keys it overrides).
public struct AnswerShape: Sendable, Equatable {
    /// The fields of an envelope around results.
    public struct Envelope: Sendable, Equatable {
        public var result: String
        public var code: String?
        public var success: [String]
        public var message: String?
    }

    /// One form an error body takes.
    public struct ErrorForm: Sendable, Equatable {
        /// `service` or `gateway`: which `NCPError` kind and code the error becomes.
        public var source: String
        /// The object field holding code and message, or nil for the top level.
        public var container: String?
        public var code: String
        public var message: String?
        public var location: SourceLocation
    }

    /// nil: not said here (inherit); `.some(nil)`: plain JSON results (`envelope: none`).
    public var envelope: Envelope??
    /// nil: not said here (inherit).
    public var errors: [ErrorForm]?
    public var location: SourceLocation

    /// The API Gateway's own error body, which every NCP API can answer with.
    public static func gatewayForm(at location: SourceLocation) -> ErrorForm {
        ErrorForm(source: "gateway", container: "error", code: "errorCode", message: "message", location: location)
    }

    /// This shape's keys, each falling back to `base`'s, then to plain JSON and the gateway's error form.
    public func resolved(over base: AnswerShape?) -> (envelope: Envelope?, errors: [ErrorForm]) {
        let envelope = self.envelope ?? base?.envelope ?? nil
        let errors = self.errors ?? base?.errors ?? [Self.gatewayForm(at: location)]
        return (envelope ?? nil, errors)
    }
}
