public import Foundation

/// Credentials from `NCLOUD_ACCESS_KEY_ID` (or `NCLOUD_ACCESS_KEY`) and `NCLOUD_SECRET_ACCESS_KEY`
/// (or `NCLOUD_SECRET_KEY`), the variables NAVER's own SDKs read.
///
/// It keeps only those four variables, and prints, debug-prints and reflects as the names of the ones set.
public struct EnvironmentCredentialProvider: CredentialProvider, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let name = "environment"
    static let accessKeyNames = ["NCLOUD_ACCESS_KEY_ID", "NCLOUD_ACCESS_KEY"]
    static let secretKeyNames = ["NCLOUD_SECRET_ACCESS_KEY", "NCLOUD_SECRET_KEY"]
    private let variables: [String: String]

    /// Reads the given variables (the process's by default; tests pass their own).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        variables = environment.filter { Self.accessKeyNames.contains($0.key) || Self.secretKeyNames.contains($0.key) }
    }

    public func credentials() async throws -> NCPCredentials {
        func first(_ names: [String]) -> String? {
            names.lazy.compactMap { variables[$0] }.first { !$0.isEmpty }
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

    /// The variables that are set, by name only.
    private var setNames: String {
        let names = (Self.accessKeyNames + Self.secretKeyNames).filter { !(variables[$0] ?? "").isEmpty }
        return "[" + names.joined(separator: ", ") + "]"
    }

    /// `EnvironmentCredentialProvider(set: [NCLOUD_ACCESS_KEY_ID, NCLOUD_SECRET_ACCESS_KEY])`.
    public var description: String { SafeDescription.render("EnvironmentCredentialProvider", ["set": setNames]) }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the names of the variables that are set, never their values.
    public var customMirror: Mirror {
        Mirror(self, children: ["set": setNames], displayStyle: .struct)
    }
}
