import Foundation
public import Logging

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
    /// - Parameters:
    ///   - operationID: The polled operation, named in errors and log lines.
    ///   - field: The wire name of the value that says where the job stands, for messages (`status`).
    ///   - policy: How long to wait and how often to ask.
    ///   - sleep: How to pause between polls (the client's sleeper).
    ///   - logger: Gets a debug line for every poll: the value, and how long until the next one.
    ///   - poll: Fetches the job's state once.
    ///   - classify: Says whether a state means success, failure or not yet.
    ///   - describe: The watched value as text (`ANALYZE_FAIL`), or nil when the answer left it out.
    ///   - observe: Sees every polled state, the last one included, before the wait goes on or ends.
    /// - Returns: The last state, when it is a success.
    /// - Throws: `.jobFailed` or `.waitTimedOut` carrying the last state (`NCPError.jobState(as:)`), and whatever
    ///   `poll` or `observe` throws.
    public static func wait<State: Sendable>(operationID: String, watching field: String = "state", policy: WaitPolicy = .default,
                                             sleep: @Sendable (Duration) async throws -> Void,
                                             logger: Logger? = nil,
                                             poll: () async throws -> State,
                                             classify: (State) -> JobState,
                                             describe: (State) -> String? = { String(describing: $0) },
                                             observe: (State) async throws -> Void = { _ in }) async throws -> State {
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
            try await observe(state)
            let reading = describe(state).map { "\(field) \($0)" } ?? "no \(field)"
            let elapsed = max(waited, ContinuousClock.now - start)
            switch classify(state) {
            case .succeeded:
                logger?.debug("\(operationID) poll \(polls): \(reading); done after \(WaitTime.phrase(elapsed))")
                return state
            case .failed:
                logger?.debug("\(operationID) poll \(polls): \(reading); the job failed")
                throw NCPError(kind: .jobFailed, operationID: operationID,
                               message: "the job ended with \(reading) after \(WaitTime.phrase(elapsed))",
                               attempts: polls, jobState: state)
            case .pending:
                let remaining = policy.timeout - elapsed
                guard remaining > .zero else {
                    logger?.debug("\(operationID) poll \(polls): \(reading); giving up")
                    throw NCPError(kind: .waitTimedOut, operationID: operationID,
                                   message: "still \(reading) after \(WaitTime.phrase(policy.timeout)), the wait's limit",
                                   attempts: polls, jobState: state)
                }
                let pause = min(delay * Double.random(in: 0.8...1.2), remaining)
                logger?.debug("\(operationID) poll \(polls): \(reading); asking again in \(WaitTime.phrase(pause))")
                try await sleep(pause)
                waited += pause
                delay = min(delay * 1.5, policy.maxDelay)
            }
        }
    }
}

/// Durations as people say them in messages: `4.2 s`, `3 min 5 s`, `1 h 2 min`.
enum WaitTime {
    static func phrase(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s" }
        let minutes = (whole % 3600) / 60
        return minutes == 0 ? "\(whole / 3600) h" : "\(whole / 3600) h \(minutes) min"
    }
}
