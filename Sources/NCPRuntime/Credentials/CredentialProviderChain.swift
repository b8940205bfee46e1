public import Foundation

/// Tries providers in order and keeps the first credentials found, so the files are read once.
public final class CredentialProviderChain: CredentialProvider, @unchecked Sendable {
    public var name: String { "chain(" + providers.map(\.name).joined(separator: ", ") + ")" }
    private let providers: [any CredentialProvider]
    // Guarded by `lock`: the cached result of the first successful look-up.
    private let lock = NSLock()
    private var cached: NCPCredentials?

    /// Tries `providers` in order.
    public init(_ providers: [any CredentialProvider]) {
        self.providers = providers
    }

    /// The usual NCP places: the environment, then `~/.ncloud/configure`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> CredentialProviderChain {
        CredentialProviderChain([EnvironmentCredentialProvider(environment: environment),
                                 ConfigFileCredentialProvider(environment: environment)])
    }

    public func credentials() async throws -> NCPCredentials {
        if let cached = lock.withLock({ cached }) { return cached }
        var attempts: [String] = []
        for provider in providers {
            do {
                let found = try await provider.credentials()
                lock.withLock { cached = found }
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
}
