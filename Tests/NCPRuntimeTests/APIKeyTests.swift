import Foundation
@testable import NCPRuntime
import Testing
import TestSupport

/// Services that take their own API key in a header instead of a gateway signature (CLOVA Speech, CLOVA OCR, the
/// AI·NAVER APIs): the key goes only in its header, only to the configured host, and never into a description.
@Suite(.serialized) struct APIKeyTests {
    static let secret = "API-KEY-SECRET-THAT-MUST-NOT-LEAK"
    static let keyID = "KEYID-1234567890"

    func keyedClient(_ server: LoopbackServer, idHeader: String? = nil, key: NCPAPIKey? = NCPAPIKey(secret, id: keyID),
                     adjust: (inout NCPClientConfiguration) -> Void = { _ in }) -> NCPClient {
        var configuration = server.client(retryPolicy: .none).configuration
        configuration.apiKey = key
        adjust(&configuration)
        return NCPClient(configuration: configuration, answers: .plain, authentication: .apiKey(header: "X-NCP-APIGW-API-KEY", idHeader: idHeader))
    }

    @Test func theKeyAndItsIDGoInTheirHeadersAndNothingIsSigned() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = keyedClient(server, idHeader: "X-NCP-APIGW-API-KEY-ID")
        server.enqueue(.json(200, #"{"ok":true}"#))
        _ = try await client.send(NCPRequest(operationID: "geocode", method: .get, path: "/map-geocode/v2/geocode?query=a"))
        let sent = try #require(server.requests.first)
        #expect(sent.headers["x-ncp-apigw-api-key"] == Self.secret)
        #expect(sent.headers["x-ncp-apigw-api-key-id"] == Self.keyID)
        #expect(sent.headers["x-ncp-apigw-signature-v2"] == nil && sent.headers["x-ncp-apigw-timestamp"] == nil && sent.headers["x-ncp-iam-access-key"] == nil)
    }

    @Test func aMissingKeyOrIDFailsBeforeAnythingIsSent() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let noKey = await #expect(throws: NCPError.self) {
            try await keyedClient(server, key: nil).send(NCPRequest(operationID: "op", method: .get, path: "/a"))
        }
        #expect(noKey?.kind == .credentials && noKey?.message == "the service takes an API key in X-NCP-APIGW-API-KEY, and the configuration's apiKey is not set")
        let noID = await #expect(throws: NCPError.self) {
            try await keyedClient(server, idHeader: "X-NCP-APIGW-API-KEY-ID", key: NCPAPIKey(Self.secret)).send(NCPRequest(operationID: "op", method: .get, path: "/a"))
        }
        #expect(noID?.kind == .credentials)
        #expect(server.requests.isEmpty)
    }

    @Test func aRedirectToAnotherHostNeverCarriesTheKey() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = keyedClient(server) { $0.redirectPolicy = .followSameOrigin(maxRedirects: 3) }
        server.enqueue(.redirect(307, to: "http://127.0.0.2:\(server.port)/elsewhere"))
        let refused = await #expect(throws: NCPError.self) { try await client.send(NCPRequest(operationID: "op", method: .get, path: "/a")) }
        #expect(refused?.kind == .redirect)
        #expect(server.requests.count == 1)
    }

    @Test func noDescriptionShowsTheKey() {
        let key = NCPAPIKey(Self.secret, id: Self.keyID)
        let configuration = NCPClientConfiguration(baseURL: URL(string: "https://clovaspeech-gw.ncloud.com/external/v1/1/abc")!, apiKey: key)
        for text in [everyDescription(of: key), everyDescription(of: configuration), everyDescription(of: NCPClient(configuration: configuration))] {
            #expect(!text.contains(Self.secret), "\(text)")
            #expect(!text.contains(Self.keyID), "\(text)")
        }
        #expect(String(describing: key) == "NCPAPIKey(id: KEYI…7890, secret: <redacted>)")
        #expect(NCPAPIKey.environment("SPEECH_KEY", environment: ["SPEECH_KEY": "s"]) == NCPAPIKey("s"))
        #expect(NCPAPIKey.environment("SPEECH_KEY", environment: ["SPEECH_KEY": ""]) == nil)
    }
}
