import Foundation
import MediaIntelligence
import NCPAsyncHTTPClient
import NCPEmulator
import NCPRuntime

extension Benchmarks {
    /// `ncp-benchmarks emulator`: calls per second through the real client on loopback, start-up time of the
    /// `ncp-emulator` executable to its first answer, and the memory 10,000 registered assets take.
    static func emulatorBenchmark(specPath: String = "spec") async throws {
        try await emulatorStartUp()
        try await emulatorThroughput(specPath: specPath)
        try await emulatorMemory(specPath: specPath)
    }

    /// The release `ncp-emulator` beside this binary, launched until it answers a signed `getWorkspace`.
    private static func emulatorStartUp() async throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ncp-emulator")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            print("emulator start-up: build ncp-emulator first (swift build -c release --product ncp-emulator)")
            return
        }
        var samples: [Double] = []
        for round in 0..<5 {
            let port = 18_600 + round
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--port", String(port)]
            process.standardOutput = FileHandle.nullDevice
            let started = ContinuousClock.now
            try process.run()
            let mi = MediaIntelligenceClient(configuration: .emulator(port: port))
            while true {
                if (try? await mi.getWorkspace(workspaceName: "my-workspace")) != nil { break }
                try await Task.sleep(for: .milliseconds(2))
            }
            samples.append(milliseconds(ContinuousClock.now - started))
            process.terminate()
            process.waitUntilExit()
        }
        print(String(format: "emulator start-up to the first signed answer: %.0f ms (median of 5; launch, spec load and validation, bind)", samples.sorted()[2]))
    }

    /// `getWorkspace` from 32 concurrent callers through AsyncHTTPClient for five seconds, three times.
    private static func emulatorThroughput(specPath: String) async throws {
        let server = try await EmulatorServer.start(try Emulator(EmulatorConfiguration(specPaths: [specPath])))
        defer { Task { await server.stop() } }
        var configuration = NCPClientConfiguration.emulator(port: server.port)
        configuration.transport = NCPTransport.asyncHTTPClient()
        let mi = MediaIntelligenceClient(configuration: configuration)
        var rates: [Double] = []
        for _ in 0..<3 {
            let deadline = ContinuousClock.now + .seconds(5)
            let started = ContinuousClock.now
            let calls = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<32 {
                    group.addTask {
                        var count = 0
                        while ContinuousClock.now < deadline {
                            _ = try await mi.getWorkspace(workspaceName: "my-workspace")
                            count += 1
                        }
                        return count
                    }
                }
                return try await group.reduce(0, +)
            }
            rates.append(Double(calls) / (milliseconds(ContinuousClock.now - started) / 1000))
        }
        print(String(format: "emulator getWorkspace through the client and AsyncHTTPClient, 32 callers: %.0f calls/s (median of 3 × 5 s; runs %@)",
                     rates.sorted()[1], rates.map { String(format: "%.0f", $0) }.joined(separator: ", ")))
    }

    /// Resident memory before and after registering 10,000 assets (100 projects of 100) in memory.
    private static func emulatorMemory(specPath: String) async throws {
        let emulator = try Emulator(EmulatorConfiguration(specPaths: [specPath]))
        func signed(_ method: String, _ target: String, _ body: String) -> EmulatorRequest {
            let timestamp = String(Int64(Date().timeIntervalSince1970 * 1000))
            let credentials = NCPCredentials(accessKey: "NCPEMULATORACCESSKEY", secretKey: "ncp-emulator-secret-key")
            return EmulatorRequest(method: method, target: target, headers: [
                "x-ncp-apigw-timestamp": timestamp, "x-ncp-iam-access-key": credentials.accessKey,
                "x-ncp-apigw-signature-v2": RequestSigner.signature(method: method, pathAndQuery: target, timestamp: timestamp, credentials: credentials),
            ], body: Data(body.utf8))
        }
        _ = await emulator.respond(to: signed("GET", "/api/v1/workspaces/my-workspace", ""))
        let before = resetPeakMemory()
        let started = ContinuousClock.now
        for project in 0..<100 {
            let created = await emulator.respond(to: signed("POST", "/api/v1/workspaces/my-workspace/projects", #"{"name":"project-\#(project)"}"#))
            guard case .object(let answer)? = try? JSONDecoder().decode(JSONValue.self, from: created.body),
                  let id = answer["result"]?["projectId"]?.integerValue else { print("emulator memory: createProject failed"); return }
            for asset in 0..<100 {
                _ = await emulator.respond(to: signed("POST", "/api/v1/workspaces/my-workspace/projects/\(id)/assets/import/object-storage",
                                                      #"{"key":"videos/\#(project)/clip-\#(asset).mp4","bucketName":"media"}"#))
            }
        }
        let elapsed = milliseconds(ContinuousClock.now - started)
        let after = statusMB("VmRSS:")
        print(String(format: "emulator with 10,000 assets: %.1f MB resident (%.1f MB more than before; %.0f ms to register them in process)",
                     after, after - before, elapsed))
    }
}
