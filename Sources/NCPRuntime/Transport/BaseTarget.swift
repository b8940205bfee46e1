import Foundation

/// The configured base URL split into what transports take (the origin) and what goes before every path.
///
/// Transports get the bare origin and the whole path in the request, so the path that is signed is exactly the
/// path that is sent, on every transport.
struct BaseTarget: Sendable {
    /// `scheme://host[:port]`, with no path.
    let origin: URL
    /// The base URL's percent-encoded path without its trailing slash: `""` or `/gw`.
    let pathPrefix: String
    private let scheme: String
    private let host: String
    private let port: Int?

    init(_ baseURL: URL) {
        let components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true)
        scheme = components?.scheme?.lowercased() ?? "https"
        host = components?.host?.lowercased() ?? ""
        port = components?.port ?? Self.defaultPort(scheme)
        var prefix = components?.percentEncodedPath ?? ""
        while prefix.hasSuffix("/") { prefix.removeLast() }
        pathPrefix = prefix
        var originComponents = URLComponents()
        originComponents.scheme = scheme
        originComponents.host = components?.host
        originComponents.port = components?.port
        origin = originComponents.url ?? baseURL
    }

    /// The target to send for an operation's `path?query`.
    func sentTarget(_ pathAndQuery: String) -> String {
        pathPrefix + pathAndQuery
    }

    /// The target the gateway checks the signature against: what is sent, less the prefix a stripping proxy
    /// removes.
    func signedTarget(_ sent: String, proxyStripsBasePath: Bool) -> String {
        guard proxyStripsBasePath, !pathPrefix.isEmpty, sent.hasPrefix(pathPrefix) else { return sent }
        let rest = sent.dropFirst(pathPrefix.count)
        return rest.isEmpty ? "/" : String(rest)
    }

    /// Whether `url` has this origin's scheme, host and port.
    func isSameOrigin(_ url: URL) -> Bool {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
              let otherScheme = components.scheme?.lowercased() else { return false }
        return otherScheme == scheme && components.host?.lowercased() == host
            && (components.port ?? Self.defaultPort(otherScheme)) == port
    }

    /// `host[:port]` of a URL, for messages: never its path or query, which may carry tokens.
    static func authority(of url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        let host = components?.host ?? "?"
        return components?.port.map { "\(host):\($0)" } ?? host
    }

    private static func defaultPort(_ scheme: String) -> Int? {
        switch scheme {
        case "https": 443
        case "http": 80
        default: nil
        }
    }
}
