import Crypto
import FlyingFox
public import Foundation
import NCPRuntime

/// A real HTTP server on 127.0.0.1 that checks each request's NCP signature with its own HMAC code (not the
/// runtime's signer) and answers from a script.
public final class LoopbackServer: @unchecked Sendable {
    /// What the server saw of one request.
    public struct Received: Sendable {
        public var method: String
        public var target: String
        public var headers: [String: String]
        public var body: Data
        public var signatureIsValid: Bool
        /// When the request arrived, by the continuous clock.
        public var arrivedAt: ContinuousClock.Instant = .now
    }

    /// One scripted answer.
    public struct Answer: Sendable {
        public var status: Int
        public var headers: [String: String] = [:]
        public var body: Data = Data()
        public var delay: Duration = .zero

        public init(status: Int, headers: [String: String] = [:], body: Data = Data(), delay: Duration = .zero) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        public static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> Answer {
            Answer(status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, body: Data(text.utf8))
        }

        /// A redirect to `location`.
        public static func redirect(_ status: Int = 302, to location: String) -> Answer {
            Answer(status: status, headers: ["Location": location])
        }

        public static func success(_ resultJSON: String) -> Answer {
            .json(200, #"{"code":"0","message":"success","result":\#(resultJSON)}"#)
        }
    }

    public let accessKey: String
    public let secretKey: String
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    public let port: UInt16
    private let lock = NSLock()
    private var script: [Answer] = []
    private var fallback: Answer
    private var received: [Received] = []

    /// The loopback address it listens on; `127.0.0.2` plays "another host".
    public let host: String
    public var baseURL: URL { URL(string: "http://\(host):\(port)")! }

    /// Requests received so far, in arrival order.
    public var requests: [Received] { lock.withLock { received } }

    private init(server: HTTPServer, task: Task<Void, any Error>, host: String, port: UInt16, accessKey: String, secretKey: String, fallback: Answer) {
        self.server = server
        self.host = host
        self.task = task
        self.port = port
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.fallback = fallback
    }

    /// Starts a server on a free loopback port.
    public static func start(host: String = "127.0.0.1", accessKey: String = "TESTACCESSKEY0001", secretKey: String = "test-secret-key-do-not-log",
                      fallback: Answer = .success("{}")) async throws -> LoopbackServer {
        let server = HTTPServer(address: try .inet(ip4: host, port: 0), timeout: 30, logger: .disabled)
        let box = HandlerBox()
        await server.appendRoute("*") { request in try await box.handle(request) }
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { throw CancellationError() }
        let loopback = LoopbackServer(server: server, task: task, host: host, port: port, accessKey: accessKey, secretKey: secretKey, fallback: fallback)
        box.owner = loopback
        return loopback
    }

    /// Answers the next requests with these, in order; then with the fallback.
    public func enqueue(_ answers: Answer...) {
        lock.withLock { script += answers }
    }

    public func stop() async {
        await server.stop()
        task.cancel()
    }

    fileprivate func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = try await request.bodyData
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
        let target = request.target.rawValue
        let valid = verifySignature(method: request.method.rawValue, target: target, headers: headers)
        let answer: Answer = lock.withLock {
            received.append(Received(method: request.method.rawValue, target: target, headers: headers, body: body, signatureIsValid: valid))
            return script.isEmpty ? fallback : script.removeFirst()
        }
        if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
        var responseHeaders = HTTPHeaders()
        for (name, value) in answer.headers { responseHeaders[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: "Scripted"), headers: responseHeaders, body: answer.body)
    }

    /// The gateway's check, written independently: HMAC-SHA256 over "METHOD target\ntimestamp\naccessKey".
    public func verifySignature(method: String, target: String, headers: [String: String]) -> Bool {
        guard let timestamp = headers["x-ncp-apigw-timestamp"], let milliseconds = Double(timestamp),
              headers["x-ncp-iam-access-key"] == accessKey, let signature = headers["x-ncp-apigw-signature-v2"] else { return false }
        let skew = abs(Date().timeIntervalSince1970 - milliseconds / 1000)
        guard skew < 300 else { return false }
        let message = "\(method) \(target)\n\(timestamp)\n\(accessKey)"
        let mac = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(secretKey.utf8)))
        return Data(mac).base64EncodedString() == signature
    }
}

/// Lets the route closure reach the server object created after it.
private final class HandlerBox: @unchecked Sendable {
    weak var owner: LoopbackServer?
    func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let owner else { return HTTPResponse(statusCode: .serviceUnavailable) }
        return try await owner.handle(request)
    }
}
