import Foundation

/// "At most `limit` calls in any window" for one operation of one client: a sliding window over the times the
/// last `limit` calls were answered.
///
/// Call *k* may be sent once call *k − limit* was answered a whole window earlier. Counting from the answer
/// rather than from the send keeps the limit at the gateway whatever the transport does in between: a
/// connection pool that queues a burst would otherwise deliver it late, on top of the next window's calls. A
/// call reserves a slot from the slots already handed out (so a burst is ordered without a second look), sleeps
/// until it, then checks how call *k − limit* really ended, and waits for its answer if it has none yet. The
/// window is 1% longer than documented, for clocks and proxies between the client and the gateway.
final class RateWindow: @unchecked Sendable {
    typealias Instant = ContinuousClock.Instant

    /// A reserved slot: which call this is, and when it may be sent at the earliest.
    struct Permit: Sendable {
        let sequence: Int
        let slot: Instant
    }

    /// What a permit whose slot has come does next.
    enum Admission: Equatable {
        /// Send now.
        case go
        /// Sleep this long, then ask again.
        case sleep(Duration)
        /// The call `limit` places earlier has no answer yet: wait for it, then ask again.
        case awaitEarlier
    }

    let limit: NCPRateLimit
    private let window: Duration

    // Guarded by `lock`.
    private let lock = NSLock()
    private var nextSequence = 0
    private var reserved: [Instant]
    private var answered: [(sequence: Int, time: Instant)]
    /// Calls waiting for an earlier call's answer, by the earlier call's sequence number.
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    /// Adaptive mode: how many times longer the window is after throttling answers (1 to 32).
    private var stretch = 1
    private var lastRecovery: Instant?
    /// Adaptive mode: no call is sent before this (a throttling answer's `Retry-After`).
    private var pausedUntil: Instant?

    init(_ limit: NCPRateLimit) {
        self.limit = limit
        window = limit.period * 1.01
        let distantPast = ContinuousClock.now - .seconds(86_400 * 365)
        reserved = Array(repeating: distantPast, count: limit.limit)
        answered = Array(repeating: (-1, distantPast), count: limit.limit)
    }

    private var currentWindow: Duration { window * stretch }

    /// A slot for the next call, and whether it may be sent at once: the common case in one locked step.
    func reserveAndAdmit(now: Instant = .now) -> (Permit, admitted: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let permit = reserveLocked(now: now)
        guard permit.slot <= now else { return (permit, false) }
        return (permit, admitLocked(permit, now: now) == .go)
    }

    /// A slot for the next call; it may be sent at `slot` (now, when the window has room).
    func reserve(now: Instant = .now) -> Permit {
        lock.lock()
        defer { lock.unlock() }
        return reserveLocked(now: now)
    }

    private func reserveLocked(now: Instant) -> Permit {
        let sequence = nextSequence
        nextSequence += 1
        let index = sequence % limit.limit
        var slot = max(now, reserved[index] + currentWindow)
        if let pausedUntil, pausedUntil > slot { slot = pausedUntil }
        reserved[index] = slot
        return Permit(sequence: sequence, slot: slot)
    }

    /// Whether a permit whose slot has come may be sent now.
    func admit(_ permit: Permit, now: Instant = .now) -> Admission {
        lock.lock()
        defer { lock.unlock() }
        return admitLocked(permit, now: now)
    }

    private func admitLocked(_ permit: Permit, now: Instant) -> Admission {
        let earlier = permit.sequence - limit.limit
        guard earlier >= 0 else { return .go }
        let record = answered[permit.sequence % limit.limit]
        guard record.sequence == earlier else { return .awaitEarlier }
        let opens = record.time + currentWindow
        return opens > now ? .sleep(opens - now) : .go
    }

    /// Returns once the call `limit` places before `permit` has its answer (at once if it has), or the task is
    /// cancelled.
    func awaitEarlier(_ permit: Permit) async {
        let earlier = permit.sequence - limit.limit
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                lock.lock()
                if answered[permit.sequence % limit.limit].sequence == earlier || Task.isCancelled {
                    lock.unlock()
                    continuation.resume()
                } else {
                    waiters[earlier] = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            lock.withLock { waiters.removeValue(forKey: earlier) }?.resume()
        }
    }

    /// The permit's call was answered (or failed, or gave up waiting): the window it counts in starts now.
    func finish(_ permit: Permit, now: Instant = .now) {
        let waiter: CheckedContinuation<Void, Never>? = lock.withLock {
            let index = permit.sequence % limit.limit
            if answered[index].sequence < permit.sequence { answered[index] = (permit.sequence, now) }
            return waiters.isEmpty ? nil : waiters.removeValue(forKey: permit.sequence)
        }
        waiter?.resume()
    }

    /// Adaptive mode: the gateway throttled a call. The window doubles (up to 32 times the documented one), and no
    /// call leaves before `retryAfter` passes.
    func throttled(retryAfter: Duration?, now: Instant = .now) {
        lock.withLock {
            stretch = min(stretch * 2, 32)
            lastRecovery = now
            if let retryAfter { pausedUntil = max(pausedUntil ?? now, now + retryAfter) }
        }
    }

    /// Adaptive mode: a call went through. Each whole window since the last throttling or recovery halves the
    /// stretch again.
    func succeeded(now: Instant = .now) {
        lock.withLock {
            guard stretch > 1, let since = lastRecovery, now - since >= currentWindow else { return }
            stretch /= 2
            lastRecovery = now
        }
    }

    /// How many times longer than documented the window is now.
    var currentStretch: Int { lock.withLock { stretch } }
}
