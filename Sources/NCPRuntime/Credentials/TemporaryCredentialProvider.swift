public import Foundation

/// Temporary credentials from a closure of yours, kept and fetched again ahead of their expiry: one fetch at a
/// time, however many calls are waiting.
///
/// ```swift
/// let credentials = TemporaryCredentialProvider(name: "vault") {
///     let lease = try await vault.ncpLease()
///     return NCPCredentials(accessKey: lease.accessKey, secretKey: lease.secretKey, expiration: lease.expiry)
/// }
/// ```
///
/// Calls sign with the current key until the last `refreshAhead` before its expiry (5 minutes by default, or
/// the last half of a shorter lifetime); then one fetch runs in the background. In the last 30 seconds calls
/// wait for the new key. Credentials without an `expiration` are kept for good.
///
/// It prints, debug-prints and reflects as its name and whether it holds a key: never the key.
public struct TemporaryCredentialProvider: CredentialProvider, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let name: String
    private let cache: ExpiringCredentialCache

    /// Fetches credentials with `fetch` when none are held or the held ones are about to expire.
    /// - Parameters:
    ///   - name: What messages call this provider.
    ///   - refreshAhead: How long before the expiry a new key is fetched in the background.
    ///   - now: The clock expiries are compared with; tests pass their own.
    ///   - fetch: Gets a new key; it may throw `CredentialError` to say what it looked for.
    public init(name: String, refreshAhead: Duration = .seconds(300), now: @escaping @Sendable () -> Date = { Date() },
                fetch: @escaping @Sendable () async throws -> NCPCredentials) {
        self.name = name
        cache = ExpiringCredentialCache(refreshAhead: refreshAhead, now: now, fetch: fetch)
    }

    public func credentials() async throws -> NCPCredentials {
        do {
            return try await cache.credentials()
        } catch let error as CredentialError {
            throw error
        } catch {
            throw CredentialError(attempts: ["\(name): \(SendableError(error))"])
        }
    }

    /// How many fetches have started, for tests and diagnostics.
    public var fetchCount: Int { cache.fetchCount }

    private var state: String { cache.holdsCredentials ? "yes" : "not yet" }

    /// `TemporaryCredentialProvider(name: vault, holds: yes)`.
    public var description: String { SafeDescription.render("TemporaryCredentialProvider", ["name": name, "holds": state]) }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the name and whether a key is held, never the key.
    public var customMirror: Mirror { Mirror(self, children: ["name": name, "holds": state], displayStyle: .struct) }
}
