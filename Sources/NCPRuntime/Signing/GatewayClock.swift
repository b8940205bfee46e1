import Foundation

/// The time signatures are stamped with: the configured clock plus a correction learnt from the gateway.
///
/// NAVER's gateway rejects a timestamp more than five minutes from its own clock with "Authentication Failed".
/// When that happens and the answer's `Date` header shows the local clock is that far off, the client keeps the
/// difference here and stamps every later request of the client with the gateway's time (as the AWS SDKs do).
final class GatewayClock: @unchecked Sendable {
    /// How far the gateway lets a timestamp stray.
    static let tolerance: TimeInterval = 300
    private let localNow: @Sendable () -> Date
    // Guarded by `lock`: seconds to add to the local clock.
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    init(now: @escaping @Sendable () -> Date) {
        localNow = now
    }

    /// The gateway's time as best known.
    func now() -> Date {
        localNow().addingTimeInterval(lock.withLock { offset })
    }

    /// The correction in force, in seconds.
    var correction: TimeInterval { lock.withLock { offset } }

    /// Learns the gateway's time from an answer's `Date` header.
    /// - Returns: The new correction when the clock we stamped with was off by more than the gateway allows, nil
    ///   when it was not (the failure then has another cause, and retrying would not help).
    func correct(fromServerDate header: String?) -> TimeInterval? {
        guard let header, let serverDate = HTTPDate.parse(header) else { return nil }
        let local = localNow()
        return lock.withLock {
            let skew = serverDate.timeIntervalSince(local.addingTimeInterval(offset))
            guard abs(skew) > Self.tolerance else { return nil }
            offset = serverDate.timeIntervalSince(local)
            return offset
        }
    }
}
