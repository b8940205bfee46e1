import Crypto
public import Foundation

/// An NCP API key pair. Its descriptions never show the secret key, and show only the ends of the access key.
public struct NCPCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The access key ID, sent in `x-ncp-iam-access-key`.
    public let accessKey: String
    /// The secret key; it only ever keys the HMAC and never leaves the process.
    let secretKey: String
    /// HMAC state already keyed with the secret: each signature copies it instead of hashing the key again.
    let keyedHMAC: HMAC<SHA256>
    /// When a temporary key (a server role's, or one from the Secure Token Service) stops working; nil for a
    /// permanent key. Providers of temporary keys fetch new ones before this passes.
    public let expiration: Date?

    /// Creates credentials from an access key and a secret key, and the expiry of a temporary key.
    public init(accessKey: String, secretKey: String, expiration: Date? = nil) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.expiration = expiration
        keyedHMAC = HMAC<SHA256>(key: SymmetricKey(data: Data(secretKey.utf8)))
    }

    public static func == (lhs: NCPCredentials, rhs: NCPCredentials) -> Bool {
        lhs.accessKey == rhs.accessKey && lhs.secretKey == rhs.secretKey && lhs.expiration == rhs.expiration
    }

    /// `NCPCredentials(accessKey: EXAM…1234, secretKey: <redacted>)`, and the expiry of a temporary key.
    public var description: String {
        "NCPCredentials(accessKey: \(Self.abbreviate(accessKey)), secretKey: <redacted>"
            + (expiration.map { ", expiration: \(ISO8601DateFormatter().string(from: $0))" } ?? "") + ")"
    }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the abbreviated access key, no secret, and the expiry if there is one.
    public var customMirror: Mirror {
        var children: KeyValuePairs<String, Any> = ["accessKey": Self.abbreviate(accessKey), "secretKey": "<redacted>"]
        if let expiration { children = ["accessKey": Self.abbreviate(accessKey), "secretKey": "<redacted>", "expiration": expiration] }
        return Mirror(self, children: children, displayStyle: .struct)
    }

    /// Enough of an access key to tell two apart in a log, not enough to use it.
    static func abbreviate(_ key: String) -> String {
        key.count <= 8 ? String(repeating: "*", count: key.count) : "\(key.prefix(4))…\(key.suffix(4))"
    }
}

/// Where credentials come from. Implementations must be safe to call concurrently.
public protocol CredentialProvider: Sendable {
    /// A short name for messages, such as `environment` or `~/.ncloud/configure [DEFAULT]`.
    var name: String { get }
    /// The credentials, or an error saying what was looked for.
    func credentials() async throws -> NCPCredentials
}

/// Why no credentials could be found; lists every place that was tried and never contains a secret.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Each provider tried, with what it found lacking.
    public var attempts: [String]

    /// Creates the error.
    public init(attempts: [String]) {
        self.attempts = attempts
    }

    public var description: String {
        "No NCP credentials found. Tried: " + attempts.joined(separator: "; ")
    }
}
