public import Foundation
public import OpenAPIRuntime

/// Temporary credentials from NCP's Secure Token Service (`POST https://sts.apigw.ntruss.com/api/v1/credentials`),
/// requested with a sub account's key and fetched again ahead of their expiry, one request at a time however many
/// calls wait.
///
/// The long-lived key then signs only these requests; every API call signs with a key that expires within
/// `duration`. It prints, debug-prints and reflects as the provider it asks with and whether it holds a key.
public struct SecureTokenServiceCredentialProvider: CredentialProvider, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The documented endpoint of the Secure Token Service.
    public static let defaultBaseURL = URL(string: "https://sts.apigw.ntruss.com")!
    /// The lifetimes the service accepts (`durationSec`, 600 to 43,200 seconds).
    public static let durationRange: ClosedRange<Int> = 600...43_200

    public var name: String { "Secure Token Service (with \(base.name))" }
    private let base: any CredentialProvider
    private let cache: ExpiringCredentialCache

    /// Requests keys that live `duration` (1 hour by default, the service's own default), signed with `base`.
    /// - Parameters:
    ///   - base: The sub account's key the requests are signed with.
    ///   - duration: How long each temporary key lives: 600 to 43,200 seconds.
    ///   - baseURL: The service's endpoint; override for tests or a proxy.
    ///   - transport: What sends the requests.
    ///   - refreshAhead: How long before the key's expiry a new one is requested in the background.
    ///   - now: The clock expiries are compared with.
    public init(base: any CredentialProvider = CredentialProviderChain.standard(), duration: Duration = .seconds(3600),
                baseURL: URL = defaultBaseURL, transport: any ClientTransport = NCPTransport.urlSession(),
                refreshAhead: Duration = .seconds(300), now: @escaping @Sendable () -> Date = { Date() }) {
        self.base = base
        let seconds = Int(duration.components.seconds)
        let client = NCPClient(configuration: NCPClientConfiguration(baseURL: baseURL, credentials: base, transport: transport,
                                                                    attemptTimeout: .seconds(10), callTimeout: .seconds(30), now: now))
        let name = "Secure Token Service (with \(base.name))"
        cache = ExpiringCredentialCache(refreshAhead: refreshAhead, now: now) {
            guard Self.durationRange.contains(seconds) else {
                throw CredentialError(attempts: ["\(name): durationSec \(seconds) is outside the documented 600–43200 seconds"])
            }
            var request = NCPRequest(operationID: "createSessionCredentials", method: .post, path: "/api/v1/credentials")
            try request.setJSONBody(["durationSec": seconds])
            let answer: TemporaryKey
            do {
                answer = try await client.send(request, expecting: TemporaryKey.self)
            } catch let error as NCPError {
                throw CredentialError(attempts: ["\(name): \(error.description)"])
            }
            guard let accessKey = answer.accessKey, !accessKey.isEmpty, let secretKey = answer.keySecret, !secretKey.isEmpty else {
                throw CredentialError(attempts: ["\(name): the answer lacks accessKey or keySecret"])
            }
            // A zone-less time is read as Korean time, the earlier likely reading, so a key never counts as living longer.
            let expiration = answer.expireTime.flatMap { NCPDateTime(rawValue: $0).date(assuming: TimeZone(identifier: "Asia/Seoul") ?? .gmt) }
            return NCPCredentials(accessKey: accessKey, secretKey: secretKey,
                                  expiration: expiration ?? now().addingTimeInterval(TimeInterval(seconds)))
        }
    }

    public func credentials() async throws -> NCPCredentials {
        try await cache.credentials()
    }

    /// How many keys have been requested, for tests and diagnostics.
    public var fetchCount: Int { cache.fetchCount }

    /// The documented answer; every field optional so a missing one is reported rather than a decoding error.
    private struct TemporaryKey: Decodable, Sendable {
        var accessKey: String?
        var keySecret: String?
        var expireTime: String?
    }

    private var state: String { cache.holdsCredentials ? "yes" : "not yet" }

    /// `SecureTokenServiceCredentialProvider(base: environment, holds: yes)`.
    public var description: String {
        SafeDescription.render("SecureTokenServiceCredentialProvider", ["base": base.name, "holds": state])
    }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the base provider's name and whether a key is held.
    public var customMirror: Mirror { Mirror(self, children: ["base": base.name, "holds": state], displayStyle: .struct) }
}
