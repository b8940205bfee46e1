import CodegenCore
import Foundation
import NCPRuntime

/// Writes answers as the spec says the service writes them: results inside its envelope (or bare), service errors
/// in its own error form with their documented status and message, gateway errors in the gateway's form.
struct AnswerWriter: Sendable {
    let service: Service
    let errors: [String: ErrorCode]
    let gatewayErrors: [String: (status: Int, message: String)]
    /// The code a request that breaks a documented limit gets: the service's first 400 that reads as an
    /// invalid request, else its first 400.
    let invalidRequestCode: String?

    init(spec: Spec) {
        service = spec.service
        errors = Dictionary(spec.errors.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var gateway = Self.defaultGatewayErrors
        for error in spec.gatewayErrors { gateway[error.code] = (error.status, error.message) }
        gatewayErrors = gateway
        invalidRequestCode = spec.invalidRequestError?.code
    }

    // MARK: Success

    /// A result inside the operation's envelope, or bare; `nil` for an operation without one.
    func success(_ operation: SpecOperation, result: JSONValue?, status: Int = 200) -> EmulatorResponse {
        let (envelope, _) = answers(of: operation)
        guard let envelope else {
            guard let result else { return EmulatorResponse(status: 204) }
            return .json(status, result)
        }
        var members: [String: JSONValue] = [:]
        if let code = envelope.code { members[code] = .string(envelope.success.first ?? "0") }
        if let message = envelope.message { members[message] = .string("Success") }
        if let result { members[envelope.result] = result }
        return .json(status, .object(members))
    }

    /// A whole answer as the spec's example gives it.
    func whole(_ answer: JSONValue) -> EmulatorResponse { .json(200, answer) }

    // MARK: Errors

    /// The service's documented error `code`, with its status and message (and `details` saying why).
    func serviceError(_ operation: SpecOperation?, code: String, details: String? = nil) -> EmulatorResponse {
        let documented = errors[code]
        let status = documented?.status ?? 400
        let message = documented?.message ?? "Invalid request"
        let forms = answers(of: operation).errors
        guard let form = forms.first(where: { $0.source == "service" }) else {
            return gatewayError(code: "100", details: details ?? message, status: status)
        }
        var fields: [String: JSONValue] = [form.code: .string(code)]
        if let messageField = form.message { fields[messageField] = .string(message) }
        if let details { fields["details"] = .string(details) }
        let body: JSONValue = form.container.map { .object([$0: .object(fields)]) } ?? .object(fields)
        return .json(status, body)
    }

    /// A request that breaks a documented limit: the rule's own code, or the service's invalid-request code.
    func invalid(_ operation: SpecOperation, _ violation: Violation) -> EmulatorResponse {
        if let code = violation.errorCode ?? invalidRequestCode {
            return serviceError(operation, code: code, details: violation.message)
        }
        return gatewayError(code: "100", details: violation.message)
    }

    /// The API Gateway's error `code` (`200` authentication, `300` not found, `410` throttled …) in its own form.
    func gatewayError(code: String, details: String, status: Int? = nil, headers: [(name: String, value: String)] = []) -> EmulatorResponse {
        let documented = gatewayErrors[code]
        let error: JSONValue = .object(["errorCode": .string(code), "message": .string(documented?.message ?? "Unexpected Error"), "details": .string(details)])
        return .json(status ?? documented?.status ?? 500, .object(["error": error]), headers: headers)
    }

    /// The envelope and error forms an operation's answers take: its own, over the service's, over plain JSON
    /// and the gateway's form.
    func answers(of operation: SpecOperation?) -> (envelope: AnswerShape.Envelope?, errors: [AnswerShape.ErrorForm]) {
        if let own = operation?.answers { return own.resolved(over: service.answers) }
        if let shared = service.answers { return shared.resolved(over: nil) }
        return (nil, [AnswerShape.gatewayForm(at: service.location)])
    }

    /// The gateway's codes as NAVER's common API pages list them, for specs that don't list their own.
    static let defaultGatewayErrors: [String: (status: Int, message: String)] = [
        "100": (400, "Bad Request Exception"), "200": (401, "Authentication Failed"), "210": (401, "Permission Denied"),
        "300": (404, "Not Found Exception"), "410": (429, "Throttle Limited"), "420": (429, "Rate Limited"),
        "430": (413, "Request Entity Too Large"), "500": (503, "Endpoint Error"), "900": (500, "Unexpected Error"),
    ]
}
