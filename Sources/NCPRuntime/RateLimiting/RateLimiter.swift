import Foundation

/// A client's side of its operations' rate limits: one sliding window per operation with a documented limit, and
/// in adaptive mode a pause per operation after throttling answers.
///
/// Waiting uses the real clock (`Task.sleep`), never the configuration's sleeper: the windows are measured in
/// real time, so a sleeper that returns at once would only make the wait spin.
final class RateLimiter: Sendable {
    let mode: NCPRateLimiting
    /// Built once, with the client: looking an operation up takes no lock.
    private let windows: [String: RateWindow]
    /// Adaptive mode, operations without a documented limit: when each may send again after a throttling answer.
    private let pauses: LockedPauses
    /// Nothing to keep to: no documented limit, and no slowing down after throttling.
    private let isInert: Bool

    init(mode: NCPRateLimiting, limits: [String: NCPRateLimit]) {
        self.mode = mode
        windows = mode == .off ? [:] : limits.mapValues(RateWindow.init)
        pauses = LockedPauses()
        isInert = windows.isEmpty && mode != .adaptive
    }

    /// The documented limit the client keeps to for `operationID`, if any.
    func limit(of operationID: String) -> NCPRateLimit? { windows[operationID]?.limit }

    /// A sent attempt's place in its operation's window; `finish()` it once the attempt is answered or failed.
    struct Ticket: Sendable {
        fileprivate let window: RateWindow
        fileprivate let permit: RateWindow.Permit

        func finish() { window.finish(permit) }
    }

    /// Waits until `operationID` may send an attempt, and returns the attempt's ticket (nil for an operation
    /// without a limit) and how long it waited (zero almost always). Throws `tooLate()` at once when the wait
    /// would end after `deadline`.
    func acquire(_ operationID: String, deadline: ContinuousClock.Instant?,
                 tooLate: () -> any Error) async throws -> (ticket: Ticket?, waited: Duration) {
        guard !isInert else { return (nil, .zero) }
        guard let window = windows[operationID] else {
            guard mode == .adaptive, let until = pauses.until(operationID) else { return (nil, .zero) }
            let now = ContinuousClock.now
            guard until > now else { return (nil, .zero) }
            if let deadline, until > deadline { throw tooLate() }
            try await Task.sleep(until: until, clock: .continuous)
            return (nil, until - now)
        }
        let start = ContinuousClock.now
        let (permit, admitted) = window.reserveAndAdmit(now: start)
        let ticket = Ticket(window: window, permit: permit)
        if admitted { return (ticket, .zero) }
        do {
            var wakeAt = permit.slot
            while true {
                if let deadline, wakeAt > deadline { throw tooLate() }
                if wakeAt > .now { try await Task.sleep(until: wakeAt, clock: .continuous) }
                let now = ContinuousClock.now
                switch window.admit(permit, now: now) {
                case .go: return (ticket, now - start)
                case .sleep(let more): wakeAt = now + more
                case .awaitEarlier:
                    await window.awaitEarlier(permit)
                    try Task.checkCancellation()
                    wakeAt = .now
                }
            }
        } catch {
            ticket.finish() // gave up: its place counts as used from now, so later calls don't wait for it
            throw error
        }
    }

    /// Adaptive mode: an attempt of `operationID` was answered; a throttling answer slows the operation down.
    func observe(_ operationID: String, throttled: Bool, retryAfter: Duration?) {
        guard mode == .adaptive else { return }
        if let window = windows[operationID] {
            if throttled { window.throttled(retryAfter: retryAfter) } else { window.succeeded() }
        } else if throttled {
            pauses.pause(operationID, for: retryAfter ?? .seconds(1))
        }
    }
}

/// When operations without a documented limit may send again.
private final class LockedPauses: @unchecked Sendable {
    private let lock = NSLock()
    private var until: [String: ContinuousClock.Instant] = [:]

    func until(_ operationID: String) -> ContinuousClock.Instant? {
        lock.withLock { until[operationID] }
    }

    func pause(_ operationID: String, for duration: Duration) {
        lock.withLock {
            let end = ContinuousClock.now + duration
            until[operationID] = max(until[operationID] ?? end, end)
        }
    }
}
