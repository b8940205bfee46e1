/// Credentials given in code.
public struct StaticCredentialProvider: CredentialProvider {
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
}
