import Foundation
@testable import NCPRuntime
import Testing
import TestSupport

/// Answers and errors are read as the API's declared shape says, not as Media Intelligence's.
@Suite(.serialized) struct AnswerShapeTests {
    func request() -> NCPRequest { NCPRequest(operationID: "getThing", method: .get, path: "/v1/thing") }

    func client(_ server: LoopbackServer, _ answers: NCPAnswerShape) -> NCPClient {
        NCPClient(configuration: server.client(retryPolicy: .none).configuration, answers: answers)
    }

    @Test func plainJSONAnswersAreTheResult() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(200, #"{"workspaceName":"w","monthlyAnalysisCount":4}"#), .json(200, ""), .json(200, #"{"anything":1}"#))
        let plain = client(server, .plain)
        #expect(try await plain.send(request(), expecting: Workspace.self) == Workspace(workspaceName: "w", monthlyAnalysisCount: 4))
        #expect(try await plain.send(request(), expecting: JSONValue.self) == .null)
        _ = try await plain.send(request(), expecting: NCPNoResult.self)
        server.enqueue(.json(200, #"{"workspaceName":7}"#))
        let error = await #expect(throws: NCPError.self) { try await plain.send(request(), expecting: Workspace.self) }
        #expect(error?.kind == .decoding)
        #expect(error?.field == "workspaceName")
    }

    @Test func anotherEnvelopeAndErrorFormAreReadByTheirFieldNames() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let shape = NCPAnswerShape(envelope: .init(resultField: "data", codeField: "status", successCodes: ["OK", "ok"], messageField: "text"),
                                   errorForms: [.gateway, .init(source: .service, container: "fault", codeField: "id", messageField: "reason")])
        let client = client(server, shape)
        server.enqueue(.json(200, #"{"status":"ok","data":{"workspaceName":"w"}}"#))
        #expect(try await client.send(request(), expecting: Workspace.self).workspaceName == "w")
        server.enqueue(.json(200, #"{"status":"DENIED","text":"no"}"#))
        let denied = await #expect(throws: NCPError.self) { try await client.send(request(), expecting: Workspace.self) }
        #expect(denied?.kind == .service)
        #expect(denied?.serviceCode == "DENIED")
        #expect(denied?.message == "no")
        server.enqueue(.json(404, #"{"fault":{"id":4040,"reason":"missing"}}"#))
        let missing = await #expect(throws: NCPError.self) { try await client.send(request(), expecting: Workspace.self) }
        #expect(missing?.kind == .service)
        #expect(missing?.serviceCode == "4040")
        #expect(missing?.message == "missing")
        server.enqueue(.json(401, #"{"error":{"errorCode":"200","message":"Authentication Failed"}}"#))
        let gateway = await #expect(throws: NCPError.self) { try await client.send(request(), expecting: Workspace.self) }
        #expect(gateway?.gatewayCode == "200")
        // Media Intelligence's service form is not one of this API's forms.
        server.enqueue(.json(400, #"{"code":"10001","message":"Invalid Request."}"#))
        let unknownForm = await #expect(throws: NCPError.self) { try await client.send(request(), expecting: Workspace.self) }
        #expect(unknownForm?.kind == .httpStatus)
    }

    @Test func aRequestCanAnswerDifferentlyFromItsAPI() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(200, #"{"workspaceName":"plain"}"#))
        var plainRequest = request()
        plainRequest.answers = .plain
        #expect(try await client(server, .testEnvelope).send(plainRequest, expecting: Workspace.self).workspaceName == "plain")
    }
}
