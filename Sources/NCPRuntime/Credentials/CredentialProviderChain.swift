public import Foundation

/// Tries providers in order and keeps the first credentials found, so the files are read once. Temporary
/// credentials (those with an expiry) are asked of the provider that found them on every call instead, so that
/// provider can fetch new ones before they expire.
///
/// Prints, debug-prints and reflects as its providers' safe descriptions and whether it holds credentials.
public final class CredentialProviderChain: CredentialProvider, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, @unchecked Sendable {
    public var name: String { "chain(" + providers.map(\.name).joined(separator: ", ") + ")" }
    private let providers: [any CredentialProvider]
    // Guarded by `lock`: the cached result of the first successful look-up.
    private let lock = NSLock()
    private var cached: NCPCredentials?
    private var answering: (any CredentialProvider)?

    /// Tries `providers` in order.
    public init(_ providers: [any CredentialProvider]) {
        self.providers = providers
    }

    /// The places NAVER's SDKs look, in their order: the environment, `~/.ncloud/configure`, then the role of
    /// the NCP server the process runs on (its instance metadata service, asked with `metadataTimeout` per request).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                metadataTimeout: Duration = .seconds(1)) -> CredentialProviderChain {
        CredentialProviderChain([EnvironmentCredentialProvider(environment: environment),
                                 ConfigFileCredentialProvider(environment: environment),
                                 ServerRoleCredentialProvider(timeout: metadataTimeout, environment: environment)])
    }

    public func credentials() async throws -> NCPCredentials {
        let (found, temporary) = lock.withLock { (cached, answering) }
        if let temporary { return try await temporary.credentials() }
        if let found { return found }
        var attempts: [String] = []
        for provider in providers {
            do {
                let found = try await provider.credentials()
                lock.withLock {
                    if found.expiration == nil { cached = found } else { answering = provider }
                }
                return found
            } catch let error as CredentialError {
                // A half-set environment is a mistake to report, not a reason to fall through to a file.
                if provider is EnvironmentCredentialProvider, error.attempts.contains(where: { $0.contains("is set but") }) {
                    throw error
                }
                attempts += error.attempts
            }
        }
        throw CredentialError(attempts: attempts)
    }

    private var state: String { lock.withLock { cached == nil && answering == nil ? "not yet" : "yes" } }

    /// `CredentialProviderChain(providers: [environment, /home/me/.ncloud/configure [DEFAULT]], found: yes)`:
    /// each provider by its name, which never holds a key.
    public var description: String {
        SafeDescription.render("CredentialProviderChain", ["providers": "[" + providers.map(\.name).joined(separator: ", ") + "]", "found": state])
    }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the providers' names and whether credentials were found.
    public var customMirror: Mirror {
        Mirror(self, children: ["providers": providers.map(\.name), "found": state], displayStyle: .class)
    }
}
