/// Faults to test retries with: a share of calls answered with the gateway's `503 Endpoint Error`, a share
/// throttled with `429` and `Retry-After`, and a delay before every answer.
public struct FaultPlan: Sendable {
    /// Share of calls (0–1) that fail with 503 (`--fail-rate`).
    public var failRate: Double
    /// Share of calls (0–1) throttled with 429 and `Retry-After: 1` (`--throttle-rate`).
    public var throttleRate: Double
    /// Delay before each answer (`--latency`).
    public var latency: Duration

    /// No faults.
    public static let none = FaultPlan()

    /// A plan; every share is clamped to 0–1.
    public init(failRate: Double = 0, throttleRate: Double = 0, latency: Duration = .zero) {
        self.failRate = min(1, max(0, failRate))
        self.throttleRate = min(1, max(0, throttleRate))
        self.latency = latency
    }

    /// What happens to one call, given a number drawn uniformly from 0..<1.
    func fault(for draw: Double) -> Fault? {
        if draw < failRate { return .fail }
        if draw < failRate + throttleRate { return .throttle }
        return nil
    }

    enum Fault: Sendable { case fail, throttle }
}
