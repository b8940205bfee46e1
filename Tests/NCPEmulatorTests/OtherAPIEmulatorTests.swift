import Foundation
import NCPAPIsCloudOutboundMailer
import NCPAPIsClovaSpeech
import NCPAPIsSecureTokenService
import NCPAPIsSensSms
import NCPAPIsVpcServer
import NCPEmulator
import NCPRuntime
import Testing

/// Every real NCP API sample in `Tests/NCPAPIs/`, served from its spec alone (`ncp-emulator --spec`), every
/// operation called by its generated client over HTTP.
@Suite(.serialized) struct OtherAPIEmulatorTests {
    @Test func cloudOutboundMailer() async throws {
        let server = try await EmulatorFixture.start(spec: EmulatorFixture.otherAPI("cloud-outbound-mailer"))
        defer { Task { await server.stop() } }
        let mailer = OutboundMailerClient(configuration: EmulatorFixture.configuration(server))
        let uploaded = try await mailer.createFile(fileList: [NCPFile(data: Data("hello".utf8), filename: "a.txt", contentType: "text/plain")])
        #expect(!uploaded.files.isEmpty)
        _ = try await mailer.createMailRequest(senderAddress: "no-reply@example.com", title: "Hi", body: "Hello",
                                               recipients: [Recipient(address: "a@example.com", type: .to)])
        _ = try await mailer.getMailRequestStatus(requestID: "r1")
        // Pages from 0, walked to the end of the emulator's list.
        var count = 0
        for try await _ in mailer.getMailRequestListPages(size: 2).items { count += 1 }
        #expect(count == 5)
        // Each region's base path is served too.
        let singapore = OutboundMailerClient(configuration: EmulatorFixture.configuration(server), basePath: "/api/v1-sgn")
        _ = try await singapore.getMailRequestStatus(requestID: "r1")
    }

    @Test func sensSMS() async throws {
        let server = try await EmulatorFixture.start(spec: EmulatorFixture.otherAPI("sens-sms"))
        defer { Task { await server.stop() } }
        let sens = SENSSMSClient(configuration: EmulatorFixture.configuration(server))
        _ = try await sens.sendMessage(serviceID: "ncp:sms:kr:1:demo", type: .sms, from: "0212345678", content: "hi", messages: [MessageTarget(to: "01012345678")])
        _ = try await sens.getMessageRequest(serviceID: "ncp:sms:kr:1:demo", requestID: "RSSA-1")
    }

    @Test func vpcServer() async throws {
        let server = try await EmulatorFixture.start(spec: EmulatorFixture.otherAPI("vpc-server"))
        defer { Task { await server.stop() } }
        let vpc = VPCServerClient(configuration: EmulatorFixture.configuration(server))
        var count = 0
        for try await _ in vpc.getServerInstanceListPages(regionCode: "KR", pageSize: 2).items { count += 1 }
        #expect(count == 5)
    }

    @Test func clovaSpeechTakesItsAPIKeyAndRefusesAnother() async throws {
        let server = try await EmulatorFixture.start(spec: EmulatorFixture.otherAPI("clova-speech"))
        defer { Task { await server.stop() } }
        let speech = CLOVASpeechClient(apiKey: NCPAPIKey("ncp-emulator-api-key"), baseURL: server.baseURL, retryPolicy: .none)
        _ = try await speech.recognizeObjectStorageFile(dataKey: "/sample.wav", language: .korean)
        _ = try await speech.recognizeURL(url: "https://example.com/a.wav", language: .english)
        _ = try await speech.recognizeUpload(media: NCPFile(data: Data(count: 64), filename: "a.wav", contentType: "audio/wav"),
                                             params: RecognitionOptions(language: .korean))
        _ = try await speech.getRecognition(token: "t1")
        let wrong = CLOVASpeechClient(apiKey: NCPAPIKey("not-the-key"), baseURL: server.baseURL, retryPolicy: .none)
        let refused = await #expect(throws: NCPError.self) { try await wrong.getRecognition(token: "t1") }
        #expect(refused?.statusCode == 401)
    }

    @Test func secureTokenService() async throws {
        let server = try await EmulatorFixture.start(spec: EmulatorFixture.otherAPI("secure-token-service"))
        defer { Task { await server.stop() } }
        let sts = SecureTokenServiceClient(configuration: EmulatorFixture.configuration(server))
        let issued = try await sts.createCredentials(durationSec: 900)
        #expect(issued.keySecret != nil)
        _ = try await sts.getCredentials()
        // The documented minimum, checked by the emulator too when a caller skips the client's check.
        let emulator = server.emulator
        let short = await emulator.respond(to: EmulatorFixture.signed("POST", "/api/v1/credentials", body: #"{"durationSec":10}"#))
        #expect(short.status == 400)
        #expect(try EmulatorFixture.json(short)["error"]?["details"] == "'durationSec' must be at least 600, not 10")
    }
}
