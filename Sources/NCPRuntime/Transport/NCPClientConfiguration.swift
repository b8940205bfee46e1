public import Foundation
public import CoreMetrics
public import Logging
public import OpenAPIRuntime
public import Tracing

/// swift-log's `Logger`, named here so a generated client's initialiser can take one without its module importing
/// swift-log itself. Callers pass a `Logger` as usual.
public typealias NCPLogger = Logger

/// Everything a client needs besides the operations: where to send, how to authenticate, how to retry, and
/// how long a call may take.
///
/// It prints, debug-prints and reflects without a secret and without walking into the transport: credentials
/// show as their provider's name, the transport and middlewares as their type names.
public struct NCPClientConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Where requests go; override for tests, proxies or the legacy host. A path (`https://proxy.example/gw`) is
    /// sent before every operation's path and signed with it, unless `proxyStripsBasePath` says otherwise.
    public var baseURL: URL
    /// Where the key pair comes from.
    public var credentials: any CredentialProvider
    /// The API key of a service that takes one instead of a gateway signature (its client's `authentication`
    /// says which); nil for signed services.
    public var apiKey: NCPAPIKey?
    /// What sends the HTTP requests: `NCPTransport.urlSession()` by default; `NCPTransport.asyncHTTPClient()`
    /// from the `NCPAsyncHTTPClient` product on servers. A transport must not follow redirects itself.
    public var transport: any ClientTransport
    /// Middlewares that see each attempt before it is signed, so they never see the signature.
    public var middlewares: [any ClientMiddleware]
    /// When to retry.
    public var retryPolicy: RetryPolicy
    /// What to do with a redirect; refused by default.
    public var redirectPolicy: RedirectPolicy
    /// How long one attempt may take; nil leaves it to the transport.
    public var attemptTimeout: Duration?
    /// How long a whole call may take, every attempt and back-off included; nil for no limit.
    /// `NCPDeadline.withTimeout(_:operation:)` sets a tighter one for the calls inside it.
    public var callTimeout: Duration?
    /// How calls keep to the rate limits the docs give for their operations: `.documented` by default (a call
    /// waits for a free slot rather than being throttled), `.adaptive` to also slow down after throttling answers,
    /// `.off` to send at once.
    public var rateLimiting: NCPRateLimiting
    /// Whether a gateway "Authentication Failed" whose `Date` shows the local clock more than five minutes off
    /// corrects the clock for this client's signatures and retries once (logged at warning level).
    public var correctsClockSkew: Bool
    /// Set when a proxy at `baseURL` removes the base URL's path before passing requests on to the gateway: the
    /// signature then covers the path the gateway sees, without that prefix.
    public var proxyStripsBasePath: Bool
    /// Debug lines per attempt; never headers or secrets.
    public var logger: Logger
    /// The tracer for a span per call and an event per attempt; nil uses `InstrumentationSystem.tracer`.
    public var tracer: (any Tracer)?
    /// Where calls, failures, retries, rate-limit waits and latency are counted (see the README's metrics table);
    /// nil uses `MetricsSystem.factory`. With no backend bootstrapped, nothing is counted and nothing costs.
    public var metricsFactory: (any MetricsFactory)?
    /// The clock signatures are stamped with.
    public var now: @Sendable () -> Date
    /// How retries and waiters sleep; tests pass one that returns at once. Must throw on cancellation.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// A configuration for `baseURL`, with the standard credential chain and a URLSession transport that refuses
    /// redirects by default.
    public init(baseURL: URL,
                credentials: any CredentialProvider = CredentialProviderChain.standard(),
                apiKey: NCPAPIKey? = nil,
                transport: any ClientTransport = NCPTransport.urlSession(),
                middlewares: [any ClientMiddleware] = [],
                retryPolicy: RetryPolicy = .default,
                redirectPolicy: RedirectPolicy = .refuse,
                attemptTimeout: Duration? = .seconds(60),
                callTimeout: Duration? = .seconds(180),
                rateLimiting: NCPRateLimiting = .documented,
                correctsClockSkew: Bool = true,
                proxyStripsBasePath: Bool = false,
                logger: Logger = Logger(label: "ncp.client"),
                tracer: (any Tracer)? = nil,
                metricsFactory: (any MetricsFactory)? = nil,
                now: @escaping @Sendable () -> Date = { Date() },
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.apiKey = apiKey
        self.transport = transport
        self.middlewares = middlewares
        self.retryPolicy = retryPolicy
        self.redirectPolicy = redirectPolicy
        self.attemptTimeout = attemptTimeout
        self.callTimeout = callTimeout
        self.rateLimiting = rateLimiting
        self.correctsClockSkew = correctsClockSkew
        self.proxyStripsBasePath = proxyStripsBasePath
        self.logger = logger
        self.tracer = tracer
        self.metricsFactory = metricsFactory
        self.now = now
        self.sleep = sleep
    }

    private var safeFields: KeyValuePairs<String, String> {
        [
            "baseURL": SafeDescription.url(baseURL),
            "credentials": credentials.name,
            "apiKey": apiKey?.description ?? "none",
            "transport": SafeDescription.transport(transport),
            "middlewares": "[" + middlewares.map(SafeDescription.typeName(of:)).joined(separator: ", ") + "]",
            "retryPolicy": "\(retryPolicy.maxAttempts) attempts",
            "redirectPolicy": redirectPolicy.description,
            "attemptTimeout": attemptTimeout.map { "\($0)" } ?? "none",
            "callTimeout": callTimeout.map { "\($0)" } ?? "none",
            "rateLimiting": rateLimiting.description,
            "logger": logger.label,
            "metrics": metricsFactory.map(SafeDescription.typeName(of:)) ?? "MetricsSystem",
        ]
    }

    /// The settings, with the credentials as their provider's name and the transport as its type name.
    public var description: String { SafeDescription.render("NCPClientConfiguration", safeFields) }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the same as `description`, field by field.
    public var customMirror: Mirror {
        Mirror(self, children: safeFields.map { (label: Optional($0.key), value: $0.value as Any) }, displayStyle: .struct)
    }
}
