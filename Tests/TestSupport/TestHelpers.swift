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
                now: @escaping @Sendable () -> Date = { Date() }) -> NCPClient {
        NCPClient(configuration: NCPClientConfiguration(
            baseURL: baseURL,
            credentials: StaticCredentialProvider(accessKey: accessKey, secretKey: secretKey),
            retryPolicy: retryPolicy, timeout: timeout, logger: logger, now: now, sleep: sleeper.sleep))
    }
}

