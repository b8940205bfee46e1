import FlyingFox
public import Foundation

/// A loopback stand-in for an NCP server's instance metadata service, as NAVER's `compute-vmetadata-*` pages
/// describe it: Metadata v1 (plain GETs), v2 (a token from `PUT /latest/api/token`, then sent in
/// `X-NCP-METADATA-TOKEN`), or both; a role; and a temporary key per request, numbered so tests can tell keys apart.
public final class MetadataStandIn: @unchecked Sendable {
    /// Which versions the server accepts, as the console's "Metadata API management" setting chooses.
    public enum Mode: Sendable { case v1Only, v2Only, both }

    public let roleID = "3f2a-role-ec4"
    public let secretPrefix = "ROLE-SECRET-DO-NOT-LOG-"
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    public let port: UInt16
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    private let mode: Mode
    private let token = "tok-\(UUID().uuidString)"

    // Guarded by `lock`.
    private let lock = NSLock()
    private var issued = 0
    private var log: [String] = []
    private var lifetime: TimeInterval
    private var issueDelay: Duration

    /// The requests seen, as `METHOD path [token]`.
    public var requests: [String] { lock.withLock { log } }
    /// How many temporary keys were issued.
    public var keysIssued: Int { lock.withLock { issued } }

    /// Keys issued from now on expire `seconds` after they are issued (by the real clock).
    public func setLifetime(_ seconds: TimeInterval) { lock.withLock { lifetime = seconds } }
    /// Each key is issued after this delay, so concurrent callers pile up behind one fetch.
    public func setIssueDelay(_ delay: Duration) { lock.withLock { issueDelay = delay } }

    private init(server: HTTPServer, task: Task<Void, any Error>, port: UInt16, mode: Mode, lifetime: TimeInterval) {
        self.server = server
        self.task = task
        self.port = port
        self.mode = mode
        self.lifetime = lifetime
        issueDelay = .zero
    }

    public static func start(mode: Mode, lifetime: TimeInterval = 3600) async throws -> MetadataStandIn {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled)
        let box = Box()
        await server.appendRoute("*") { request in
            guard let owner = box.owner else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return try await owner.handle(request)
        }
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { throw CancellationError() }
        let standIn = MetadataStandIn(server: server, task: task, port: port, mode: mode, lifetime: lifetime)
        box.owner = standIn
        return standIn
    }

    public func stop() async {
        await server.stop()
        task.cancel()
    }

    /// The secret key of the `number`th key issued (from 1).
    public func secret(_ number: Int) -> String { secretPrefix + String(number) }
    public func accessKey(_ number: Int) -> String { "ROLEAK" + String(format: "%06d", number) }

    private func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
        let path = request.path
        let sentToken = request.headers[HTTPHeader("X-NCP-METADATA-TOKEN")]
        lock.withLock { log.append("\(request.method.rawValue) \(path)" + (sentToken == nil ? "" : " [token]")) }
        if path == "/latest/api/token" {
            guard request.method == .PUT else { return HTTPResponse(statusCode: .methodNotAllowed) }
            guard mode != .v1Only else { return HTTPResponse(statusCode: .notFound) }
            guard request.headers[HTTPHeader("X-NCP-METADATA-TOKEN-TTL-SECONDS")] != nil else { return HTTPResponse(statusCode: .badRequest) }
            return HTTPResponse(statusCode: .ok, body: Data(token.utf8))
        }
        switch (mode, sentToken) {
        case (.v2Only, nil): return HTTPResponse(statusCode: .unauthorized)
        case (.v1Only, _?): return HTTPResponse(statusCode: .unauthorized)
        case (_, let sent?) where sent != token: return HTTPResponse(statusCode: .unauthorized)
        default: break
        }
        switch path {
        case "/latest/meta-data/iam/security-credentials":
            return HTTPResponse(statusCode: .ok, body: Data(roleID.utf8)) // no newline at the end, as documented
        case "/latest/meta-data/iam/security-credentials/\(roleID)":
            let (number, lifetime, delay) = lock.withLock { () -> (Int, TimeInterval, Duration) in
                issued += 1
                return (issued, self.lifetime, issueDelay)
            }
            if delay > .zero { try await Task.sleep(for: delay) }
            let formatter = ISO8601DateFormatter()
            let expiry = formatter.string(from: Date().addingTimeInterval(lifetime))
            let body = #"{"Code":"Success","AccessKeyId":"\#(accessKey(number))","SecretAccessKey":"\#(secret(number))","Expiration":"\#(expiry)"}"#
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: Data(body.utf8))
        default:
            return HTTPResponse(statusCode: .notFound)
        }
    }

    private final class Box: @unchecked Sendable {
        weak var owner: MetadataStandIn?
    }
}

/// A loopback server that accepts requests and never answers them: a metadata address that hangs.
public final class HangingServer: @unchecked Sendable {
    public let port: UInt16
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private init(server: HTTPServer, task: Task<Void, any Error>, port: UInt16) {
        self.server = server
        self.task = task
        self.port = port
    }

    public static func start() async throws -> HangingServer {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled)
        await server.appendRoute("*") { _ in
            try await Task.sleep(for: .seconds(30))
            return HTTPResponse(statusCode: .ok)
        }
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { throw CancellationError() }
        return HangingServer(server: server, task: task, port: port)
    }

    public func stop() async {
        await server.stop()
        task.cancel()
    }
}
