public import Foundation
import HTTPTypes
import OpenAPIRuntime
import Tracing

/// Sends signed requests with retries and turns every answer into a value or an `NCPError`.
///
/// Generated clients hold one and build `NCPRequest`s; it knows nothing about any particular API. It prints,
/// debug-prints and reflects as its configuration does: no secret, and nothing of the transport's state.
public struct NCPClient: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The longest response body read into memory.
    static let maximumBodySize = 64 * 1024 * 1024
    /// Everything the client holds, shared by its copies: a call copies one reference, not the configuration.
    let storage: Storage

    /// What a client and its copies share.
    final class Storage: Sendable {
        let configuration: NCPClientConfiguration
        let answers: NCPAnswerShape
        let authentication: NCPAuthentication
        let base: BaseTarget
        let clock: GatewayClock
        let rateLimiter: RateLimiter
        let metrics = MetricsCache()

        init(_ configuration: NCPClientConfiguration, answers: NCPAnswerShape, rateLimits: [String: NCPRateLimit],
             authentication: NCPAuthentication) {
            self.configuration = configuration
            self.answers = answers
            self.authentication = authentication
            base = BaseTarget(configuration.baseURL)
            clock = GatewayClock(now: configuration.now)
            rateLimiter = RateLimiter(mode: configuration.rateLimiting, limits: rateLimits)
        }
    }

    /// The configuration this client was made with.
    public var configuration: NCPClientConfiguration { storage.configuration }

    /// How the API's answers and errors look, unless a request says otherwise.
    public var answers: NCPAnswerShape { storage.answers }

    /// Creates a client for an API whose answers look like `answers` (plain JSON by default), whose
    /// operations the docs limit to `rateLimits` (by operation id), kept as `configuration.rateLimiting` says, and
    /// which proves who calls it as `authentication` says (a gateway signature by default).
    public init(configuration: NCPClientConfiguration, answers: NCPAnswerShape = .plain, rateLimits: [String: NCPRateLimit] = [:],
                authentication: NCPAuthentication = .gatewaySignature) {
        storage = Storage(configuration, answers: answers, rateLimits: rateLimits, authentication: authentication)
    }

    /// How this client proves who calls: a gateway signature, or an API key in a header.
    public var authentication: NCPAuthentication { storage.authentication }

    /// The rate limit this client keeps to for an operation: its documented one, unless rate limiting is off.
    public func rateLimit(of operationID: String) -> NCPRateLimit? {
        storage.rateLimiter.limit(of: operationID)
    }

    /// Sends a request, retrying as the policy allows; returns a 2xx answer or throws `NCPError`.
    public func send(_ request: NCPRequest) async throws -> NCPResponse {
        let tracer = storage.configuration.tracer ?? InstrumentationSystem.tracer
        let metrics = storage.metrics.metrics(for: request, factory: storage.configuration.metricsFactory)
        return try await CallObserver.observe(request, tracer: tracer, logger: storage.configuration.logger, metrics: metrics) { observer in
            try await Call(storage: storage, request: request, observer: observer).run()
        }
    }

    /// Sends a request and decodes its result, unwrapped from the envelope its answer shape declares.
    public func send<Result: Decodable & Sendable>(_ request: NCPRequest, expecting: Result.Type) async throws -> Result {
        let response = try await send(request)
        return try NCPEnvelope<Result>.decode(from: response, shape: request.answers ?? storage.answers, operationID: request.operationID).result
    }

    /// Sends a request and returns the whole envelope, with any fields beside the result.
    public func envelope<Result: Decodable & Sendable>(_ request: NCPRequest, expecting: Result.Type) async throws -> NCPEnvelope<Result> {
        let response = try await send(request)
        return try NCPEnvelope<Result>.decode(from: response, shape: request.answers ?? storage.answers, operationID: request.operationID,
                                              keepingExtraFields: true)
    }

    /// Sends a request whose answer is bytes rather than JSON, and returns them with their content type and file
    /// name. A JSON answer in the service's error form is still an `NCPError`.
    public func download(_ request: NCPRequest) async throws -> NCPDownload {
        var request = request
        request.accept = "*/*"
        let response = try await send(request)
        let disposition = response.headerFields[.contentDisposition]
        return NCPDownload(data: response.body, contentType: response.headerFields[.contentType],
                           filename: disposition.flatMap(NCPDownload.filename(inContentDisposition:)))
    }

    /// Sends a request whose answer is bytes and writes them to `destination` as they arrive, so a download of any
    /// size never sits in memory. The file appears whole or not at all (written beside it, then renamed over it);
    /// an answer in the service's error form is an `NCPError` and leaves `destination` untouched.
    @discardableResult
    public func download(_ request: NCPRequest, to destination: URL) async throws -> NCPDownloadedFile {
        var request = request
        request.accept = "*/*"
        request.downloadDestination = destination
        let response = try await send(request)
        let size = (try? FileManager.default.attributesOfItem(atPath: destination.path))?[.size] as? NSNumber
        return NCPDownloadedFile(url: destination, byteCount: size?.int64Value ?? 0, contentType: response.headerFields[.contentType],
                                 filename: response.headerFields[.contentDisposition].flatMap(NCPDownload.filename(inContentDisposition:)))
    }

    /// Uploads bytes to a presigned Object Storage URL the service issued: a plain `PUT`, with no NCP headers.
    public func upload(_ data: Data, toPresignedURL url: URL, contentType: String) async throws {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false), components.host != nil else {
            throw NCPError(kind: .invalidRequest, operationID: "presignedUpload", message: "'\(url)' is not an absolute URL", field: "url")
        }
        let pathAndQuery = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        components.percentEncodedPath = ""
        components.percentEncodedQuery = nil
        var request = HTTPRequest(method: .put, scheme: nil, authority: nil, path: pathAndQuery.isEmpty ? "/" : pathAndQuery)
        request.headerFields[.contentType] = contentType
        let (response, body) = try await configuration.transport.send(request, body: HTTPBody(data), baseURL: components.url!, operationID: "presignedUpload")
        var bytes = Data()
        if let body {
            bytes = try await Data(collecting: body, upTo: 1024 * 1024)
        }
        guard (200..<300).contains(response.status.code) else {
            throw NCPError(kind: .httpStatus, operationID: "presignedUpload", message: "the upload was refused", statusCode: response.status.code, rawBody: Array(bytes))
        }
    }

    /// `NCPClient(baseURL: …, credentials: environment, transport: URLSessionTransport, …)`.
    public var description: String { "NCPClient(" + configuration.description.dropFirst("NCPClientConfiguration(".count) }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the configuration's safe description, never the transport itself.
    public var customMirror: Mirror {
        Mirror(self, children: ["configuration": configuration], displayStyle: .struct)
    }
}

/// Carries a non-Sendable error's description across concurrency domains.
struct SendableError: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ error: any Error) { description = String(describing: error) }
}
