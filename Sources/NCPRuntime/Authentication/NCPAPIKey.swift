public import Foundation

/// A service's own API key, for the NCP services that take one in a header instead of a gateway signature
/// (CLOVA Speech's `X-CLOVASPEECH-API-KEY`, CLOVA OCR's `X-OCR-SECRET`, the AI·NAVER APIs' key pair).
///
/// Its descriptions and `dump` never show the secret, and show only the ends of the ID.
public struct NCPAPIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key's ID, for services that take one beside the secret (`X-NCP-APIGW-API-KEY-ID`); nil otherwise.
    public let id: String?
    /// The secret: sent only in the header the service names, only to the configured host.
    let secret: String

    /// Creates a key from its secret and, for services that take one, its ID.
    public init(_ secret: String, id: String? = nil) {
        self.secret = secret
        self.id = id
    }

    /// The key in the environment variable `name` (and its ID in `idName`), or nil when it is unset or empty.
    public static func environment(_ name: String, idName: String? = nil,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> NCPAPIKey? {
        guard let secret = environment[name], !secret.isEmpty else { return nil }
        return NCPAPIKey(secret, id: idName.flatMap { environment[$0] })
    }

    /// `NCPAPIKey(secret: <redacted>)`, with the ends of the ID if there is one.
    public var description: String {
        "NCPAPIKey(" + (id.map { "id: \(NCPCredentials.abbreviate($0)), " } ?? "") + "secret: <redacted>)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        var children: KeyValuePairs<String, Any> = ["secret": "<redacted>"]
        if let id { children = ["id": NCPCredentials.abbreviate(id), "secret": "<redacted>"] }
        return Mirror(self, children: children, displayStyle: .struct)
    }
}
