import Foundation
@testable import NCPRuntime
import TestSupport
import Testing

/// Client-side rate limits: documented limits kept per operation and per client, waiting rather than failing,
/// switchable off, and slowing down after throttling answers in adaptive mode.
@Suite struct RateLimitTests {
    static let ping = NCPRequest(operationID: "ping", method: .get, path: "/ping")

    func client(_ server: LoopbackServer, limits: [String: NCPRateLimit], mode: NCPRateLimiting = .documented,
                log: CapturedLog = CapturedLog(), retryPolicy: RetryPolicy = .default) -> NCPClient {
        var configuration = NCPClientConfiguration(
            baseURL: server.baseURL, credentials: StaticCredentialProvider(accessKey: server.accessKey, secretKey: server.secretKey),
            retryPolicy: retryPolicy, rateLimiting: mode, logger: log.logger)
        configuration.logger.logLevel = .debug
        return NCPClient(configuration: configuration, answers: .testEnvelope, rateLimits: limits)
    }

    /// The most requests the server saw in any one-second window.
    static func busiestSecond(_ arrivals: [ContinuousClock.Instant]) -> Int {
        let sorted = arrivals.sorted()
        var most = 0, start = 0
        for end in sorted.indices {
            while sorted[end] - sorted[start] >= .seconds(1) { start += 1 }
            most = max(most, end - start + 1)
        }
        return most
    }

