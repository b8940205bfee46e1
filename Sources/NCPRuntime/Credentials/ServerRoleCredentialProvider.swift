public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
public import OpenAPIRuntime

/// The temporary key of the role assigned to this NCP server through Sub Account, from the instance metadata
/// service (`http://169.254.169.254`), as NAVER's own SDKs find it when neither the environment nor
/// `~/.ncloud/configure` holds a key.
///
/// It speaks Metadata v2 (a session token first) and falls back to v1 where the server accepts only v1; the
/// endpoint moves with `NCLOUD_METADATA_ENDPOINT` or `NCLOUD_METADATA_API_ENDPOINT`, the variables the SDKs read.
/// The key is fetched again ahead of its expiry, one fetch at a time however many calls wait. Where no metadata
/// service answers (a laptop, a CI runner) it gives up after `timeout` and says so at once for the next minute.
///
/// It prints, debug-prints and reflects as its endpoint and whether it holds a key: never the key.
public struct ServerRoleCredentialProvider: CredentialProvider, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Which Metadata API protocol to speak.
    public enum MetadataVersion: Sendable {
        /// Metadata v2 where the service issues tokens, v1 where it doesn't (the default).
        case automatic
        /// Metadata v1 only: plain GETs.
        case v1
        /// Metadata v2 only: a session token for every request.
        case v2
    }

    /// The documented address of the metadata service.
    public static let defaultEndpoint = URL(string: "http://169.254.169.254")!
    /// The environment variables that move the endpoint, in the order they are read.
    public static let endpointVariables = ["NCLOUD_METADATA_ENDPOINT", "NCLOUD_METADATA_API_ENDPOINT"]

    /// Where the metadata service is asked.
    public let endpoint: URL
    public var name: String { "server role (\(SafeDescription.url(endpoint)))" }
    private let cache: ExpiringCredentialCache
    private let absence: AbsenceMemory

    /// A provider for the role of the server it runs on.
    /// - Parameters:
    ///   - endpoint: The metadata service; nil reads `NCLOUD_METADATA_ENDPOINT`, then
    ///     `NCLOUD_METADATA_API_ENDPOINT`, then uses `http://169.254.169.254`.
    ///   - version: Which Metadata API protocol to speak.
    ///   - timeout: How long each request to the metadata service may take.
    ///   - transport: What sends the requests; a URLSession transport by default.
    ///   - refreshAhead: How long before the key's expiry a new one is fetched in the background.
    ///   - environment: The variables read (the process's by default).
    ///   - now: The clock expiries are compared with.
    public init(endpoint: URL? = nil, version: MetadataVersion = .automatic, timeout: Duration = .seconds(1),
                transport: (any ClientTransport)? = nil, refreshAhead: Duration = .seconds(300),
                environment: [String: String] = ProcessInfo.processInfo.environment,
                now: @escaping @Sendable () -> Date = { Date() }) {
        let configured = Self.endpointVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }.flatMap(URL.init(string:))
        let endpoint = endpoint ?? configured ?? Self.defaultEndpoint
        self.endpoint = endpoint
        let metadata = InstanceMetadata(endpoint: endpoint, version: version, timeout: timeout,
                                        transport: transport ?? NCPTransport.urlSession(Self.session))
        let absence = AbsenceMemory(now: now)
        self.absence = absence
        cache = ExpiringCredentialCache(refreshAhead: refreshAhead, now: now) {
            do throws(InstanceMetadata.Failure) {
                return try await metadata.roleCredentials()
            } catch {
                if error.unreachable { absence.record() }
                throw error
            }
        }
    }

    public func credentials() async throws -> NCPCredentials {
        if absence.isRecent {
            throw CredentialError(attempts: ["\(name): no metadata service answered a moment ago (not an NCP server?)"])
        }
        do {
            return try await cache.credentials()
        } catch let failure as InstanceMetadata.Failure {
            throw CredentialError(attempts: ["\(name): \(failure.message)"])
        }
    }

    /// How many times the key has been fetched, for tests and diagnostics.
    public var fetchCount: Int { cache.fetchCount }

    /// A session that gives up quickly and never follows a redirect.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 2
        configuration.timeoutIntervalForResource = 4
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration, delegate: NCPTransport.redirectRefusingDelegate, delegateQueue: nil)
    }()

    private var state: String { cache.holdsCredentials ? "yes" : "not yet" }

    /// `ServerRoleCredentialProvider(endpoint: http://169.254.169.254, holds: yes)`.
    public var description: String {
        SafeDescription.render("ServerRoleCredentialProvider", ["endpoint": SafeDescription.url(endpoint), "holds": state])
    }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the endpoint and whether a key is held.
    public var customMirror: Mirror {
        Mirror(self, children: ["endpoint": SafeDescription.url(endpoint), "holds": state], displayStyle: .struct)
    }
}

/// Remembers for a minute that no metadata service answered, so a machine without one pays the timeout once,
/// not on every call.
private final class AbsenceMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var recordedAt: Date?
    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date) { self.now = now }

    func record() { lock.withLock { recordedAt = now() } }

    var isRecent: Bool {
        lock.withLock { recordedAt.map { now().timeIntervalSince($0) < 60 } ?? false }
    }
}
