public import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Sends signed requests with retries and turns every answer into a value or an `NCPError`.
///
/// Generated clients hold one and build `NCPRequest`s; it knows nothing about any particular API.
public struct NCPClient: Sendable {
    /// The configuration this client was made with.
    public let configuration: NCPClientConfiguration
    /// The longest response body read into memory.
    static let maximumBodySize = 64 * 1024 * 1024

    /// Creates a client.
    public init(configuration: NCPClientConfiguration) {
        self.configuration = configuration
    }

    /// Sends a request, retrying as the policy allows; returns a 2xx answer or throws `NCPError`.
    public func send(_ request: NCPRequest) async throws -> NCPResponse {
        let credentials: NCPCredentials
        do {
            credentials = try await configuration.credentials.credentials()
        } catch let error as CredentialError {
            throw NCPError(kind: .credentials, operationID: request.operationID, message: error.description)
        }
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let failure: NCPError
            let retryClass: RetryClass
            var retryAfter: Duration?
            let started = ContinuousClock.now
            do {
                let response = try await attemptOnce(request, credentials: credentials)
                log(request, attempt: attempt, started: started, outcome: "\(response.statusCode)")
                if (200..<300).contains(response.statusCode) { return response }
                failure = ErrorBodyParser.error(for: response, operationID: request.operationID, attempts: attempt)
                retryClass = Self.retryClass(of: failure)
                retryAfter = Self.retryAfter(in: response.headerFields, now: configuration.now())
            } catch let error as NCPError {
                log(request, attempt: attempt, started: started, outcome: error.kind.rawValue)
                failure = error
                retryClass = error.kind == .timeout || error.kind == .transport ? .maybeExecuted : .final
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                if Task.isCancelled { throw CancellationError() }
                log(request, attempt: attempt, started: started, outcome: "transport failure")
                failure = NCPError(kind: .transport, operationID: request.operationID, message: "the request failed: \(error)",
                                   attempts: attempt, underlying: SendableError(error))
                retryClass = .maybeExecuted
            }
            let mayRetry = switch retryClass {
            case .notExecuted: true
            case .maybeExecuted: request.isIdempotent || configuration.retryPolicy.retriesNonIdempotentRequests
            case .final: false
            }
            guard mayRetry, let delay = configuration.retryPolicy.delay(beforeRetry: attempt, retryAfter: retryAfter) else {
                var final = failure
                final.attempts = attempt
                throw final
            }
            try await configuration.sleep(delay)
        }
    }

    /// Sends a request and unwraps the `{code, message, result}` envelope.
    public func send<Result: Decodable & Sendable>(_ request: NCPRequest, expecting: Result.Type) async throws -> Result {
        let response = try await send(request)
        return try NCPEnvelope<Result>.decode(from: response, operationID: request.operationID).result
    }

    /// Sends a request and returns the whole envelope, with any fields beside `result`.
    public func envelope<Result: Decodable & Sendable>(_ request: NCPRequest, expecting: Result.Type) async throws -> NCPEnvelope<Result> {
        let response = try await send(request)
        return try NCPEnvelope<Result>.decode(from: response, operationID: request.operationID, keepingExtraFields: true)
    }

    /// Uploads bytes to a presigned Object Storage URL the service issued: a plain `PUT`, with no NCP headers.
    public func upload(_ data: Data, toPresignedURL url: URL, contentType: String) async throws {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false), components.host != nil else {
            throw NCPError(kind: .invalidRequest, operationID: "presignedUpload", message: "'\(url)' is not an absolute URL", field: "url")
        }
        let pathAndQuery = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        components.percentEncodedPath = ""
        components.percentEncodedQuery = nil
        var request = HTTPRequest(method: .put, scheme: nil, authority: nil, path: pathAndQuery.isEmpty ? "/" : pathAndQuery)
        request.headerFields[.contentType] = contentType
        let (response, body) = try await configuration.transport.send(request, body: HTTPBody(data), baseURL: components.url!, operationID: "presignedUpload")
        var bytes = Data()
        if let body {
            bytes = try await Data(collecting: body, upTo: 1024 * 1024)
        }
        guard (200..<300).contains(response.status.code) else {
            throw NCPError(kind: .httpStatus, operationID: "presignedUpload", message: "the upload was refused", statusCode: response.status.code, rawBody: Array(bytes))
        }
    }

    // MARK: One attempt

    private func attemptOnce(_ request: NCPRequest, credentials: NCPCredentials) async throws -> NCPResponse {
        var httpRequest = HTTPRequest(method: request.method, scheme: nil, authority: nil, path: request.pathAndQuery)
        httpRequest.headerFields[.accept] = "application/json"
        if request.body != nil {
            httpRequest.headerFields[.contentType] = "application/json"
        }
        let transport = configuration.transport
        let now = configuration.now
        let operationID = request.operationID
        // Signing is the last step before the transport, after every middleware: a fresh timestamp and
        // signature per attempt, over the target exactly as it will be sent.
        var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = { request, body, baseURL in
            var signed = request
            for header in RequestSigner.headers(method: request.method.rawValue, pathAndQuery: request.path ?? "/", date: now(), credentials: credentials) {
                signed.headerFields[HTTPField.Name(header.name)!] = header.value
            }
            return try await transport.send(signed, body: body, baseURL: baseURL, operationID: operationID)
        }
        for middleware in configuration.middlewares.reversed() {
            let inner = next
            next = { request, body, baseURL in
                try await middleware.intercept(request, body: body, baseURL: baseURL, operationID: operationID, next: inner)
            }
        }
        let send = next
        let finalRequest = httpRequest
        let baseURL = configuration.baseURL
        let body = request.body.map { HTTPBody($0) }
        return try await withTimeout(configuration.timeout, operationID: operationID) {
            let (response, responseBody) = try await send(finalRequest, body, baseURL)
            var data = Data()
            if let responseBody {
                do {
                    data = try await Data(collecting: responseBody, upTo: Self.maximumBodySize)
                } catch let error as CancellationError {
                    throw error
                } catch {
                    throw NCPError(kind: .transport, operationID: operationID, message: "the response body could not be read: \(error)",
                                   statusCode: response.status.code, underlying: SendableError(error))
                }
            }
            return NCPResponse(statusCode: response.status.code, headerFields: response.headerFields, body: data)
        }
    }

    /// Runs `operation`, throwing a `.timeout` error if it takes longer than `limit`.
    private func withTimeout<T: Sendable>(_ limit: Duration?, operationID: String, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let limit else { return try await operation() }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw NCPError(kind: .timeout, operationID: operationID, message: "no answer within \(limit)")
            }
            return value
        }
    }

    // MARK: Retry decisions

    static func retryClass(of error: NCPError) -> RetryClass {
        if let gateway = error.gatewayCode {
            switch gateway.rawValue {
            case "400", "410", "420", "500": return .notExecuted // throttled, or the backend was never reached
            case "510", "900": return .maybeExecuted
            default: return .final
            }
        }
        switch error.statusCode ?? 0 {
        case 429, 503: return .notExecuted
        case 500...599: return .maybeExecuted
        default: return .final
        }
    }

    /// `Retry-After` as seconds or as an HTTP date.
    static func retryAfter(in headers: HTTPFields, now: Date) -> Duration? {
        guard let value = headers[.retryAfter]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(max(0, Int((date.timeIntervalSince(now) * 1000).rounded(.up))))
    }

    private func log(_ request: NCPRequest, attempt: Int, started: ContinuousClock.Instant, outcome: String) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        configuration.logger.debug("\(request.method.rawValue) \(request.path) -> \(outcome)", metadata: [
            "operation": "\(request.operationID)",
            "attempt": "\(attempt)",
            "durationMs": "\(String(format: "%.1f", milliseconds))",
        ])
    }
}

/// Carries a non-Sendable error's description across concurrency domains.
struct SendableError: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ error: any Error) { description = String(describing: error) }
}