    @Test func aThousandConcurrentCallsOfAnOperationDocumentedAt50PerSecondNeverExceedIt() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = client(server, limits: ["ping": NCPRateLimit(50, per: .seconds(1))])
        let succeeded = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<1_000 { group.addTask { (try? await client.send(Self.ping)) != nil } }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(succeeded == 1_000)
        let arrivals = server.requests.map(\.arrivedAt)
        #expect(arrivals.count == 1_000) // every call sent once: none was throttled and retried
        #expect(Self.busiestSecond(arrivals) <= 50)
        #expect(Self.busiestSecond(arrivals) >= 35) // and the limit is used, not just kept (loosely: CI machines are busy)
    }

    @Test func callsOverTheLimitWaitForASlotAndOtherOperationsDoNot() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let log = CapturedLog()
        // One call per window, counted from each answer: each call sent right after the previous answer waits,
        // however slow the machine is.
        let client = client(server, limits: ["ping": NCPRateLimit(1, per: .milliseconds(300))], log: log)
        #expect(client.rateLimit(of: "ping") == NCPRateLimit(1, per: .milliseconds(300)))
        #expect(client.rateLimit(of: "other") == nil)
        for _ in 0..<3 { _ = try await client.send(Self.ping) }
        for _ in 0..<20 { _ = try await client.send(NCPRequest(operationID: "other", method: .get, path: "/other")) }
        let waits = log.lines.filter { $0.contains("for a rate-limit slot") }
        #expect(waits.count == 2)
        #expect(waits.allSatisfy { $0.contains("operation=ping") })
    }

    @Test func rateLimitingOffSendsAtOnce() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let log = CapturedLog()
        let client = client(server, limits: ["ping": NCPRateLimit(1, per: .seconds(60))], mode: .off, log: log)
        #expect(client.rateLimit(of: "ping") == nil)
        for _ in 0..<10 { _ = try await client.send(Self.ping) }
        #expect(server.requests.count == 10)
        #expect(!log.lines.contains { $0.contains("rate-limit slot") })
        #expect(client.configuration.description.contains("rateLimiting: off"))
    }

    @Test func aWaitThatWouldPassTheDeadlineFailsAtOnceNamingTheLimit() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = client(server, limits: ["ping": NCPRateLimit(1, per: .seconds(60))])
        _ = try await client.send(Self.ping)
        let error = await #expect(throws: NCPError.self) {
            try await NCPDeadline.withTimeout(.seconds(5)) { try await client.send(Self.ping) }
        }
        #expect(error?.kind == .timeout)
        #expect(error?.message.contains("while it waits for a rate-limit slot (1 per 60.0 seconds)") == true)
        #expect(server.requests.count == 1)
    }

    @Test func limitsAreKeptPerClient() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let first = client(server, limits: ["ping": NCPRateLimit(1, per: .seconds(60))])
        let second = client(server, limits: ["ping": NCPRateLimit(1, per: .seconds(60))])
        _ = try await first.send(Self.ping)
        _ = try await second.send(Self.ping) // its own window: no wait
        let copy = first // copies share their client's window
        await #expect(throws: NCPError.self) {
            try await NCPDeadline.withTimeout(.seconds(1)) { try await copy.send(Self.ping) }
        }
        #expect(server.requests.count == 2)
    }

    @Test func adaptiveModePausesAnUndocumentedOperationAfterA429() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let log = CapturedLog()
        let adaptive = client(server, limits: [:], mode: .adaptive, log: log, retryPolicy: RetryPolicy(maxAttempts: 1))
        server.enqueue(.json(429, #"{"error":{"errorCode":"420","message":"Rate Limited"}}"#, headers: ["Retry-After": "1"]))
        await #expect(throws: NCPError.self) { try await adaptive.send(Self.ping) }
        _ = try await adaptive.send(Self.ping)
        #expect(log.lines.contains { $0.contains("for a rate-limit slot") && $0.contains("operation=ping") })
        // The default mode doesn't pause: the retry policy alone answers a throttling answer.
        let plainLog = CapturedLog()
        let plain = client(server, limits: [:], log: plainLog, retryPolicy: RetryPolicy(maxAttempts: 1))
        server.enqueue(.json(429, #"{"error":{"errorCode":"420","message":"Rate Limited"}}"#, headers: ["Retry-After": "1"]))
        await #expect(throws: NCPError.self) { try await plain.send(Self.ping) }
        _ = try await plain.send(Self.ping)
        #expect(!plainLog.lines.contains { $0.contains("rate-limit slot") })
    }

    @Test func adaptiveWindowsStretchOnThrottlingAndRecover() {
        let window = RateWindow(NCPRateLimit(10, per: .milliseconds(100)))
        #expect(window.currentStretch == 1)
        let start = ContinuousClock.now
        window.throttled(retryAfter: nil, now: start)
        window.throttled(retryAfter: nil, now: start)
        #expect(window.currentStretch == 4)
        for _ in 0..<6 { window.throttled(retryAfter: nil, now: start) }
        #expect(window.currentStretch == 32) // never slower than 1/32 of the documented rate
        window.succeeded(now: start + .milliseconds(50))
        #expect(window.currentStretch == 32) // not a whole window yet
        var now = start
        for _ in 0..<5 {
            now += .seconds(4) // a whole (stretched) window without throttling
            window.succeeded(now: now)
        }
        #expect(window.currentStretch == 1)
        // After a Retry-After, no slot is handed out before it passes.
        window.throttled(retryAfter: .seconds(3), now: now)
        #expect(window.reserve(now: now).slot >= now + .seconds(3))
    }

    @Test func aCallWaitsForTheAnswerOfTheCallItsWindowCountsFrom() async {
        let window = RateWindow(NCPRateLimit(2, per: .seconds(10)))
        let now = ContinuousClock.now
        let first = window.reserve(now: now), second = window.reserve(now: now)
        #expect(window.admit(first, now: now) == .go)
        #expect(window.admit(second, now: now) == .go)
        let third = window.reserve(now: now)
        #expect(third.slot >= now + .seconds(10)) // the window is full
        #expect(window.admit(third, now: third.slot) == .awaitEarlier) // the first call has no answer yet
        window.finish(first, now: now + .seconds(1))
        #expect(window.admit(third, now: third.slot) == .sleep(now + .seconds(1) + .seconds(10) * 1.01 - third.slot))
        // A call that gives up waiting frees its place: the one after it doesn't wait for an answer that never comes.
        let fourth = window.reserve(now: now)
        window.finish(second, now: now)
        #expect(window.admit(fourth, now: fourth.slot) == .go)
    }

    @Test func awaitingAnEarlierAnswerEndsWhenItArrivesOrOnCancellation() async throws {
        let window = RateWindow(NCPRateLimit(1, per: .milliseconds(10)))
        let first = window.reserve()
        let second = window.reserve()
        let waiting = Task { await window.awaitEarlier(second) }
        try await Task.sleep(for: .milliseconds(20))
        window.finish(first)
        await waiting.value
        let third = window.reserve()
        let cancelled = Task { await window.awaitEarlier(third) }
        cancelled.cancel()
        await cancelled.value // returns rather than waiting for an answer that never comes
    }
}
