import Foundation

/// Holds temporary credentials and fetches new ones ahead of their expiry, one fetch at a time however many
/// calls are waiting.
///
/// Two windows before the expiry decide what a call does:
/// - in the *early* window (by default the last 5 minutes, or the last half of a shorter lifetime) the call
///   signs with the current key while one fetch runs in the background;
/// - in the *late* window (the last 30 seconds, or once expired) the call waits for that fetch, because a key
///   that expires on the way would be refused.
///
/// A failed background fetch leaves the current key in use and is tried again 10 seconds later; a failed fetch
/// that calls are waiting for is thrown to each of them, and the next call tries again.
final class ExpiringCredentialCache: @unchecked Sendable {
    typealias Fetch = @Sendable () async throws -> NCPCredentials

    private let fetch: Fetch
    private let refreshAhead: Duration
    private let waitAhead: Duration
    private let now: @Sendable () -> Date
    private static let retryAfterFailure: TimeInterval = 10
    private static let shortestLifetime: TimeInterval = 60

    // Guarded by `lock`.
    private let lock = NSLock()
    private var current: NCPCredentials?
    private var fetchedAt = Date.distantPast
    /// The key's expiry, but never sooner than a minute after it was fetched: a key that reads as already expired
    /// (a zone read the wrong way, a clock far off) is used for a minute rather than fetched again on every call.
    private var expiresAt: Date?
    private var inFlight: Task<NCPCredentials, any Error>?
    private var lastBackgroundFailure: Date?
    private var fetches = 0

    init(refreshAhead: Duration = .seconds(300), waitAhead: Duration = .seconds(30),
         now: @escaping @Sendable () -> Date = { Date() }, fetch: @escaping Fetch) {
        self.fetch = fetch
        self.refreshAhead = refreshAhead
        self.waitAhead = waitAhead
        self.now = now
    }

    /// How many fetches have started.
    var fetchCount: Int { lock.withLock { fetches } }

    /// Whether a key was fetched and is still held.
    var holdsCredentials: Bool { lock.withLock { current != nil } }

    func credentials() async throws -> NCPCredentials {
        let (ready, pending): (NCPCredentials?, Task<NCPCredentials, any Error>?) = lock.withLock {
            let time = now()
            guard let current else { return (nil, startFetch()) }
            guard let expiration = expiresAt else { return (current, nil) }
            let left = expiration.timeIntervalSince(time)
            if left <= Self.seconds(waitAhead) { return (nil, startFetch()) }
            let lifetime = expiration.timeIntervalSince(fetchedAt)
            if left <= min(Self.seconds(refreshAhead), lifetime / 2),
               lastBackgroundFailure.map({ time.timeIntervalSince($0) >= Self.retryAfterFailure }) ?? true {
                _ = startFetch(inBackground: true)
            }
            return (current, nil)
        }
        if let ready { return ready }
        return try await pending!.value
    }

    /// The fetch in flight, or a new one. Called with the lock held.
    private func startFetch(inBackground: Bool = false) -> Task<NCPCredentials, any Error> {
        if let inFlight { return inFlight }
        fetches += 1
        let task = Task { [fetch] in
            do {
                let fresh = try await fetch()
                finish(.success(fresh))
                return fresh
            } catch {
                finish(.failure(error), inBackground: inBackground)
                throw error
            }
        }
        inFlight = task
        return task
    }

    private func finish(_ outcome: Result<NCPCredentials, any Error>, inBackground: Bool = false) {
        lock.withLock {
            inFlight = nil
            switch outcome {
            case .success(let fresh):
                current = fresh
                fetchedAt = now()
                expiresAt = fresh.expiration.map { max($0, fetchedAt.addingTimeInterval(Self.shortestLifetime)) }
                lastBackgroundFailure = nil
            case .failure:
                if inBackground { lastBackgroundFailure = now() }
            }
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
