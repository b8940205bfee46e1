public import AsyncHTTPClient
public import NCPRuntime
public import NIOCore
import OpenAPIAsyncHTTPClient

extension NCPTransport {
    /// A transport on AsyncHTTPClient, what server-side Swift runs on Linux, that never follows a redirect: the
    /// client sees every `3xx` and applies its `RedirectPolicy`, so signed headers never reach another host.
    ///
    /// - Parameters:
    ///   - client: The HTTP client; by default one shared client made with `redirectRefusingConfiguration()`.
    ///     A client you pass must refuse redirects too (`redirectConfiguration: .disallow`), which
    ///     `HTTPClient.shared` does not.
    ///   - timeout: AsyncHTTPClient's own limit for one request; `NCPClientConfiguration.attemptTimeout` and
    ///     `callTimeout` usually end an attempt first.
    public static func asyncHTTPClient(_ client: HTTPClient = sharedHTTPClient, timeout: TimeAmount = .minutes(10)) -> RedirectRefusingTransport {
        RedirectRefusingTransport(name: "AsyncHTTPClient", wrapping: AsyncHTTPClientTransport(configuration: .init(client: client, timeout: timeout)))
    }

    /// The client `asyncHTTPClient()` uses: on the shared event loop group, refusing redirects. It lives as long
    /// as the process and is never shut down.
    public static let sharedHTTPClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: redirectRefusingConfiguration())

    /// AsyncHTTPClient's defaults, except that redirects are handed back instead of followed: start from this when
    /// you make your own `HTTPClient` for NCP calls.
    public static func redirectRefusingConfiguration() -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        return configuration
    }
}
