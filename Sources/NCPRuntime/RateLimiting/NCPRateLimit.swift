/// A documented rate limit of one operation: at most `limit` calls in any `period`.
public struct NCPRateLimit: Sendable, Hashable, CustomStringConvertible {
    /// How many calls the period allows.
    public var limit: Int
    /// The period the limit counts over.
    public var period: Duration

    /// At most `limit` calls in any `period` (at least one call, and a period longer than zero).
    public init(_ limit: Int, per period: Duration) {
        self.limit = max(1, limit)
        self.period = period > .zero ? period : .seconds(1)
    }

    /// `50 per 1.0 seconds`.
    public var description: String { "\(limit) per \(period)" }
}

/// How a client keeps to the documented rate limits of its operations.
public enum NCPRateLimiting: Sendable, Hashable, CustomStringConvertible {
    /// No client-side limit: every call goes out at once, and the gateway's throttling answers are retried.
    case off
    /// Each operation with a documented limit waits for a free slot instead of being throttled (the default).
    /// Slots are counted per client.
    case documented
    /// As `documented`, and after a throttling answer (HTTP 429, or the gateway's 410 "Throttle Limited" and
    /// 420 "Rate Limited") the operation slows down: its window stretches to twice as long, up to 32 times, and
    /// an operation without a documented limit pauses as the answer's `Retry-After` says (else a second). Each
    /// window without throttling brings the rate back towards the documented one.
    case adaptive

    public var description: String {
        switch self {
        case .off: "off"
        case .documented: "documented"
        case .adaptive: "adaptive"
        }
    }
}
