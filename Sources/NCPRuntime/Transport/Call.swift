import Foundation
import HTTPTypes
import OpenAPIRuntime

/// One call of an operation: its attempts, retries, redirects and clock correction, all within one deadline.
struct Call {
    let storage: NCPClient.Storage
    let request: NCPRequest
    let observer: CallObserver

    private var configuration: NCPClientConfiguration { storage.configuration }
    private var operationID: String { request.operationID }

    /// Where the call is sent next: redirects change it.
    private struct Hop {
        var method: HTTPRequest.Method
        var target: String
        var body: Data?
        var streamed: NCPStreamedBody?
    }

    func run() async throws -> NCPResponse {
        let proof = try await loadProof()
        let started = ContinuousClock.now
        let deadline = Self.deadline(callTimeout: configuration.callTimeout, from: started)
        var hop = Hop(method: request.method, target: storage.base.sentTarget(request.pathAndQuery), body: request.body, streamed: request.streamedBody)
        var attempt = 0
        var failures = 0
        var redirects = 0
        var clockCorrected = false
        while true {
            attempt += 1
            try Task.checkCancellation()
            let (ticket, waited) = try await storage.rateLimiter.acquire(operationID, deadline: deadline) {
                var error = deadlineError(after: ContinuousClock.now - started)
                error.message = "the call's deadline would pass while it waits for a rate-limit slot"
                    + (storage.rateLimiter.limit(of: operationID).map { " (\($0))" } ?? "")
                return error
            }
            if waited > .zero { observer.waitedForRateLimit(waited) }
            // The attempt's place in the rate-limit window counts from its answer, whatever the answer (finishing
            // twice changes nothing).
            defer { ticket?.finish() }
            let limit = try timeLimit(deadline: deadline, started: started)
            let attemptStarted = ContinuousClock.now
            let failure: NCPError
            let retryClass: RetryClass
            var retryAfter: Duration?
            do {
                let response = try await send(hop, proof: proof, limit: limit)
                observer.attemptEnded(attempt, path: hop.target, started: attemptStarted, statusCode: response.statusCode, outcome: "\(response.statusCode)")
                if (200..<300).contains(response.statusCode) {
                    storage.rateLimiter.observe(operationID, throttled: false, retryAfter: nil)
                    observer.succeeded(statusCode: response.statusCode, requestID: ErrorBodyParser.requestID(in: response.headerFields))
                    return response
                }
                if [301, 302, 303, 307, 308].contains(response.statusCode) {
                    hop = try follow(response, from: hop, redirectsSoFar: redirects, attempts: attempt)
                    redirects += 1
                    continue
                }
                failure = ErrorBodyParser.error(for: response, forms: (request.answers ?? storage.answers).errorForms,
                                                operationID: operationID, attempts: attempt)
                if configuration.correctsClockSkew, !clockCorrected, failure.gatewayCode == GatewayErrorCode.authenticationFailed,
                   let correction = storage.clock.correct(fromServerDate: response.headerFields[.date]) {
                    clockCorrected = true
                    configuration.logger.warning("the local clock is \(Int(correction.rounded())) s off the gateway's; signing with the gateway's time from now on",
                                                 metadata: ["operation": "\(operationID)"])
                    continue
                }
                retryClass = NCPClient.retryClass(of: failure)
                retryAfter = NCPClient.retryAfter(in: response.headerFields, now: configuration.now())
                storage.rateLimiter.observe(operationID, throttled: NCPClient.isThrottling(failure), retryAfter: retryAfter)
            } catch let error as NCPError {
                observer.attemptEnded(attempt, path: hop.target, started: attemptStarted, statusCode: error.statusCode, outcome: error.kind.rawValue)
                failure = error
                retryClass = error.kind == .transport || (error.kind == .timeout && !error.isDeadline) ? .maybeExecuted : .final
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                if Task.isCancelled { throw CancellationError() }
                observer.attemptEnded(attempt, path: hop.target, started: attemptStarted, statusCode: nil, outcome: "transport failure")
                failure = NCPError(kind: .transport, operationID: operationID, message: "the request failed: \(error)",
                                   attempts: attempt, underlying: SendableError(error))
                retryClass = .maybeExecuted
            }
            failures += 1
            var final = failure
            final.attempts = attempt
            let mayRetry = switch retryClass {
            case .notExecuted: true
            case .maybeExecuted: request.isIdempotent || configuration.retryPolicy.retriesNonIdempotentRequests
            case .final: false
            }
            guard mayRetry, let delay = configuration.retryPolicy.delay(beforeRetry: failures, retryAfter: retryAfter) else { throw final }
            if let deadline, ContinuousClock.now.advanced(by: delay) >= deadline {
                final.message += " (no retry: the call's deadline would pass first)"
                throw final
            }
            ticket?.finish() // before the back-off: the answer came now
            observer.retrying()
            try await configuration.sleep(delay)
        }
    }

    // MARK: Parts of a call

    /// The earliest of the configured call timeout and any `NCPDeadline` around the call.
    static func deadline(callTimeout: Duration?, from start: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        let configured = callTimeout.map { start.advanced(by: $0) }
        switch (configured, NCPDeadline.current) {
        case let (configured?, scoped?): return min(configured, scoped)
        case let (configured, scoped): return configured ?? scoped
        }
    }

