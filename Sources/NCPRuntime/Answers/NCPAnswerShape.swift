/// How an API wraps its answers and writes its errors: declared in the spec, applied by the client.
///
/// Media Intelligence wraps results in `{"code": "0", "message": "success", "result": …}`; other NCP APIs answer
/// plain JSON. Errors come as the API Gateway's `{"error": {"errorCode": …, "message": …}}`, a service's own
/// `{"code": …, "message": …}`, or named fields of another form; the forms are tried in order.
public struct NCPAnswerShape: Sendable, Hashable {
    /// The fields of an envelope around successful results.
    public struct Envelope: Sendable, Hashable {
        /// The field that holds the operation's result.
        public var resultField: String
        /// A field whose value says whether the call succeeded, if the envelope has one.
        public var codeField: String?
        /// The values of `codeField` that mean success.
        public var successCodes: Set<String>
        /// The field with a human-readable message, if any.
        public var messageField: String?

        /// Creates an envelope description.
        public init(resultField: String, codeField: String? = nil, successCodes: Set<String> = [], messageField: String? = nil) {
            self.resultField = resultField
            self.codeField = codeField
            self.successCodes = successCodes
            self.messageField = messageField
        }
    }

    /// One way an error body can look.
    public struct ErrorForm: Sendable, Hashable {
        /// Whose error it is.
        public enum Source: String, Sendable, Hashable {
            /// The service's own error (`NCPError.Kind.service`, `serviceCode`).
            case service
            /// The API Gateway's (`NCPError.Kind.gateway`, `gatewayCode`).
            case gateway
        }

        /// Whose error it is.
        public var source: Source
        /// An object field the code and message sit in (`error` for the gateway), or nil for the top level.
        public var container: String?
        /// The field with the error code, a string or a number.
        public var codeField: String
        /// The field with the message, if any.
        public var messageField: String?

        /// Creates an error form.
        public init(source: Source, container: String? = nil, codeField: String, messageField: String? = nil) {
            self.source = source
            self.container = container
            self.codeField = codeField
            self.messageField = messageField
        }

        /// The API Gateway's error body, which every NCP API can answer with: `{"error": {"errorCode", "message"}}`.
        public static let gateway = ErrorForm(source: .gateway, container: "error", codeField: "errorCode", messageField: "message")
    }

    /// The envelope around results, or nil when results come as plain JSON.
    public var envelope: Envelope?
    /// The forms error bodies take, tried in order.
    public var errorForms: [ErrorForm]

    /// Creates a shape.
    public init(envelope: Envelope? = nil, errorForms: [ErrorForm] = [.gateway]) {
        self.envelope = envelope
        self.errorForms = errorForms
    }

    /// Plain JSON results and the gateway's error form: what an API answers unless its spec says otherwise.
    public static let plain = NCPAnswerShape()
}
