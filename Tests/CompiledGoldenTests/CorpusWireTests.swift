import CorpusEnumPathParameter
import CorpusEnumQueryArrays
import CorpusEnvelopeFieldsOdd
import CorpusGeneratedLocalNames
import CorpusRecursionThroughOptional
import Foundation
import NCPRuntime
import Testing
import TestSupport

/// Compiling is the first check on the corpus; these call a few of its clients on a loopback server to check that
/// what compiles also sends the right request and reads the answer.
@Suite(.serialized) struct CorpusWireTests {
    @Test func enumQueryArraysSendWireValuesAndUnstyledArraysRepeatTheName() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = EnumQueriesClient(configuration: server.client().configuration)
        try await client.listThings(colors: [.red, .green], tags: ["a b", "c"], color: .green)
        #expect(server.requests.first?.target == "/v1/things?colors=RED,GREEN&tags=a%20b&tags=c&color=GREEN")
        #expect(server.requests.first?.signatureIsValid == true)
    }

    @Test func anEnumPathParameterSendsItsWireValue() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        try await EnumPathsClient(configuration: server.client().configuration).getThing(kind: .zhCN)
        #expect(server.requests.first?.target == "/v1/things/ZH-CN")
    }

    @Test func argumentsNamedLikeTheBodysLocalsAreSentAsThemselves() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = LocalsClient(configuration: server.client().configuration)
        let error = await #expect(throws: NCPError.self) { try await client.doThing(client: "c", check: "x") }
        #expect(error?.field == "check") // the argument was checked, not the validator
        try await client.doThing(client: "c1", request: "r", check: "ok", policy: "p", envelope: "e", result: "s")
        #expect(server.requests.first?.target == "/v1/things/c1?request=r&check=ok")
        let body = try JSONDecoder().decode([String: String].self, from: server.requests.first?.body ?? Data())
        #expect(body == ["policy": "p", "envelope": "e", "result": "s"])
    }

    @Test func aRecursiveTypeRoundTrips() throws {
        let tree = Node(name: "leaf", parent: Node(name: "root"), children: [Node(name: "child")])
        let data = try JSONEncoder().encode(tree)
        #expect(try JSONDecoder().decode(Node.self, from: data) == tree)
        #expect(try JSONDecoder().decode(Node.self, from: Data(#"{"name":"a","parent":{"name":"b","parent":{"name":"c"}}}"#.utf8)).parent?.parent?.name == "c")
    }
}

extension CorpusWireTests {
    @Test func aClientReadsItsSpecsOwnEnvelopeAndErrorForm() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = EnvelopeOddClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(200, #"{"status":"ok","data":{"label":"inside"},"total":12}"#))
        let thing = try await client.getThing()
        #expect(thing.label == "inside")
        #expect(thing.total == 12) // documented beside the result, in the envelope
        server.enqueue(.json(404, #"{"fault":{"id":"E404","text":"gone"}}"#))
        let error = await #expect(throws: NCPError.self) { try await client.getThing() }
        #expect(error?.serviceCode == "E404")
        #expect(error?.message == "gone")
    }
}
