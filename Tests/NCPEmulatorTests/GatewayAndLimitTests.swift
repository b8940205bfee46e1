import Foundation
import MediaIntelligence
import NCPEmulator
import NCPRuntime
import Testing

/// The gateway's checks and the documented limits, as the emulator answers them.
@Suite(.serialized) struct GatewayAndLimitTests {
    @Test func aWrongSecretAnOldTimestampAndAnUnknownKeyGetTheGatewaysAuthenticationError() async throws {
        let server = try await EmulatorFixture.start()
        defer { Task { await server.stop() } }
        func client(accessKey: String = "NCPEMULATORACCESSKEY", secretKey: String = "ncp-emulator-secret-key", skew: TimeInterval = 0) -> MediaIntelligenceClient {
            var configuration = EmulatorFixture.configuration(server)
            configuration.credentials = StaticCredentialProvider(accessKey: accessKey, secretKey: secretKey)
            configuration.correctsClockSkew = false
            configuration.now = { Date().addingTimeInterval(skew) }
            return MediaIntelligenceClient(configuration: configuration)
        }
        #expect(try await client().getWorkspace(workspaceName: "my-workspace").workspaceName == "my-workspace")
        for refused in [client(secretKey: "wrong-secret"), client(skew: -360), client(accessKey: "UNKNOWNACCESSKEY")] {
            let error = await #expect(throws: NCPError.self) { try await refused.getWorkspace(workspaceName: "my-workspace") }
            #expect(error?.statusCode == 401 && error?.gatewayCode == .mediaIntelligence.authenticationFailed)
        }
    }

    @Test func anUnsignedOrUnknownRequestIsRefusedInTheGatewaysForm() async throws {
        let emulator = try Emulator(EmulatorConfiguration(specPaths: [EmulatorFixture.mediaIntelligenceSpec]))
        let unsigned = await emulator.respond(to: EmulatorRequest(method: "GET", target: "/api/v1/workspaces?pageNum=1"))
        #expect(unsigned.status == 401)
        #expect(try EmulatorFixture.json(unsigned)["error"]?["errorCode"] == "200")
        let nowhere = await emulator.respond(to: EmulatorFixture.signed("GET", "/api/v1/nowhere"))
        #expect(nowhere.status == 404)
        #expect(try EmulatorFixture.json(nowhere)["error"]?["errorCode"] == "300")
    }

    @Test func aRequestBreakingADocumentedLimitGetsTheDocumentedCode() async throws {
        let emulator = try Emulator(EmulatorConfiguration(specPaths: [EmulatorFixture.mediaIntelligenceSpec]))
        // Page size over its maximum of 1000: the service's invalid-request code, naming the field and the limit.
        let page = await emulator.respond(to: EmulatorFixture.signed("GET", "/api/v1/workspaces?pageNum=1&pageSize=1001"))
        let pageError = try EmulatorFixture.json(page)
        #expect(page.status == 400 && pageError["code"] == "10001")
        #expect(pageError["details"] == "'pageSize' must be at most 1000, not 1001")
        // A project name over 100 characters: 10049, documented under 409.
        let long = String(repeating: "a", count: 101)
        let project = await emulator.respond(to: EmulatorFixture.signed("POST", "/api/v1/workspaces/my-workspace/projects", body: #"{"name":"\#(long)"}"#))
        #expect(project.status == 409)
        #expect(try EmulatorFixture.json(project)["code"] == "10049")
        // Both a text and an image query: the rule's own code, 50011.
        let search = await emulator.respond(to: EmulatorFixture.signed("POST", "/api/v1/workspaces/my-workspace/assets/search",
                                                                      body: #"{"query":{"textQuery":"a","imageQuery":"b"}}"#))
        #expect(search.status == 400)
        #expect(try EmulatorFixture.json(search)["code"] == "50011")
        // A required body field missing.
        let nameless = await emulator.respond(to: EmulatorFixture.signed("POST", "/api/v1/workspaces/my-workspace/person-tags", body: "{}"))
        #expect(try EmulatorFixture.json(nameless)["details"] == "'name' is required")
    }

    @Test func injectedFaultsAreRetriedByTheClient() async throws {
        let failing = try await EmulatorFixture.start(faults: FaultPlan(failRate: 1))
        defer { Task { await failing.stop() } }
        let error = await #expect(throws: NCPError.self) {
            try await MediaIntelligenceClient(configuration: EmulatorFixture.configuration(failing)).getWorkspace(workspaceName: "my-workspace")
        }
        #expect(error?.statusCode == 503 && error?.gatewayCode == .mediaIntelligence.endpointError)

        let throttled = try await Emulator(EmulatorConfiguration(specPaths: [EmulatorFixture.mediaIntelligenceSpec], faults: FaultPlan(throttleRate: 1)))
            .respond(to: EmulatorFixture.signed("GET", "/api/v1/workspaces/my-workspace"))
        #expect(throttled.status == 429 && throttled.header("Retry-After") == "1")
        #expect(try EmulatorFixture.json(throttled)["error"]?["errorCode"] == "410")
    }

    @Test func stateSurvivesARestartAndACorruptFileIsRefusedWhereItBreaks() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ncp-emulator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.json").path
        let first = try Emulator(EmulatorConfiguration(specPaths: [EmulatorFixture.mediaIntelligenceSpec], stateFile: StateFile(path: path)))
        let created = await first.respond(to: EmulatorFixture.signed("POST", "/api/v1/workspaces/my-workspace/person-tags", body: #"{"name":"kept"}"#))
        #expect(created.status == 200)
        try await first.saveState()
        let second = try Emulator(EmulatorConfiguration(specPaths: [EmulatorFixture.mediaIntelligenceSpec], stateFile: StateFile(path: path)))
        let listed = await second.respond(to: EmulatorFixture.signed("GET", "/api/v1/workspaces/my-workspace/person-tags?pageNum=1"))
        #expect(try EmulatorFixture.json(listed)["result"]?["content"]?[0]?["name"] == "kept")

        let corrupt = "{\n  \"nextID\": 3,\n  \"workspaces\": {,\n}"
        try Data(corrupt.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try Emulator(EmulatorConfiguration(specPaths: [EmulatorFixture.mediaIntelligenceSpec], stateFile: StateFile(path: path)))
        } throws: { error in
            "\(error)".hasPrefix("\(path):3:") && "\(error)".contains("not overwritten")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == corrupt)
    }
}
