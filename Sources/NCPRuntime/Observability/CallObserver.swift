import Foundation
import HTTPTypes
import Logging
import Tracing

/// What a call reports while it runs: a debug log line per attempt, and on the tracer a span per call with an
/// event per attempt.
///
/// Only the operation, method, path, status, codes, timings and request id are ever recorded: never a header,
/// a key or a signature.
struct CallObserver: Sendable {
    /// The call's span; nil when no tracer is set up, so untraced calls pay for no span.
    let span: (any Span)?
    let tracer: (any Tracer)?
    let logger: Logger
    let operationID: String
    let method: String
    /// The operation's metrics; nil when no metrics backend is set up.
    let metrics: CallMetrics?

    /// Runs `body` inside a span named after the operation, on `tracer`, and counts the call in `metrics`.
    static func observe<Value>(_ request: NCPRequest, tracer: any Tracer, logger: Logger, metrics: CallMetrics?,
                               _ body: (CallObserver) async throws -> Value) async throws -> Value {
        guard let metrics else { return try await traced(request, tracer: tracer, logger: logger, metrics: nil, body) }
        let started = ContinuousClock.now
        defer {
            metrics.calls.increment()
            metrics.duration.recordNanoseconds(CallMetrics.nanoseconds(ContinuousClock.now - started))
        }
        do {
            return try await traced(request, tracer: tracer, logger: logger, metrics: metrics, body)
        } catch {
            metrics.failures(of: (error as? NCPError)?.kind.rawValue ?? (error is CancellationError ? "cancelled" : "other")).increment()
            throw error
        }
    }

    private static func traced<Value>(_ request: NCPRequest, tracer: any Tracer, logger: Logger, metrics: CallMetrics?,
                                      _ body: (CallObserver) async throws -> Value) async throws -> Value {
        guard !(tracer is NoOpTracer) else {
            return try await body(CallObserver(span: nil, tracer: nil, logger: logger, operationID: request.operationID,
                                               method: request.method.rawValue, metrics: metrics))
        }
        let span = startSpan(request, on: tracer)
        defer { span.end() }
        let observer = CallObserver(span: span, tracer: tracer, logger: logger, operationID: request.operationID,
                                    method: request.method.rawValue, metrics: metrics)
        do {
            return try await InstrumentationContext.$current.withValue(span.context) { try await body(observer) }
        } catch {
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error))
            observer.record(error)
            throw error
        }
    }

    private static func startSpan(_ request: NCPRequest, on tracer: some Tracer) -> any Span {
        let span = tracer.startSpan(request.operationID, context: InstrumentationContext.current ?? .topLevel, ofKind: .client,
                                    at: DefaultTracerClock.now, function: #function, file: #fileID, line: #line)
        span.attributes["ncp.operation"] = request.operationID
        span.attributes["http.request.method"] = request.method.rawValue
        return span
    }

    /// Adds the span's context to the request headers (W3C `traceparent` and the like), when a tracer is set up.
    func inject(into fields: inout HTTPFields) {
        guard let span, let tracer else { return }
        tracer.inject(span.context, into: &fields, using: HTTPFieldsInjector())
    }

    /// One attempt ended: `outcome` is the status code or the kind of failure.
    func attemptEnded(_ attempt: Int, path: String, started: ContinuousClock.Instant, statusCode: Int?, outcome: String) {
        logger.debug("\(method) \(path) -> \(outcome)", metadata: [
            "operation": "\(operationID)",
            "attempt": "\(attempt)",
            "durationMs": "\(Self.milliseconds(ContinuousClock.now - started))",
        ])
        guard let span, span.isRecording else { return }
        var attributes: SpanAttributes = [:]
        attributes["ncp.attempt"] = attempt
        attributes["ncp.outcome"] = outcome
        if let statusCode { attributes["http.response.status_code"] = statusCode }
        span.addEvent(SpanEvent(name: "ncp.attempt", attributes: attributes))
        span.attributes["ncp.attempts"] = attempt
        if let statusCode { span.attributes["http.response.status_code"] = statusCode }
    }

    /// An attempt failed and the call will try again after a back-off.
    func retrying() {
        metrics?.retries.increment()
    }

    /// The call waited for a rate-limit slot before an attempt.
    func waitedForRateLimit(_ duration: Duration) {
        metrics?.rateLimitWait.recordNanoseconds(CallMetrics.nanoseconds(duration))
        logger.debug("waited \(Self.milliseconds(duration)) ms for a rate-limit slot", metadata: ["operation": "\(operationID)"])
        guard let span, span.isRecording else { return }
        var attributes: SpanAttributes = [:]
        attributes["ncp.wait_ms"] = Self.milliseconds(duration)
        span.addEvent(SpanEvent(name: "ncp.rate_limit_wait", attributes: attributes))
    }

    /// A call's final answer arrived.
    func succeeded(statusCode: Int, requestID: @autoclosure () -> String?) {
        guard let span, span.isRecording else { return }
        span.attributes["http.response.status_code"] = statusCode
        if let requestID = requestID() { span.attributes["ncp.request_id"] = requestID }
    }

    /// The codes of a failure, as attributes.
    private func record(_ error: any Error) {
        guard let span, span.isRecording, let error = error as? NCPError else { return }
        span.attributes["ncp.error.kind"] = error.kind.rawValue
        span.attributes["ncp.attempts"] = error.attempts
        if let status = error.statusCode { span.attributes["http.response.status_code"] = status }
        if let code = error.serviceCode { span.attributes["ncp.service_code"] = code.rawValue }
        if let code = error.gatewayCode { span.attributes["ncp.gateway_code"] = code.rawValue }
        if let requestID = error.requestID { span.attributes["ncp.request_id"] = requestID }
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}

/// Writes trace context into HTTP header fields.
private struct HTTPFieldsInjector: Injector {
    func inject(_ value: String, forKey key: String, into fields: inout HTTPFields) {
        // Never let a tracer overwrite the signing headers.
        guard !key.lowercased().hasPrefix("x-ncp-"), let name = HTTPField.Name(key) else { return }
        fields[name] = value
    }
}
