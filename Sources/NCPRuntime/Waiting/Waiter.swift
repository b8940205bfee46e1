import Foundation

/// Where a polled job stands.
public enum JobState: Sendable, Equatable {
    case succeeded
    case failed
    case pending
}

/// How long to wait for a job and how often to ask.
public struct WaitPolicy: Sendable, Equatable {
    /// The delay before the second poll; it grows by half each time.
    public var initialDelay: Duration
    /// The longest delay between polls.
    public var maxDelay: Duration
    /// How long to wait in all before giving up.
    public var timeout: Duration

    /// Creates a policy.
    public init(initialDelay: Duration = .seconds(2), maxDelay: Duration = .seconds(30), timeout: Duration = .seconds(3600)) {
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.timeout = timeout
    }

    /// Analysis of a long video can take as long as the video; an hour by default.
    public static let `default` = WaitPolicy()
}

/// Polls until a job ends; jittered, growing delays, never sleeping past the deadline.
public enum JobWaiter {
    /// Polls `poll` until `classify` says the job ended.
    /// - Returns: The last state, when it is a success.
    /// - Throws: `.jobFailed` with the state's description when it failed, `.waitTimedOut` at the deadline,
    ///   and whatever `poll` throws.
    public static func wait<State: Sendable>(operationID: String, policy: WaitPolicy = .default,
                                             sleep: @Sendable (Duration) async throws -> Void,
                                             poll: () async throws -> State,
                                             classify: (State) -> JobState) async throws -> State {
        let start = ContinuousClock.now
        // Time counts as the larger of what was slept and what passed, so an instant test sleeper still
        // reaches the deadline.
        var waited = Duration.zero
        var delay = policy.initialDelay
        var polls = 0
        while true {
            try Task.checkCancellation()
            let state = try await poll()
            polls += 1
            switch classify(state) {
            case .succeeded:
                return state
            case .failed:
                throw NCPError(kind: .jobFailed, operationID: operationID, message: "the job ended in \(state)", attempts: polls)
            case .pending:
                let remaining = policy.timeout - max(waited, ContinuousClock.now - start)
                guard remaining > .zero else {
                    throw NCPError(kind: .waitTimedOut, operationID: operationID,
                                   message: "still \(state) after \(policy.timeout); gave up", attempts: polls)
                }
                let jittered = delay * Double.random(in: 0.8...1.2)
                let pause = min(jittered, remaining)
                try await sleep(pause)
                waited += pause
                delay = min(delay * 1.5, policy.maxDelay)
            }
        }
    }
}
