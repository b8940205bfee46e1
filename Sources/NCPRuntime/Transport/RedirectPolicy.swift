/// What the client does when the server answers a signed request with a redirect (`301`, `302`, `303`, `307`,
/// `308`).
///
/// Signed headers carry the full access key and a signature that stays valid for five minutes, so they never go
/// to an origin other than the configured base URL's. The transports the SDK builds (`NCPTransport`) never follow
/// redirects on their own: the client sees every `3xx` and decides here.
public struct RedirectPolicy: Sendable, Equatable, CustomStringConvertible {
    /// How many same-origin redirects one call may follow; 0 refuses every redirect.
    public var maxSameOriginRedirects: Int

    /// Refuses every redirect with an `NCPError` of kind `.redirect`. The default.
    public static let refuse = RedirectPolicy(maxSameOriginRedirects: 0)

    /// Follows redirects to the same scheme, host and port, signing each new target afresh; a redirect to any
    /// other origin is still refused. `303` and, for `GET`/`HEAD`, `301`/`302` become a `GET` without a body;
    /// `307` and `308` keep the method and body; a `301` or `302` of another method is refused, since clients
    /// disagree on what it means.
    public static func followSameOrigin(maxRedirects: Int = 5) -> RedirectPolicy {
        RedirectPolicy(maxSameOriginRedirects: max(0, maxRedirects))
    }

    public var description: String {
        maxSameOriginRedirects == 0 ? "refuse" : "followSameOrigin(maxRedirects: \(maxSameOriginRedirects))"
    }
}
