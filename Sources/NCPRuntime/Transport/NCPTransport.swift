public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif
public import HTTPTypes
public import OpenAPIRuntime
import OpenAPIURLSession

/// Transports built the way signed NCP requests need them: redirects are handed back to the client instead of
/// followed, so signed headers never reach another host (see `RedirectPolicy`).
///
/// A transport of your own must not follow redirects either: URLSession's and AsyncHTTPClient's do by default.
/// `NCPAsyncHTTPClient` (a separate product, so apps that don't want SwiftNIO don't build it) adds
/// `NCPTransport.asyncHTTPClient(…)`.
public enum NCPTransport {
    /// A URLSession transport over `session`, by default a shared session that never follows a redirect,
    /// keeps no cookies and caches nothing.
    ///
    /// A session you pass must have been made with a delegate that refuses redirects, such as
    /// `NCPTransport.redirectRefusingDelegate`; otherwise the signed headers follow a redirect to any host.
    public static func urlSession(_ session: URLSession = sharedSession) -> RedirectRefusingTransport {
        RedirectRefusingTransport(name: "URLSession", wrapping: URLSessionTransport(configuration: .init(session: session)))
    }

    /// The session `urlSession()` uses.
    public static let sharedSession: URLSession = {
        let configuration = URLSessionConfiguration.default
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration, delegate: redirectRefusingDelegate, delegateQueue: nil)
    }()

    /// A session delegate that answers every redirect with "don't follow", so the `3xx` itself comes back.
    public static let redirectRefusingDelegate: any URLSessionTaskDelegate = RedirectRefusingDelegate()
}

/// A transport built by `NCPTransport`: it never follows a redirect, and prints, debug-prints and reflects as its
/// name alone, so `dump` of a client never walks into a session or a connection pool (where the last request's
/// signed headers may sit, and which a concurrent request may be changing).
public struct RedirectRefusingTransport: ClientTransport, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// What it sends with: `URLSession` or `AsyncHTTPClient`.
    public let name: String
    private let base: any ClientTransport

    /// Wraps a transport that is already set up to hand redirects back.
    package init(name: String, wrapping base: any ClientTransport) {
        self.name = name
        self.base = base
    }

    public func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        try await base.send(request, body: body, baseURL: baseURL, operationID: operationID)
    }

    /// `URLSession (redirects refused)`.
    public var description: String { "\(name) (redirects refused)" }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the name only.
    public var customMirror: Mirror { Mirror(self, children: ["name": name], displayStyle: .struct) }
}

/// Refuses every redirect; the client then applies its `RedirectPolicy` to the `3xx` answer.
private final class RedirectRefusingDelegate: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
