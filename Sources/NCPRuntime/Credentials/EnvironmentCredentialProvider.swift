public import Foundation

/// Credentials from `NCLOUD_ACCESS_KEY_ID` (or `NCLOUD_ACCESS_KEY`) and `NCLOUD_SECRET_ACCESS_KEY`
/// (or `NCLOUD_SECRET_KEY`), the variables NAVER's own SDKs read.
public struct EnvironmentCredentialProvider: CredentialProvider {
    public let name = "environment"
    static let accessKeyNames = ["NCLOUD_ACCESS_KEY_ID", "NCLOUD_ACCESS_KEY"]
    static let secretKeyNames = ["NCLOUD_SECRET_ACCESS_KEY", "NCLOUD_SECRET_KEY"]
    private let environment: [String: String]

    /// Reads the given variables (the process's by default; tests pass their own).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func credentials() async throws -> NCPCredentials {
        func first(_ names: [String]) -> String? {
            names.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        }
        let accessKey = first(Self.accessKeyNames)
        let secretKey = first(Self.secretKeyNames)
        switch (accessKey, secretKey) {
        case let (accessKey?, secretKey?):
            return NCPCredentials(accessKey: accessKey, secretKey: secretKey)
        case (nil, nil):
            throw CredentialError(attempts: ["environment: neither \(Self.accessKeyNames.joined(separator: "/")) nor \(Self.secretKeyNames.joined(separator: "/")) is set"])
        case (_?, nil):
            throw CredentialError(attempts: ["environment: an access key is set but \(Self.secretKeyNames.joined(separator: "/")) is not"])
        case (nil, _?):
            throw CredentialError(attempts: ["environment: a secret key is set but \(Self.accessKeyNames.joined(separator: "/")) is not"])
        }
    }
}