    /// How long the next attempt may take: the attempt timeout, cut short by the call's deadline.
    private func timeLimit(deadline: ContinuousClock.Instant?, started: ContinuousClock.Instant) throws -> (Duration, isDeadline: Bool)? {
        guard let deadline else { return configuration.attemptTimeout.map { ($0, false) } }
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { throw deadlineError(after: ContinuousClock.now - started) }
        if let attemptTimeout = configuration.attemptTimeout, attemptTimeout < remaining { return (attemptTimeout, false) }
        return (remaining, true)
    }

    private func deadlineError(after elapsed: Duration) -> NCPError {
        var error = NCPError(kind: .timeout, operationID: operationID, message: "the call's deadline passed after \(Self.seconds(elapsed))")
        error.isDeadline = true
        return error
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f s", Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// What every attempt of this call proves itself with: a key pair to sign with, or the service's API key.
    private func loadProof() async throws -> Proof {
        switch storage.authentication {
        case .gatewaySignature:
            do {
                return .signature(try await configuration.credentials.credentials())
            } catch let error as CredentialError {
                throw NCPError(kind: .credentials, operationID: operationID, message: error.description)
            }
        case .apiKey(let header, let idHeader):
            guard let key = configuration.apiKey else {
                throw NCPError(kind: .credentials, operationID: operationID,
                               message: "the service takes an API key in \(header), and the configuration's apiKey is not set")
            }
            guard let headerName = HTTPField.Name(header) else {
                throw NCPError(kind: .invalidRequest, operationID: operationID, message: "'\(header)' is not a header name", attempts: 0)
            }
            var idHeaderName: HTTPField.Name?
            if let idHeader {
                idHeaderName = HTTPField.Name(idHeader)
                if idHeaderName == nil {
                    throw NCPError(kind: .invalidRequest, operationID: operationID, message: "'\(idHeader)' is not a header name", attempts: 0)
                }
            }
            if idHeaderName != nil, key.id == nil {
                throw NCPError(kind: .credentials, operationID: operationID,
                               message: "the service takes an API key's ID in \(idHeader ?? ""), and the configuration's apiKey has none")
            }
            return .apiKey(key, header: headerName, idHeader: idHeaderName)
        }
    }

    /// One attempt: middlewares, then signing, then the transport, under the time limit.
    private func send(_ hop: Hop, proof: Proof, limit: (Duration, isDeadline: Bool)?) async throws -> NCPResponse {
        var httpRequest = HTTPRequest(method: hop.method, scheme: nil, authority: nil, path: hop.target)
        httpRequest.headerFields[.accept] = request.accept
        if hop.body != nil || hop.streamed != nil { httpRequest.headerFields[.contentType] = request.contentType }
        for header in request.headers {
            guard let name = HTTPField.Name(header.name), !name.canonicalName.hasPrefix("x-ncp-") else {
                throw NCPError(kind: .invalidRequest, operationID: operationID, message: "'\(header.name)' can't be sent as a header", field: header.name, attempts: 0)
            }
            httpRequest.headerFields.append(HTTPField(name: name, value: header.value))
        }
        observer.inject(into: &httpRequest.headerFields)
        let exchange = Exchange(transport: configuration.transport, middlewares: configuration.middlewares, operationID: operationID,
                                base: storage.base, proxyStripsBasePath: configuration.proxyStripsBasePath, clock: storage.clock,
                                proof: proof, request: httpRequest, body: hop.body, streamed: hop.streamed,
                                destination: request.downloadDestination)
        guard let (duration, isDeadline) = limit else { return try await exchange.run() }
        return try await TimeLimit.run(duration, expired: {
            if isDeadline { return deadlineError(after: duration) }
            return NCPError(kind: .timeout, operationID: operationID, message: "no answer within \(Self.seconds(duration))")
        }, exchange.run)
    }

    /// The next hop of a redirect the policy allows; otherwise a `.redirect` error. Nothing signed is sent anywhere
    /// before this check passes.
    private func follow(_ response: NCPResponse, from hop: Hop, redirectsSoFar: Int, attempts: Int) throws -> Hop {
        func refused(_ reason: String) -> NCPError {
            NCPError(kind: .redirect, operationID: operationID, message: "HTTP \(response.statusCode) redirect \(reason)",
                     statusCode: response.statusCode, requestID: ErrorBodyParser.requestID(in: response.headerFields), attempts: attempts)
        }
        guard let location = response.headerFields[.location],
              let current = URL(string: hop.target, relativeTo: storage.base.origin),
              let destination = URL(string: location, relativeTo: current)?.absoluteURL else {
            throw refused("without a usable Location")
        }
        guard storage.base.isSameOrigin(destination) else {
            throw refused("to another host (\(BaseTarget.authority(of: destination))) refused: signed requests never leave \(BaseTarget.authority(of: storage.base.origin))")
        }
        let policy = configuration.redirectPolicy
        guard policy.maxSameOriginRedirects > 0 else { throw refused("refused by the redirect policy") }
        guard redirectsSoFar < policy.maxSameOriginRedirects else { throw refused("refused: more than \(policy.maxSameOriginRedirects) redirects") }
        var next = hop
        switch response.statusCode {
        case 307, 308: break
        case 303:
            next.method = .get
            next.body = nil
            next.streamed = nil
        default: // 301, 302
            guard hop.method == .get || hop.method == .head else { throw refused("of a \(hop.method.rawValue) refused: clients disagree on what it means") }
        }
        let components = URLComponents(url: destination, resolvingAgainstBaseURL: true)
        let path = components?.percentEncodedPath ?? "/"
        next.target = (path.isEmpty ? "/" : path) + (components?.percentEncodedQuery.map { "?" + $0 } ?? "")
        return next
    }
}

/// One request through the middlewares, the signer and the transport, and its whole answer.
private struct Exchange: Sendable {
    let transport: any ClientTransport
    let middlewares: [any ClientMiddleware]
    let operationID: String
    let base: BaseTarget
    let proxyStripsBasePath: Bool
    let clock: GatewayClock
    let proof: Proof
    let request: HTTPRequest
    let body: Data?
    let streamed: NCPStreamedBody?
    /// Where a successful answer's body goes instead of memory: a download to a file.
    let destination: URL?

