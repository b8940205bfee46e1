import CoreMetrics
import Foundation
import MetricsTestKit
@testable import NCPRuntime
import TestSupport
import Testing

/// Calls, failures by kind, retries, rate-limit waits and latency per operation, through swift-metrics; nothing at
/// all when no backend is set up.
@Suite struct MetricsTests {
    static let getThing = NCPRequest(operationID: "getThing", method: .get, path: "/things/1")
    static let dimensions = [("ncp.operation", "getThing"), ("http.request.method", "GET")]

    func client(_ server: LoopbackServer, metrics: (any MetricsFactory)?, limits: [String: NCPRateLimit] = [:]) -> NCPClient {
        server.client(retryPolicy: RetryPolicy(maxAttempts: 3, initialDelay: .milliseconds(1), maxDelay: .milliseconds(1)),
                      adjust: { $0.metricsFactory = metrics }).withRateLimits(limits)
    }

    @Test func callsFailuresRetriesAndLatencyAreCountedPerOperation() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let metrics = TestMetrics()
        let client = client(server, metrics: metrics)
        _ = try await client.send(Self.getThing)
        server.enqueue(.json(503, #"{"error":{"errorCode":"900","message":"busy"}}"#), .success("{}"))
        _ = try await client.send(Self.getThing)
        server.enqueue(.json(404, #"{"code":"10404","message":"not found"}"#))
        await #expect(throws: NCPError.self) { try await client.send(Self.getThing) }

        #expect(try metrics.expectCounter(CallMetrics.callsLabel, Self.dimensions).totalValue == 3)
        #expect(try metrics.expectCounter(CallMetrics.retriesLabel, Self.dimensions).totalValue == 1)
        let failures = try metrics.expectCounter(CallMetrics.failuresLabel, Self.dimensions + [("ncp.error.kind", "service")])
        #expect(failures.totalValue == 1)
        let latency = try metrics.expectTimer(CallMetrics.durationLabel, Self.dimensions)
        #expect(latency.values.count == 3)
        #expect(latency.values.allSatisfy { $0 > 0 })
        // The dimension names are the tracing spans' attribute names.
        #expect(metrics.counters.allSatisfy { $0.dimensions.map(\.0).starts(with: ["ncp.operation", "http.request.method"]) })
    }

    @Test func rateLimitWaitsAreTimed() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let metrics = TestMetrics()
        // One call per window, counted from each answer: the second call, sent right after the first one's answer,
        // waits for the window however slow the machine is.
        let client = client(server, metrics: metrics, limits: ["getThing": NCPRateLimit(1, per: .milliseconds(300))])
        for _ in 0..<2 { _ = try await client.send(Self.getThing) }
        let waits = try metrics.expectTimer(CallMetrics.rateLimitWaitLabel, Self.dimensions)
        #expect(waits.values.count == 1)
        #expect(waits.values.allSatisfy { $0 > 0 })
    }

    @Test func theBootstrappedOrTaskBoundFactoryIsUsedWhenNoneIsConfigured() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let metrics = TestMetrics()
        let client = client(server, metrics: nil)
        try await withMetricsFactory(metrics) {
            _ = try await client.send(Self.getThing)
        }
        #expect(try metrics.expectCounter(CallMetrics.callsLabel, Self.dimensions).totalValue == 1)
    }

    @Test func withoutABackendNothingIsMadeOrCounted() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = client(server, metrics: nil)
        #expect(MetricsSystem.factory is NOOPMetricsHandler)
        server.enqueue(.json(503, #"{"error":{"errorCode":"900","message":"busy"}}"#))
        for _ in 0..<3 { _ = try await client.send(Self.getThing) }
        #expect(client.storage.metrics.count == 0)
        #expect(client.configuration.description.contains("metrics: MetricsSystem"))
    }
}

extension NCPClient {
    /// The same client with documented rate limits, for tests.
    func withRateLimits(_ limits: [String: NCPRateLimit]) -> NCPClient {
        NCPClient(configuration: configuration, answers: answers, rateLimits: limits)
    }
}
