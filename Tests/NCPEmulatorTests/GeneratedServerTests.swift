import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import NCPAPIsCloudOutboundMailer
import NCPAPIsCloudOutboundMailerServer
import NCPAPIsClovaSpeech
import NCPAPIsClovaSpeechServer
import NCPAPIsSensSms
import NCPAPIsSensSmsServer
import NCPRuntime
import NCPServerRuntime
import Testing

/// Server sides generated from real NCP API specs (`ncp-codegen --server-output`), implemented by small handlers,
/// served by Hummingbird on loopback, and called by the generated clients: every argument arrives as it was sent.
@Suite(.serialized) struct GeneratedServerTests {
    /// What handlers saw, for the tests to look at.
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String: any Sendable] = [:]
        subscript(key: String) -> (any Sendable)? {
            get { lock.withLock { values[key] } }
            set { lock.withLock { values[key] = newValue } }
        }
    }

    struct Speech: CLOVASpeechServerHandler {
        let seen: Seen
        func recognizeObjectStorageFile(_ input: RecognizeObjectStorageFileInput) async throws -> Recognition {
            seen["objectStorage"] = input
            return Recognition(result: .succeeded, token: "t-object")
        }
        func recognizeURL(_ input: RecognizeURLInput) async throws -> Recognition {
            Recognition(result: .succeeded, token: "t-url")
        }
        func recognizeUpload(_ input: RecognizeUploadInput) async throws -> Recognition {
            seen["upload"] = input
            return Recognition(result: .succeeded, token: "t-upload")
        }
        func getRecognition(_ input: GetRecognitionInput) async throws -> Recognition {
            guard input.token == "t-upload" else { throw NCPServerError(status: 404, code: "404", message: "no such token") }
            return Recognition(result: .completed, token: input.token, text: "안녕하세요")
        }
    }

    struct Mailer: OutboundMailerServerHandler {
        let seen: Seen
        func createFile(_ input: CreateFileInput) async throws -> UploadedFiles {
            seen["files"] = input.fileList
            return UploadedFiles(tempRequestID: "temp-1", files: input.fileList.enumerated().map {
                AttachFile(fileName: $1.filename, fileSize: Self.size(of: $1), fileID: "file-\($0)")
            })
        }
        func createMailRequest(_ input: CreateMailRequestInput) async throws -> MailRequestCreated {
            seen["mail"] = input
            return MailRequestCreated(requestID: "r1", count: input.recipients?.count ?? 0)
        }
        static func size(of file: NCPFile) -> Int64 {
            if case .data(let bytes) = file.source { return Int64(bytes.count) }
            return -1
        }
        func getMailRequestStatus(_ input: GetMailRequestStatusInput) async throws -> MailRequestStatus {
            throw NCPServerError(status: 501, code: "501", message: "not in this test")
        }
        func getMailRequestList(_ input: GetMailRequestListInput) async throws -> MailRequestPage {
            seen["list"] = input
            return MailRequestPage(content: [], last: true, totalElements: 0, totalPages: 1, first: true, number: Int64(input.page ?? 0))
        }
    }

    struct SMS: SENSSMSServerHandler {
        let seen: Seen
        func sendMessage(_ input: SendMessageInput) async throws -> SendResult {
            seen["send"] = input
            return SendResult(requestID: "RSSA-1", statusCode: "202", statusName: "success")
        }
        func getMessageRequest(_ input: GetMessageRequestInput) async throws -> RequestLookup {
            RequestLookup(requestID: input.requestID, statusCode: "200", statusName: "success", messages: [["to": "01012345678"]])
        }
    }

    /// `router` on a free loopback port until the test ends.
    static func serve(_ router: Router<BasicRequestContext>) async throws -> (URL, Task<Void, any Error>) {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = Application(router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                                      onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) })
        let task = Task { try await application.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        return (URL(string: "http://127.0.0.1:\(port)")!, task)
    }

    @Test func clovaSpeechReceivesTheFileAndItsJSONPartAsSent() async throws {
        let seen = Seen()
        let router = Router()
        Speech(seen: seen).registerRoutes(on: router)
        let (baseURL, task) = try await Self.serve(router)
        defer { task.cancel() }
        let speech = CLOVASpeechClient(apiKey: NCPAPIKey("key"), baseURL: baseURL, retryPolicy: .none)
        let audio = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let options = RecognitionOptions(language: .korean, completion: .async, boostings: [Boosting(words: "NAVER,CLOVA")],
                                         diarization: Diarization(enable: true, speakerCountMin: 2))
        let accepted = try await speech.recognizeUpload(media: NCPFile(data: audio, filename: "call.wav", contentType: "audio/wav"), params: options)
        #expect(accepted.token == "t-upload")
        let upload = try #require(seen["upload"] as? RecognizeUploadInput)
        #expect(upload.params == options)
        #expect(upload.media.filename == "call.wav" && upload.media.contentType == "audio/wav")
        if case .data(let bytes) = upload.media.source { #expect(bytes == audio) } else { Issue.record("the file arrived as a file URL") }

        _ = try await speech.recognizeObjectStorageFile(dataKey: "/a.wav", language: .english, noiseFiltering: false)
        let stored = try #require(seen["objectStorage"] as? RecognizeObjectStorageFileInput)
        #expect(stored.dataKey == "/a.wav" && stored.language == .english && stored.noiseFiltering == false && stored.completion == nil)

        #expect(try await speech.getRecognition(token: "t-upload").text == "안녕하세요")
        // A documented error of the handler's own, in the service's error form (the gateway's, for this API).
        let missing = await #expect(throws: NCPError.self) { try await speech.getRecognition(token: "other") }
        #expect(missing?.statusCode == 404 && missing?.gatewayCode?.rawValue == "404")

        // A request the client would refuse, sent raw: the generated checks answer it, naming the field and limit.
        var request = URLRequest(url: baseURL.appendingPathComponent("recognizer/object-storage"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"dataKey":"","language":"ko-KR"}"#.utf8)
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 400)
        let answer = try JSONDecoder().decode(JSONValue.self, from: body)
        #expect(answer["error"]?["errorCode"] == "400")
        #expect(answer["error"]?["details"]?.stringValue?.contains("dataKey") == true)
    }

    @Test func mailerReceivesRepeatedFilePartsAndQueryLists() async throws {
        let seen = Seen()
        let router = Router()
        Mailer(seen: seen).registerRoutes(on: router)
        let (baseURL, task) = try await Self.serve(router)
        defer { task.cancel() }
        var configuration = NCPClientConfiguration.emulator(port: baseURL.port ?? 0)
        configuration.retryPolicy = .none
        let mailer = OutboundMailerClient(configuration: configuration)
        let files = [NCPFile(data: Data("one".utf8), filename: "1.txt", contentType: "text/plain"),
                     NCPFile(data: Data("two, longer".utf8), filename: "2.txt", contentType: "text/plain")]
        let uploaded = try await mailer.createFile(fileList: files)
        #expect(uploaded.files.map(\.fileSize) == [3, 11])
        #expect((seen["files"] as? [NCPFile])?.map(\.filename) == ["1.txt", "2.txt"])
        _ = try await mailer.getMailRequestList(startDateTime: "2018-11-01 00:00", sendStatus: ["S", "PF"], size: 10, page: 2)
        let list = try #require(seen["list"] as? GetMailRequestListInput)
        #expect(list.startDateTime == "2018-11-01 00:00" && list.sendStatus == ["S", "PF"] && list.size == 10 && list.page == 2)
        _ = try await mailer.createMailRequest(senderAddress: "no-reply@example.com", title: "Hi", recipients: [Recipient(address: "a@example.com", type: .carbonCopy)],
                                               additionalFields: ["useBasicUnsubscribeMsg": true])
        let mail = try #require(seen["mail"] as? CreateMailRequestInput)
        #expect(mail.recipients?.first?.type == .carbonCopy && mail.body == nil)
        #expect(mail.additionalFields == ["useBasicUnsubscribeMsg": true]) // a partial body's undocumented fields arrive too
    }

    @Test func sensReceivesItsPathAndBodyAndAnswersPlainJSON() async throws {
        let seen = Seen()
        let router = Router()
        SMS(seen: seen).registerRoutes(on: router)
        let (baseURL, task) = try await Self.serve(router)
        defer { task.cancel() }
        var configuration = NCPClientConfiguration.emulator(port: baseURL.port ?? 0)
        configuration.retryPolicy = .none
        let sens = SENSSMSClient(configuration: configuration)
        let sent = try await sens.sendMessage(serviceID: "ncp:sms:kr:1:demo", type: .lms, from: "0212345678", content: "hello",
                                              messages: [MessageTarget(to: "01012345678")], subject: "Subject")
        #expect(sent.statusCode == "202")
        let input = try #require(seen["send"] as? SendMessageInput)
        #expect(input.serviceID == "ncp:sms:kr:1:demo" && input.type == .lms && input.subject == "Subject" && input.messages.first?.to == "01012345678")
        #expect(try await sens.getMessageRequest(serviceID: "ncp:sms:kr:1:demo", requestID: "RSSA-1").requestID == "RSSA-1")
    }
}