    @Sendable func run() async throws -> NCPResponse {
        // A streamed body is made afresh for each attempt: its files are read again from the start.
        let body = try streamed.map { try $0.makeBody(operationID: operationID) } ?? body.map { HTTPBody($0) }
        let (response, responseBody) = middlewares.isEmpty
            ? try await signAndSend(request, body, base.origin)
            : try await throughMiddlewares(body)
        if let destination, (200..<300).contains(response.status.code), let responseBody {
            try await FileDownload.write(responseBody, to: destination, operationID: operationID)
            return NCPResponse(statusCode: response.status.code, headerFields: response.headerFields)
        }
        var data = Data()
        if let responseBody {
            do {
                data = try await Data(collecting: responseBody, upTo: NCPClient.maximumBodySize)
            } catch let error as CancellationError {
                throw error
            } catch {
                throw NCPError(kind: .transport, operationID: operationID, message: "the response body could not be read: \(error)",
                               statusCode: response.status.code, underlying: SendableError(error))
            }
        }
        return NCPResponse(statusCode: response.status.code, headerFields: response.headerFields, body: data)
    }

    /// Signing is the last step before the transport, after every middleware: a fresh timestamp and signature
    /// per attempt, over the target exactly as it will be sent.
    private func signAndSend(_ request: HTTPRequest, _ body: HTTPBody?, _ baseURL: URL) async throws -> (HTTPResponse, HTTPBody?) {
        // A middleware may rewrite the request, but never send the signature to another host.
        guard baseURL == base.origin || base.isSameOrigin(baseURL), request.authority == nil, request.scheme == nil else {
            throw NCPError(kind: .invalidRequest, operationID: operationID,
                           message: "a middleware pointed the request away from \(BaseTarget.authority(of: base.origin)); signed requests never leave it",
                           attempts: 0)
        }
        var signed = request
        switch proof {
        case .signature(let credentials):
            let target = base.signedTarget(request.path ?? "/", proxyStripsBasePath: proxyStripsBasePath)
            let timestamp = String(RequestSigner.epochMilliseconds(clock.now()))
            signed.headerFields[.ncpTimestamp] = timestamp
            signed.headerFields[.ncpAccessKey] = credentials.accessKey
            signed.headerFields[.ncpSignature] = RequestSigner.signature(method: request.method.rawValue, pathAndQuery: target,
                                                                         timestamp: timestamp, credentials: credentials)
        case .apiKey(let key, let header, let idHeader):
            signed.headerFields[header] = key.secret
            if let idHeader, let id = key.id { signed.headerFields[idHeader] = id }
        }
        return try await transport.send(signed, body: body, baseURL: baseURL, operationID: operationID)
    }

    private func throughMiddlewares(_ body: HTTPBody?) async throws -> (HTTPResponse, HTTPBody?) {
        var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = signAndSend
        for middleware in middlewares.reversed() {
            let inner = next
            let operationID = operationID
            next = { request, body, baseURL in
                try await middleware.intercept(request, body: body, baseURL: baseURL, operationID: operationID, next: inner)
            }
        }
        return try await next(request, body, base.origin)
    }
}

/// What a call proves itself with, fetched once per call.
enum Proof: Sendable {
    /// A key pair each attempt signs with afresh.
    case signature(NCPCredentials)
    /// The service's API key, sent as is in the header it names.
    case apiKey(NCPAPIKey, header: HTTPField.Name, idHeader: HTTPField.Name?)
}

extension HTTPField.Name {
    /// The signing headers, parsed once.
    static let ncpTimestamp = HTTPField.Name(RequestSigner.timestampHeader)!
    static let ncpAccessKey = HTTPField.Name(RequestSigner.accessKeyHeader)!
    static let ncpSignature = HTTPField.Name(RequestSigner.signatureHeader)!
}
