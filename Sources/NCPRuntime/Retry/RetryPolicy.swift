/// When and how long to wait before trying a request again.
///
/// The client asks the policy only about failures that may be retried at all: 429, 5xx, the gateway's
/// throttle and endpoint codes, timeouts and connection failures. A request the server may have run
/// (a 500, a timeout, a dropped connection) is repeated only if it is idempotent, or if
/// `retriesNonIdempotentRequests` says so.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included; 1 means never retry.
    public var maxAttempts: Int
    /// The delay before the first retry; it doubles after each.
    public var initialDelay: Duration
    /// The longest computed delay.
    public var maxDelay: Duration
    /// The longest `Retry-After` the client will honour; a longer one ends the retries.
    public var maxRetryAfter: Duration
    /// Spread delays uniformly over `0...delay` ("full jitter") so clients don't retry in lockstep.
    public var jitter: Bool
    /// Also repeat non-idempotent requests that the server may have run.
    public var retriesNonIdempotentRequests: Bool

    /// Creates a policy.
    public init(maxAttempts: Int, initialDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(10),
                maxRetryAfter: Duration = .seconds(60), jitter: Bool = true, retriesNonIdempotentRequests: Bool = false) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.jitter = jitter
        self.retriesNonIdempotentRequests = retriesNonIdempotentRequests
    }

    /// Four attempts, 200 ms doubling up to 10 s, with jitter.
    public static let `default` = RetryPolicy(maxAttempts: 4)
    /// Never retry.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The delay before retry number `retry` (1 for the first retry), or nil to stop.
    /// - Parameters:
    ///   - retry: Which retry this is: 1 for the first.
    ///   - retryAfter: The server's `Retry-After`, which replaces the computed delay.
    ///   - random: Draws the jitter factor from a range; tests pass a fixed one.
    public func delay(beforeRetry retry: Int, retryAfter: Duration? = nil,
                      random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }) -> Duration? {
        guard retry < maxAttempts else { return nil }
        if let retryAfter {
            return retryAfter <= maxRetryAfter ? retryAfter : nil
        }
        let exponential = initialDelay * Int(min(1 << min(retry - 1, 30), Int(Int32.max)))
        let capped = min(exponential, maxDelay)
        return jitter ? capped * random(0...1) : capped
    }
}

/// What a failed attempt means for retrying.
enum RetryClass {
    /// The server certainly did not run the request (429, gateway throttling, connection refused).
    case notExecuted
    /// The server may have run it (500, 502, 504, a timeout, a dropped connection).
    case maybeExecuted
    /// Retrying won't help (4xx, decoding).
    case final
}
