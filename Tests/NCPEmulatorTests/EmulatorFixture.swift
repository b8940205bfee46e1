import Foundation
import NCPEmulator
import NCPRuntime

/// Paths and emulators the emulator tests share.
enum EmulatorFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let mediaIntelligenceSpec = packageRoot.appendingPathComponent("spec").path

    static func otherAPI(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/NCPAPIs/\(name).yaml").path
    }

    /// An emulator of `spec` (Media Intelligence by default) listening on a free loopback port.
    static func start(spec: String = mediaIntelligenceSpec, jobSeconds: Double = 1, faults: FaultPlan = .none, stateFile: StateFile? = nil,
                      now: @escaping @Sendable () -> Date = { Date() }) async throws -> EmulatorServer {
        let emulator = try Emulator(EmulatorConfiguration(specPaths: [spec], faults: faults, jobSeconds: jobSeconds, stateFile: stateFile, now: now))
        return try await EmulatorServer.start(emulator)
    }

    /// A client configuration for `server` with the emulator's default keys, retries off unless asked.
    static func configuration(_ server: EmulatorServer, retryPolicy: RetryPolicy = .none) -> NCPClientConfiguration {
        var configuration = NCPClientConfiguration.emulator(port: server.port)
        configuration.retryPolicy = retryPolicy
        return configuration
    }

    /// A request signed as the gateway expects, for calls a client would refuse to send.
    static func signed(_ method: String, _ target: String, body: String? = nil, accessKey: String = "NCPEMULATORACCESSKEY",
                       secretKey: String = "ncp-emulator-secret-key", at date: Date = Date()) -> EmulatorRequest {
        let timestamp = String(Int64(date.timeIntervalSince1970 * 1000))
        let signature = RequestSigner.signature(method: method, pathAndQuery: target, timestamp: timestamp,
                                                credentials: NCPCredentials(accessKey: accessKey, secretKey: secretKey))
        var headers = ["x-ncp-apigw-timestamp": timestamp, "x-ncp-iam-access-key": accessKey, "x-ncp-apigw-signature-v2": signature]
        if body != nil { headers["content-type"] = "application/json" }
        return EmulatorRequest(method: method, target: target, headers: headers, body: Data((body ?? "").utf8))
    }

    /// The JSON an answer carries.
    static func json(_ response: EmulatorResponse) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: response.body)
    }
}
