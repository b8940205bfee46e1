/// Credentials given in code. Prints, debug-prints and reflects as `NCPCredentials` does: no secret.
public struct StaticCredentialProvider: CredentialProvider, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let name = "static"
    private let value: NCPCredentials

    /// Always answers with these credentials.
    public init(_ credentials: NCPCredentials) {
        value = credentials
    }

    /// Always answers with this key pair.
    public init(accessKey: String, secretKey: String) {
        value = NCPCredentials(accessKey: accessKey, secretKey: secretKey)
    }

    public func credentials() async throws -> NCPCredentials { value }

    /// `StaticCredentialProvider(NCPCredentials(accessKey: EXAM…1234, secretKey: <redacted>))`.
    public var description: String { "StaticCredentialProvider(\(value))" }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the redacted credentials.
    public var customMirror: Mirror {
        Mirror(self, children: ["credentials": value], displayStyle: .struct)
    }
}
