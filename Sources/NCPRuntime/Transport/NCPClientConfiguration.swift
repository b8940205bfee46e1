public import Foundation
public import Logging
public import OpenAPIRuntime
public import OpenAPIURLSession

/// Everything a client needs besides the operations: where to send, how to authenticate, how to retry.
public struct NCPClientConfiguration: Sendable {
    /// Where requests go; override for tests, proxies or the legacy host.
    public var baseURL: URL
    /// Where the key pair comes from.
    public var credentials: any CredentialProvider
    /// What sends the HTTP requests: URLSession by default; pass AsyncHTTPClient's or your own.
    public var transport: any ClientTransport
    /// Middlewares that see each attempt before it is signed, so they never see the signature.
    public var middlewares: [any ClientMiddleware]
    /// When to retry.
    public var retryPolicy: RetryPolicy
    /// How long one attempt may take; nil leaves it to the transport.
    public var timeout: Duration?
    /// Debug lines per attempt; never headers or secrets.
    public var logger: Logger
    /// The clock signatures are stamped with.
    public var now: @Sendable () -> Date
    /// How retries and waiters sleep; tests pass one that returns at once. Must throw on cancellation.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// A configuration for `baseURL`, with the standard credential chain and URLSession transport by default.
    public init(baseURL: URL,
                credentials: any CredentialProvider = CredentialProviderChain.standard(),
                transport: any ClientTransport = URLSessionTransport(),
                middlewares: [any ClientMiddleware] = [],
                retryPolicy: RetryPolicy = .default,
                timeout: Duration? = .seconds(60),
                logger: Logger = Logger(label: "ncp.client"),
                now: @escaping @Sendable () -> Date = { Date() },
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.transport = transport
        self.middlewares = middlewares
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.logger = logger
        self.now = now
        self.sleep = sleep
    }
}
