import CoreMetrics
import Foundation

/// The metrics of one operation, through swift-metrics: calls, failures by error kind, retries, rate-limit waits
/// and latency, with the tracing spans' attribute names as dimensions (`ncp.operation`, `http.request.method`,
/// `ncp.error.kind`).
///
/// | label | kind | dimensions |
/// |---|---|---|
/// | `ncp.client.calls` | counter | operation, method |
/// | `ncp.client.failures` | counter | operation, method, error kind |
/// | `ncp.client.retries` | counter | operation, method |
/// | `ncp.client.duration` | timer (whole call, retries included) | operation, method |
/// | `ncp.client.rate_limit.wait` | timer (each wait for a rate-limit slot) | operation, method |
final class CallMetrics: Sendable {
    static let callsLabel = "ncp.client.calls"
    static let failuresLabel = "ncp.client.failures"
    static let retriesLabel = "ncp.client.retries"
    static let durationLabel = "ncp.client.duration"
    static let rateLimitWaitLabel = "ncp.client.rate_limit.wait"

    let calls: Counter
    let retries: Counter
    let duration: CoreMetrics.Timer
    let rateLimitWait: CoreMetrics.Timer
    private let factory: any MetricsFactory
    private let dimensions: [(String, String)]
    private let failures: LockedCounters

    init(operationID: String, method: String, factory: any MetricsFactory) {
        self.factory = factory
        dimensions = [("ncp.operation", operationID), ("http.request.method", method)]
        calls = Counter(label: Self.callsLabel, dimensions: dimensions, factory: factory)
        retries = Counter(label: Self.retriesLabel, dimensions: dimensions, factory: factory)
        duration = CoreMetrics.Timer(label: Self.durationLabel, dimensions: dimensions, factory: factory)
        rateLimitWait = CoreMetrics.Timer(label: Self.rateLimitWaitLabel, dimensions: dimensions, factory: factory)
        failures = LockedCounters()
    }

    /// The failure counter for one kind of error, made the first time that kind occurs.
    func failures(of kind: String) -> Counter {
        failures.counter(for: kind) {
            Counter(label: Self.failuresLabel, dimensions: dimensions + [("ncp.error.kind", kind)], factory: factory)
        }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// A client's `CallMetrics`, one per operation and metrics factory, made on first use.
///
/// With no metrics backend bootstrapped (swift-metrics' no-op factory) nothing is made or looked up: a call pays
/// for one check of the factory.
final class MetricsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byOperation: [String: CallMetrics] = [:]
    private var factoryIdentity: ObjectIdentifier?

    /// The metrics for a call, or nil when metrics go nowhere.
    func metrics(for request: NCPRequest, factory configured: (any MetricsFactory)?) -> CallMetrics? {
        let factory = configured ?? MetricsSystem.factory
        guard !(factory is NOOPMetricsHandler) else { return nil }
        let identity = ObjectIdentifier(factory as AnyObject)
        return lock.withLock {
            if factoryIdentity != identity {
                // A different backend (bootstrapped later, or bound for a task): start over with its metrics.
                byOperation.removeAll()
                factoryIdentity = identity
            }
            if let existing = byOperation[request.operationID] { return existing }
            let made = CallMetrics(operationID: request.operationID, method: request.method.rawValue, factory: factory)
            byOperation[request.operationID] = made
            return made
        }
    }

    /// How many operations have metrics made, for tests.
    var count: Int { lock.withLock { byOperation.count } }
}

/// Failure counters by error kind.
private final class LockedCounters: @unchecked Sendable {
    private let lock = NSLock()
    private var counters: [String: Counter] = [:]

    func counter(for kind: String, make: () -> Counter) -> Counter {
        lock.withLock {
            if let existing = counters[kind] { return existing }
            let made = make()
            counters[kind] = made
            return made
        }
    }
}
