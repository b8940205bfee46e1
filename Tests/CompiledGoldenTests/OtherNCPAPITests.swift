import Foundation
import NCPAPIsClovaSpeech
import NCPAPIsCloudOutboundMailer
import NCPAPIsSecureTokenService
import NCPAPIsSensSms
import NCPAPIsVpcServer
import NCPRuntime
import Testing
import TestSupport

/// Three other NCP APIs, generated from specs written from NAVER's doc pages, called end to end on a loopback
/// server that answers as each API documents: plain JSON with 0-based pages and a boolean completion flag; answers
/// wrapped in an object named after the action, with a `responseError` form; plain JSON under a service ID.
@Suite(.serialized) struct OtherNCPAPITests {
    @Test func cloudOutboundMailerSendsPagesFromZeroAndWaitsForTheReadyFlag() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let mailer = OutboundMailerClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(201, #"{"requestId":"20181126000000246001","count":1}"#))
        let created = try await mailer.createMailRequest(senderAddress: "no-reply@example.com", title: "Hi", body: "<p>Hello</p>",
                                                         recipients: [Recipient(address: "a@example.com", name: "A", type: .to)])
        #expect(created.requestID == "20181126000000246001")
        let body = try JSONDecoder().decode(JSONValue.self, from: server.requests[0].body)
        #expect(body == ["senderAddress": "no-reply@example.com", "title": "Hi", "body": "<p>Hello</p>",
                         "recipients": [["address": "a@example.com", "name": "A", "type": "R"]]])

        func status(_ ready: Bool) -> LoopbackServer.Answer {
            .json(200, #"{"requestId":"r1","readyCompleted":\#(ready),"allSentSuccess":false,"requestCount":2,"sentCount":0,"finishCount":0,"readyCount":1,"reservationDate":null,"countsByStatus":[{"status":{"label":"Sent successfully","code":"S"},"count":1}]}"#)
        }
        server.enqueue(status(false), status(true))
        let ready = try await mailer.waitUntilMailRequestReady(requestID: "r1", policy: WaitPolicy(initialDelay: .milliseconds(1), timeout: .seconds(5)))
        #expect(ready.readyCompleted)
        #expect(ready.countsByStatus.first?.status?.code == "S")

        server.enqueue(.json(200, #"{"content":[{"requestId":"a"}],"first":true,"last":false,"number":0,"totalElements":2,"totalPages":2}"#),
                       .json(200, #"{"content":[{"requestId":"b"}],"first":false,"last":true,"number":1,"totalElements":2,"totalPages":2}"#))
        var ids: [String] = []
        for try await request in mailer.getMailRequestListPages(startDateTime: "2018-11-01 00:00", sendStatus: ["S", "PF"], size: 1).items {
            ids.append(request.requestID)
        }
        #expect(ids == ["a", "b"])
        #expect(server.requests.suffix(2).map(\.target) == [
            "/api/v1/mails/requests?startDateTime=2018-11-01%2000%3A00&sendStatus=S&sendStatus=PF&size=1&page=0",
            "/api/v1/mails/requests?startDateTime=2018-11-01%2000%3A00&sendStatus=S&sendStatus=PF&size=1&page=1",
        ])
        #expect(server.requests.allSatisfy { $0.signatureIsValid })
    }

    @Test func cloudOutboundMailerSendsToTheRegionItIsGiven() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        // The region's endpoint, pointed at the loopback server: the same client a region's init builds.
        let singapore = try OutboundMailerClient.endpoints.endpoint(region: "sgn", environment: [:])
        #expect(singapore.basePath == "/api/v1-sgn" && singapore.baseURL.absoluteString == "https://mail.apigw.ntruss.com")
        let mailer = OutboundMailerClient(configuration: server.client(retryPolicy: .none).configuration, basePath: singapore.basePath)
        server.enqueue(.json(200, #"{"requestId":"r1","readyCompleted":true,"allSentSuccess":true,"requestCount":1,"sentCount":1,"finishCount":1,"readyCount":1,"countsByStatus":[]}"#))
        _ = try await mailer.getMailRequestStatus(requestID: "r1")
        #expect(server.requests.map(\.target) == ["/api/v1-sgn/mails/requests/r1/status"])
        #expect(server.requests.allSatisfy { $0.signatureIsValid }) // the region's path is what is signed

        // NCLOUD_REGION and NCLOUD_SITE when nothing is given; a region or site the spec doesn't list is a clear error.
        #expect(try OutboundMailerClient.endpoints.endpoint(environment: ["NCLOUD_REGION": "JPN"]).basePath == "/api/v1-jpn")
        #expect(try OutboundMailerClient.endpoints.endpoint(environment: [:]).region == "KR")
        #expect(throws: NCPEndpointError(message: "NAVER Cloud Outbound Mailer is not served in region 'USWN' (from NCLOUD_REGION) on the public site; it is served on public (KR, SGN, JPN)")) {
            try OutboundMailerClient.endpoints.endpoint(environment: ["NCLOUD_REGION": "USWN"])
        }
        #expect(throws: NCPEndpointError(message: "NAVER Cloud Outbound Mailer has no endpoint on the gov site; it is served on public (KR, SGN, JPN)")) {
            try OutboundMailerClient.endpoints.endpoint(site: .gov, environment: [:])
        }
        #expect(throws: NCPEndpointError(message: "NCLOUD_SITE is 'moon', which is not a site: use public, fin or gov")) {
            try OutboundMailerClient.endpoints.endpoint(environment: ["NCLOUD_SITE": "moon"])
        }
        let viaInit = try OutboundMailerClient(region: "JPN", credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"))
        #expect(viaInit.basePath == "/api/v1-jpn")
        #expect(viaInit.client.configuration.baseURL.absoluteString == "https://mail.apigw.ntruss.com")
    }

    @Test func cloudOutboundMailerUploadsFilesAsTheDocsExampleSendsThem() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let mailer = OutboundMailerClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(201, #"{"tempRequestId":"f355aac1-99","files":[{"fileName":"test.txt","fileSize":16,"fileId":"40fe58bd-99"}]}"#))
        let uploaded = try await mailer.createFile(fileList: [NCPFile(data: Data("upload test file".utf8), filename: "test.txt", contentType: "text/plain")])
        #expect(uploaded.files.map(\.fileID) == ["40fe58bd-99"])
        let sent = try #require(server.requests.last)
        #expect(sent.target == "/api/v1/files" && sent.method == "POST" && sent.signatureIsValid)
        let boundary = try #require(sent.headers["content-type"]?.split(separator: "=").last.map(String.init))
        #expect(String(decoding: sent.body, as: UTF8.self) == "--\(boundary)\r\nContent-Disposition: form-data; name=\"fileList\"; filename=\"test.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nupload test file\r\n--\(boundary)--\r\n")
        // The documented minimum of one file is checked before anything is sent.
        await #expect(throws: NCPError.self) { try await mailer.createFile(fileList: []) }
        #expect(server.requests.count == 1)
    }

    @Test func vpcServerAnswersOnTheGovernmentAndFinancialClouds() throws {
        let gov = try VPCServerClient.endpoints.endpoint(environment: ["NCLOUD_SITE": "gov"])
        #expect(gov.baseURL.absoluteString == "https://ncloud.apigw.gov-ntruss.com" && gov.basePath == "/vserver/v2")
        let fin = try VPCServerClient.endpoints.endpoint(site: .fin, environment: [:])
        #expect(fin.baseURL.absoluteString == "https://fin-ncloud.apigw.fin-ntruss.com")
        let client = try VPCServerClient(site: .gov, credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"))
        #expect(client.client.configuration.baseURL == gov.baseURL)
    }

    @Test func vpcServerUnwrapsEachActionsAnswerAndReadsItsErrorForm() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let servers = VPCServerClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(200, #"{"getServerInstanceListResponse":{"requestId":"q","returnCode":"0","returnMessage":"success","totalRows":3,"serverInstanceList":[{"serverInstanceNo":"1","serverInstanceStatus":{"code":"RUN","codeName":"Server run state"},"serverInstanceStatusName":"running","zoneCode":"KR-2"},{"serverInstanceNo":"2"}]}}"#),
                       .json(200, #"{"getServerInstanceListResponse":{"returnCode":"0","totalRows":3,"serverInstanceList":[{"serverInstanceNo":"3"}]}}"#))
        var numbers: [String] = []
        var first: ServerInstance?
        for try await instance in servers.getServerInstanceListPages(pageSize: 2).items {
            numbers.append(instance.serverInstanceNo)
            first = first ?? instance
        }
        #expect(numbers == ["1", "2", "3"])
        #expect(first?.serverInstanceStatus?.code == "RUN")
        #expect(first?.additionalFields["zoneCode"] == "KR-2")
        #expect(server.requests.map(\.target) == ["/vserver/v2/getServerInstanceList?pageNo=1&pageSize=2&responseFormatType=json",
                                                  "/vserver/v2/getServerInstanceList?pageNo=2&pageSize=2&responseFormatType=json"])
        server.enqueue(.json(400, #"{"responseError":{"returnCode":"1200","returnMessage":"Invalid parameter"}}"#))
        let error = await #expect(throws: NCPError.self) { try await servers.getRegionList() }
        #expect(error?.kind == .service)
        #expect(error?.serviceCode == "1200")
        #expect(error?.message == "Invalid parameter")
    }

    @Test func sensSendsUnderTheServiceIDAndSendsOnlyWhatWasSet() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let sens = SENSSMSClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(202, #"{"requestId":"RSSA-1","requestTime":"2018-10-08T19:10:46.154","statusCode":"202","statusName":"success"}"#))
        let sent = try await sens.sendMessage(serviceID: "ncp:sms:kr:1:demo", type: .sms, from: "0212345678", content: "hi",
                                              messages: [MessageTarget(to: "01012345678")])
        #expect(sent.statusCode == "202")
        #expect(server.requests[0].target == "/sms/v2/services/ncp%3Asms%3Akr%3A1%3Ademo/messages")
        #expect(String(decoding: server.requests[0].body, as: UTF8.self)
                == #"{"content":"hi","from":"0212345678","messages":[{"to":"01012345678"}],"type":"SMS"}"#)
        let tooMany = await #expect(throws: NCPError.self) {
            try await sens.sendMessage(serviceID: "s", type: .sms, from: "1", content: "x", messages: Array(repeating: MessageTarget(to: "1"), count: 101))
        }
        #expect(tooMany?.kind == .invalidRequest)
        server.enqueue(.json(200, #"{"requestId":"RSSA-1","statusCode":"200","statusName":"success","messages":[{"messageId":"m1","to":"01012345678"}]}"#))
        let lookup = try await sens.getMessageRequest(serviceID: "ncp:sms:kr:1:demo", requestID: "RSSA-1")
        #expect(lookup.messages.first?["messageId"] == "m1")
        #expect(server.requests.count == 2)
    }

    @Test func clovaSpeechSendsItsAPIKeyToTheInvokeURLAndItsOptionsAsAJSONPartBesideTheFile() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let invokeURL = server.baseURL.appendingPathComponent("external/v1/1234/0123abcd")
        let speech = CLOVASpeechClient(apiKey: NCPAPIKey("speech-secret"), baseURL: invokeURL, retryPolicy: .none)
        #expect(!"\(speech.client.configuration)".contains("speech-secret"))
        let audio = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        server.enqueue(.json(200, #"{"result":"SUCCEEDED","message":"Succeeded","token":"t1"}"#))
        let accepted = try await speech.recognizeUpload(media: NCPFile(data: audio, filename: "call.wav", contentType: "audio/wav"),
                                                        params: RecognitionOptions(language: .korean, completion: .async, resultToObs: true,
                                                                                   diarization: Diarization(enable: true, speakerCountMin: 2)))
        #expect(accepted.result == .succeeded && accepted.token == "t1")
        let sent = try #require(server.requests.last)
        #expect(sent.target == "/external/v1/1234/0123abcd/recognizer/upload")
        #expect(sent.headers["x-clovaspeech-api-key"] == "speech-secret")
        #expect(sent.headers.keys.allSatisfy { !$0.hasPrefix("x-ncp-") }) // no gateway signature, no access key
        let boundary = try #require(sent.headers["content-type"]?.split(separator: "=").last.map(String.init))
        let expected = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"media\"; filename=\"call.wav\"\r\nContent-Type: audio/wav\r\n\r\n".utf8)
            + audio + Data("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"params\"\r\nContent-Type: application/json\r\n\r\n".utf8)
            + Data(#"{"completion":"async","diarization":{"enable":true,"speakerCountMin":2},"language":"ko-KR","resultToObs":true}"#.utf8)
            + Data("\r\n--\(boundary)--\r\n".utf8)
        #expect(sent.body == expected) // byte for byte: the file as given, and only the options that were set

        func job(_ state: String) -> LoopbackServer.Answer {
            .json(200, #"{"result":"\#(state)","message":"m","token":"t1","text":"안녕하세요","segments":[{"start":0,"end":1200,"text":"안녕하세요","words":[[0,1200,"안녕하세요"]]}]}"#)
        }
        server.enqueue(job("PROCESSING"), job("COMPLETED"))
        let done = try await speech.waitUntilRecognitionCompleted(token: "t1", policy: WaitPolicy(initialDelay: .milliseconds(1), timeout: .seconds(5)))
        #expect(done.text == "안녕하세요" && done.segments?.first?.end == 1200)
        #expect(server.requests.suffix(2).map(\.target) == ["/external/v1/1234/0123abcd/recognizer/t1", "/external/v1/1234/0123abcd/recognizer/t1"])

        server.enqueue(job("FAILED"))
        await #expect(throws: (any Error).self) { try await speech.waitUntilRecognitionCompleted(token: "t1", policy: WaitPolicy(initialDelay: .milliseconds(1), timeout: .seconds(5))) }
        // Without a key, nothing is sent.
        let keyless = CLOVASpeechClient(configuration: NCPClientConfiguration(baseURL: invokeURL, credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK")))
        let before = server.requests.count
        let missing = await #expect(throws: NCPError.self) { try await keyless.getRecognition(token: "t1") }
        #expect(missing?.kind == .credentials && missing?.message.contains("X-CLOVASPEECH-API-KEY") == true)
        #expect(server.requests.count == before)
    }

    @Test func secureTokenServiceAnswersOnEachSiteAndNeverDescribesTheSecretItReturns() async throws {
        let gov = try SecureTokenServiceClient.endpoints.endpoint(environment: ["NCLOUD_SITE": "gov"])
        #expect(gov.baseURL.absoluteString == "https://sts.apigw.gov-ntruss.com" && gov.basePath == "/api/v1")
        #expect(try SecureTokenServiceClient.endpoints.endpoint(site: .fin, environment: [:]).baseURL.absoluteString == "https://sts.apigw.fin-ntruss.com")
        #expect(throws: NCPEndpointError.self) { try SecureTokenServiceClient.endpoints.endpoint(region: "SGN", site: .gov, environment: [:]) }

        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let sts = SecureTokenServiceClient(configuration: server.client(retryPolicy: .none).configuration)
        let secret = "ncp_iam_TEMPORARY-SECRET-VALUE"
        server.enqueue(.json(200, #"{"accessKey":"ncp_iam_AK","keySecret":"\#(secret)","createTime":"2024-10-10T16:58:28Z","expireTime":"2024-10-10T17:58:28Z","useMfa":true}"#))
        let input = CreateCredentialsInput(durationSec: 900, serialNumber: "nrn:otp", tokenCode: 123456)
        let issued = try await sts.createCredentials(input)
        #expect(issued.keySecret == secret && issued.expireTime?.date() == Date(timeIntervalSince1970: 1_728_583_108))
        let sent = try #require(server.requests.last)
        #expect(sent.target == "/api/v1/credentials" && sent.signatureIsValid)
        #expect(String(decoding: sent.body, as: UTF8.self) == #"{"durationSec":900,"serialNumber":"nrn:otp","tokenCode":123456}"#)
        // The secret the answer carries, and the OTP code the input carries, never show in a description or a dump.
        for (value, hidden) in [(issued as Any, secret), (input as Any, "123456")] {
            var dumped = ""
            dump(value, to: &dumped)
            for text in [String(describing: value), String(reflecting: value), dumped] {
                #expect(!text.contains(hidden), "\(text)")
                #expect(text.contains("<redacted>"), "\(text)")
            }
        }
        #expect(String(describing: issued).hasPrefix("AccessKeyDetails(accessKey: ncp_iam_AK, keySecret: <redacted>, createTime: 2024-10-10T16:58:28Z"))
        // The documented limits hold before anything is sent.
        await #expect(throws: NCPError.self) { try await sts.createCredentials(durationSec: 599) }
        #expect(server.requests.count == 1)
    }
}
