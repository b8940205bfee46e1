public import Foundation
public import Logging
public import NCPRuntime

/// Records every sleep instead of sleeping, so retry tests take no time and can check the delays.
public final class RecordingSleeper: @unchecked Sendable {
    public init() {}
    private let lock = NSLock()
    private var recorded: [Duration] = []
    public var sleeps: [Duration] { lock.withLock { recorded } }

    public var sleep: @Sendable (Duration) async throws -> Void {
        { [self] duration in
            try Task.checkCancellation()
            lock.withLock { recorded.append(duration) }
        }
    }
}

/// Collects log lines so tests can check what would be written.
public final class CapturedLog: @unchecked Sendable {
    public init() {}
    private let lock = NSLock()
    private var entries: [String] = []
    public var lines: [String] { lock.withLock { entries } }
    func append(_ line: String) { lock.withLock { entries.append(line) } }

    public var logger: Logger {
        Logger(label: "test") { _ in CapturingHandler(log: self) }
    }

    struct CapturingHandler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let metadata = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            log.append("\(event.level) \(event.message) \(metadata)")
        }
    }
}

extension LoopbackServer {
    /// A client pointed at this server with its key pair.
    public func client(retryPolicy: RetryPolicy = .default, timeout: Duration? = .seconds(10), sleeper: RecordingSleeper = RecordingSleeper(),
                logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                now: @escaping @Sendable () -> Date = { Date() },
                adjust: (inout NCPClientConfiguration) -> Void = { _ in }) -> NCPClient {
        var configuration = NCPClientConfiguration(
            baseURL: baseURL,
            credentials: StaticCredentialProvider(accessKey: accessKey, secretKey: secretKey),
            retryPolicy: retryPolicy, attemptTimeout: timeout, logger: logger, now: now, sleep: sleeper.sleep)
        adjust(&configuration)
        return NCPClient(configuration: configuration, answers: .testEnvelope)
    }
}


extension NCPAnswerShape {
    /// What the runtime tests' server answers: results in `{code, message, result}`, errors in the gateway's form
    /// or as `{code, message}` (the shape Media Intelligence declares).
    public static let testEnvelope = NCPAnswerShape(
        envelope: .init(resultField: "result", codeField: "code", successCodes: ["0"], messageField: "message"),
        errorForms: [.gateway, .init(source: .service, codeField: "code", messageField: "message")])
}

/// Everything a value prints as: `print`, `debugPrint` and `dump`, the ways a secret has leaked before.
public func everyDescription(of value: Any) -> String {
    var dumped = ""
    dump(value, to: &dumped)
    return String(describing: value) + "\n" + String(reflecting: value) + "\n" + dumped
}

extension LoopbackServer {
    /// Runs `body` while a request of `client`'s is in flight: the server holds its answer meanwhile. Passes the
    /// signature the server received.
    public func whileARequestIsInFlight(client: NCPClient, _ body: (_ signature: String) async throws -> Void) async throws {
        var slow = Answer.success("{}")
        slow.delay = .milliseconds(600)
        enqueue(slow)
        let call = Task { try await client.send(NCPRequest(operationID: "getWorkspace", method: .get, path: "/api/v1/workspaces/w")) }
        while requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        try await body(requests[0].headers["x-ncp-apigw-signature-v2"] ?? "<no signature>")
        _ = try await call.value
    }
}

extension LoopbackServer {
    /// A client pointed at this server with its key pair, its configuration changed by `adjust`.
    public func configuredClient(_ adjust: (inout NCPClientConfiguration) -> Void) -> NCPClient {
        client(adjust: adjust)
    }
}
