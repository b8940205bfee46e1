/// The keys the emulated API Gateway accepts: key pairs for signed services, API keys for the others.
///
/// Its descriptions show access keys only by their ends and never a secret.
public struct GatewayKeys: Sendable, CustomStringConvertible {
    /// Secret keys by access key.
    var secrets: [String: String]
    /// API keys a service that takes one accepts.
    var apiKeys: Set<String>

    /// The key pair and API key `swift run ncp-emulator` accepts unless told otherwise; printed at start-up, and
    /// good for nothing but the emulator.
    public static let emulatorDefault = GatewayKeys(pairs: [("NCPEMULATORACCESSKEY", "ncp-emulator-secret-key")], apiKeys: ["ncp-emulator-api-key"])

    /// Keys from access key–secret key pairs and API keys.
    public init(pairs: [(accessKey: String, secretKey: String)], apiKeys: Set<String> = []) {
        secrets = Dictionary(pairs.map { ($0.accessKey, $0.secretKey) }, uniquingKeysWith: { _, last in last })
        self.apiKeys = apiKeys
    }

    /// The access keys, in order.
    public var accessKeys: [String] { secrets.keys.sorted() }

    public var description: String {
        "GatewayKeys(accessKeys: [" + accessKeys.map(Self.abbreviate).joined(separator: ", ") + "], apiKeys: \(apiKeys.count), secrets: <redacted>)"
    }

    static func abbreviate(_ key: String) -> String {
        key.count <= 8 ? String(repeating: "*", count: key.count) : "\(key.prefix(4))…\(key.suffix(4))"
    }
}
