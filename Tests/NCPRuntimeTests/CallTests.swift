import Foundation
import HTTPTypes
import InMemoryTracing
import NCPAsyncHTTPClient
@testable import NCPRuntime
import OpenAPIRuntime
import Testing
import TestSupport
import Tracing

/// Deadlines, the clock correction, base URLs with a path, answers with a null result, path segments and tracing.
@Suite(.serialized) struct CallTests {
    func request(_ path: String = "/api/v1/workspaces/w") -> NCPRequest {
        NCPRequest(operationID: "getWorkspace", method: .get, path: path)
    }

    @Test func theCallTimeoutBoundsEveryAttemptAndBackOff() async throws {
        let server = try await LoopbackServer.start(fallback: LoopbackServer.Answer(status: 200, body: Data(), delay: .seconds(5)))
        defer { Task { await server.stop() } }
        let client = server.client(retryPolicy: RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(10), jitter: false), timeout: .milliseconds(400), adjust: {
            $0.callTimeout = .milliseconds(900)
            $0.sleep = { try await Task.sleep(for: $0) }
        })
        let started = ContinuousClock.now
        let error = await #expect(throws: NCPError.self) { try await client.send(request()) }
        let elapsed = ContinuousClock.now - started
        #expect(error?.kind == .timeout)
        // Two whole attempts of 400 ms fit, and the deadline ends the call: by cutting a third short, or, on a machine
        // so busy that the first two ran late, by refusing to start it. Never a fourth attempt.
        #expect(error?.message.contains("deadline") == true, "\(error?.message ?? "")")
        #expect((2...3).contains(error?.attempts ?? 0))
        // An attempt the deadline cuts short may end before its request reaches the server; none arrives uncounted.
        #expect(server.requests.count <= (error?.attempts ?? 0) && server.requests.count >= (error?.attempts ?? 0) - 1)
        #expect(elapsed < .seconds(3), "the four attempts of 400 ms and their back-off were not cut short: \(elapsed)")
    }

    @Test func aBackOffThatWouldPassTheDeadlineEndsTheCallAtOnce() async throws {
        let server = try await LoopbackServer.start(fallback: .json(503, #"{"error":{"errorCode":"500","message":"Endpoint Error"}}"#))
        defer { Task { await server.stop() } }
        let sleeper = RecordingSleeper()
        let client = server.client(retryPolicy: RetryPolicy(maxAttempts: 4, initialDelay: .seconds(30), jitter: false), sleeper: sleeper, adjust: {
            $0.callTimeout = .seconds(10)
        })
        let error = await #expect(throws: NCPError.self) { try await client.send(request()) }
        #expect(error?.kind == .gateway)
        #expect(error?.message.hasSuffix("(no retry: the call's deadline would pass first)") == true)
        #expect(sleeper.sleeps.isEmpty)
        #expect(server.requests.count == 1)
    }

    @Test func aDeadlineAroundCallsAppliesToEachOfThem() async throws {
        let server = try await LoopbackServer.start(fallback: LoopbackServer.Answer(status: 200, body: Data(), delay: .seconds(5)))
        defer { Task { await server.stop() } }
        let client = server.client(retryPolicy: .none, timeout: nil, adjust: { $0.callTimeout = nil })
        let started = ContinuousClock.now
        let error = await #expect(throws: NCPError.self) {
            try await NCPDeadline.withTimeout(.milliseconds(300)) {
                // The tighter of two nested deadlines wins.
                try await NCPDeadline.withTimeout(.seconds(60)) { try await client.send(request()) }
            }
        }
        #expect(error?.kind == .timeout)
        #expect(ContinuousClock.now - started < .seconds(4))
    }

    @Test func aWrongLocalClockIsCorrectedFromTheGatewaysDateOnce() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        // The local clock is 20 minutes slow; the gateway says what time it is.
        let offset: TimeInterval = -1200
        let gatewayDate = Self.httpDate(Date())
        server.enqueue(.json(401, #"{"error":{"errorCode":"200","message":"Authentication Failed"}}"#, headers: ["Date": gatewayDate]),
                       .success(#"{"workspaceName":"w"}"#), .success(#"{"workspaceName":"w"}"#))
        let log = CapturedLog()
        let client = server.client(logger: log.logger, now: { Date().addingTimeInterval(offset) })
        _ = try await client.send(request(), expecting: Workspace.self)
        _ = try await client.send(request(), expecting: Workspace.self)
        let requests = server.requests
        #expect(requests.count == 3)
        #expect(!requests[0].signatureIsValid) // 20 minutes off
        #expect(requests[1].signatureIsValid && requests[2].signatureIsValid) // corrected, and kept for later calls
        // The `Date` header has whole seconds, so the correction is 1,200 s give or take one.
        #expect(log.lines.contains { line in ["1199", "1200", "1201"].contains { line.hasPrefix("warning the local clock is \($0) s off the gateway's") } },
                "\(log.lines)")
    }

    @Test func anAuthenticationFailureWithARightClockIsNotRetried() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(401, #"{"error":{"errorCode":"200","message":"Authentication Failed"}}"#, headers: ["Date": Self.httpDate(Date())]))
        let error = await #expect(throws: NCPError.self) { try await server.client().send(request()) }
        #expect(error?.gatewayCode == "200")
        #expect(server.requests.count == 1)
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    @Test(arguments: ["/gw", "/gw/"])
    func aBaseURLWithAPathIsSentAndSignedWithIt(prefix: String) async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = server.configuredClient { $0.baseURL = URL(string: "http://127.0.0.1:\(server.port)\(prefix)")! }
        _ = try await client.send(request())
        let received = try #require(server.requests.first)
        #expect(received.target == "/gw/api/v1/workspaces/w")
        #expect(received.signatureIsValid)
    }

    @Test func aStrippingProxyGetsTheSignatureOfThePathTheGatewaySees() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = server.configuredClient {
            $0.baseURL = URL(string: "http://127.0.0.1:\(server.port)/gw")!
            $0.proxyStripsBasePath = true
        }
        _ = try await client.send(request())
        let received = try #require(server.requests.first)
        #expect(received.target == "/gw/api/v1/workspaces/w")
        #expect(server.verifySignature(method: "GET", target: "/api/v1/workspaces/w", headers: received.headers))
    }

    @Test(arguments: ["URLSession", "AsyncHTTPClient"])
    func dotPathParametersStayOneSegmentOnTheWire(transport: String) async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = server.configuredClient {
            $0.transport = transport == "URLSession" ? NCPTransport.urlSession() : NCPTransport.asyncHTTPClient()
        }
        for value in [".", ".."] {
            _ = try await client.send(request("/api/v1/workspaces/w/scene-summaries/\(PercentEncoding.pathSegment(value))/status"))
        }
        #expect(server.requests.map(\.target) == ["/api/v1/workspaces/w/scene-summaries/%2E/status",
                                                   "/api/v1/workspaces/w/scene-summaries/%2E%2E/status"])
        #expect(server.requests.allSatisfy { $0.signatureIsValid })
    }

    @Test func aNullResultIsLikeAMissingOneForOpenJSON() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(200, #"{"code":"0","message":"success","result":null}"#), .json(200, #"{"code":"0","message":"success"}"#))
        #expect(try await server.client().send(request(), expecting: JSONValue.self) == .null)
        #expect(try await server.client().send(request(), expecting: JSONValue.self) == .null)
        // A documented result that is null is still an error.
        server.enqueue(.json(200, #"{"code":"0","message":"success","result":null}"#))
        let error = await #expect(throws: NCPError.self) { try await server.client().send(request(), expecting: Workspace.self) }
        #expect(error?.field == "result")
    }

    @Test func eachCallIsASpanWithAnEventPerAttemptAndNoSecrets() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(503, #"{"error":{"errorCode":"500","message":"Endpoint Error"}}"#),
                       .json(200, #"{"code":"0","message":"success","result":{}}"#, headers: ["x-ncp-trace-id": "trace-1"]),
                       .json(404, #"{"code":"10030","message":"The workspace does not exist."}"#, headers: ["x-ncp-trace-id": "trace-2"]))
        let tracer = InMemoryTracer()
        let client = server.configuredClient { $0.tracer = tracer }
        _ = try await client.send(request())
        _ = await #expect(throws: NCPError.self) { try await client.send(request()) }
        let spans = tracer.finishedSpans
        #expect(spans.count == 2)
        let success = try #require(spans.first)
        #expect(success.operationName == "getWorkspace")
        #expect(success.kind == .client)
        #expect(success.attributes["ncp.operation"]?.toSpanAttribute() == "getWorkspace")
        #expect(success.attributes["ncp.attempts"]?.toSpanAttribute() == .int64(2))
        #expect(success.attributes["http.response.status_code"]?.toSpanAttribute() == .int64(200))
        #expect(success.attributes["ncp.request_id"]?.toSpanAttribute() == "trace-1")
        #expect(success.events.map(\.name) == ["ncp.attempt", "ncp.attempt"])
        #expect(success.events.first?.attributes["http.response.status_code"]?.toSpanAttribute() == .int64(503))
        let failure = try #require(spans.last)
        #expect(failure.status?.code == .error)
        #expect(failure.attributes["ncp.service_code"]?.toSpanAttribute() == "10030")
        #expect(failure.attributes["ncp.request_id"]?.toSpanAttribute() == "trace-2")
        #expect(failure.errors.count == 1)
        // Nothing that signs: neither in the spans nor in what the tracer injected into the headers.
        let everything = spans.map { "\($0)" }.joined() + tracer.performedContextInjections.map { "\($0.values)" }.joined()
        #expect(!everything.contains(server.secretKey) && !everything.contains(server.accessKey))
        for signature in server.requests.compactMap({ $0.headers["x-ncp-apigw-signature-v2"] }) {
            #expect(!everything.contains(signature))
        }
        // The span's context went out with each attempt.
        #expect(server.requests.allSatisfy { $0.headers[InMemoryTracer.traceIDKey] != nil })
    }
}
