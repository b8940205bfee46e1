public import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// An emulator served over HTTP/1.1 on loopback by Hummingbird: every request goes to `Emulator.respond(to:)`.
public final class EmulatorServer: Sendable {
    /// What answers.
    public let emulator: Emulator
    /// The port it listens on (the one the system chose, when asked for 0).
    public let port: Int
    /// `http://127.0.0.1:PORT`.
    public let baseURL: URL
    private let task: Task<Void, any Error>

    /// The largest request body read.
    static let maximumBodySize = 256 * 1024 * 1024

    private init(emulator: Emulator, port: Int, baseURL: URL, task: Task<Void, any Error>) {
        self.emulator = emulator
        self.port = port
        self.baseURL = baseURL
        self.task = task
    }

    /// Starts serving `emulator` on `host:port` (0: any free port) and returns once it listens.
    public static func start(_ emulator: Emulator, host: String = "127.0.0.1", port: Int = 0) async throws -> EmulatorServer {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await Self.respond(request, with: emulator)
        }
        var logger = Logger(label: "ncp-emulator")
        logger.logLevel = .critical
        let application = Application(responder: responder, configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
                                      onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? port) }, logger: logger)
        let task = Task {
            defer { continuation.finish() }
            try await application.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else {
            _ = try await task.value
            throw EmulatorStartError(description: "the emulator could not listen on \(host):\(port)")
        }
        let baseURL = URL(string: "http://\(host):\(bound)")!
        emulator.publicBaseURL.value = baseURL.absoluteString
        return EmulatorServer(emulator: emulator, port: bound, baseURL: baseURL, task: task)
    }

    /// Waits until the server stops (by `stop()` or a signal's cancellation).
    public func wait() async throws {
        try await task.value
    }

    /// Stops listening and waits for the server to finish.
    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    private static func respond(_ request: Request, with emulator: Emulator) async -> Response {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        var body = Data()
        var request = request
        if let buffer = try? await request.collectBody(upTo: maximumBodySize) {
            body = Data(buffer.readableBytesView)
        }
        let answer = await emulator.respond(to: EmulatorRequest(method: request.method.rawValue, target: request.head.path ?? "/", headers: headers, body: body))
        var fields = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
