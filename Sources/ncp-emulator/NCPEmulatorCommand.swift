import ArgumentParser
import Foundation
import NCPEmulator

/// `swift run ncp-emulator`: Media Intelligence (or any spec) on loopback, behind a gateway that checks signatures.
@main
struct NCPEmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ncp-emulator",
        abstract: "Serve an NCP API on loopback: Media Intelligence with its state and its slow jobs, or any spec from its examples.",
        discussion: """
        Point a client at the printed base URL (NCP_BASE_URL, or NCPClientConfiguration.emulator(port:)) with the printed keys. \
        Requests must be signed with x-ncp-apigw-signature-v2 (or carry the service's API key), as at NAVER's gateway.
        """)

    /// The port `swift run ncp-emulator` listens on unless told otherwise.
    static let defaultPort = 8479

    @Option(help: "The loopback port to listen on (0: any free port).")
    var port: Int = defaultPort

    @Option(help: "The spec to serve (a folder or files); Media Intelligence's own spec by default.")
    var spec: [String] = []

    @Option(name: .customLong("job-seconds"), help: "How long an emulated analysis, index or registration takes.")
    var jobSeconds: Double = 30

    @Option(name: .customLong("fail-rate"), help: "Share of calls (0-1) answered 503 Endpoint Error.")
    var failRate: Double = 0

    @Option(name: .customLong("throttle-rate"), help: "Share of calls (0-1) answered 429 Throttle Limited with Retry-After.")
    var throttleRate: Double = 0

    @Option(help: "Milliseconds to wait before every answer.")
    var latency: Int = 0

    @Option(help: "Keep Media Intelligence's state in this JSON file: read at start, written after changes.")
    var state: String?

    @Option(name: .customLong("access-key"), help: "The access key the gateway accepts.")
    var accessKey: String = "NCPEMULATORACCESSKEY"

    @Option(name: .customLong("secret-key"), help: "Its secret key.")
    var secretKey: String = "ncp-emulator-secret-key"

    @Option(name: .customLong("api-key"), help: "The API key a service that takes one accepts.")
    var apiKey: String = "ncp-emulator-api-key"

    @Flag(help: "Answer Media Intelligence from its examples too, without state.")
    var stateless = false

    func run() async throws {
        let specPaths = spec.isEmpty ? [Self.mediaIntelligenceSpec()] : spec
        let configuration = EmulatorConfiguration(
            specPaths: specPaths, keys: GatewayKeys(pairs: [(accessKey, secretKey)], apiKeys: [apiKey]),
            faults: FaultPlan(failRate: failRate, throttleRate: throttleRate, latency: .milliseconds(latency)),
            jobSeconds: jobSeconds, stateFile: state.map(StateFile.init(path:)), stateless: stateless)
        let emulator: Emulator
        do {
            emulator = try Emulator(configuration)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        let server = try await EmulatorServer.start(emulator, port: port)
        let banner = """
        ncp-emulator: \(emulator.serviceTitle) at \(server.baseURL.absoluteString)\(emulator.keepsState ? " (with state; jobs take \(jobSeconds)s)" : " (from its examples)")
          NCP_BASE_URL=\(server.baseURL.absoluteString)
          NCLOUD_ACCESS_KEY_ID=\(accessKey)
          NCLOUD_SECRET_ACCESS_KEY=\(secretKey)
          API key (services that take one): \(apiKey)
        Stop with Ctrl-C.

        """
        // Written straight to the descriptor, so a script reading a pipe sees it at once.
        FileHandle.standardOutput.write(Data(banner.utf8))
        try await server.wait()
        try await emulator.saveState()
    }

    /// `spec/` in the working directory, else the one in this package's checkout.
    static func mediaIntelligenceSpec() -> String {
        if FileManager.default.fileExists(atPath: "spec/service.yaml") { return "spec" }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("spec").path
    }
}
