import Foundation
import NCPRuntime
import PageImportsApiGateway
import PageImportsBilling
import PageImportsCloudOutboundMailer
import PageImportsMediaIntelligence
import PageImportsNclue
import PageImportsSens
import Testing
import TestSupport

/// Clients generated from the specs `ncp-codegen import` made of real copies of NAVER's pages, called on a
/// loopback server: each request goes to the path the page documents, signed, with only the fields the caller
/// set, and each documented answer decodes.
@Suite(.serialized) struct PageImportedClientTests {
    @Test func mediaIntelligencePagesThroughWorkspacesAndSendsWhatWasSet() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = PageImportsMediaIntelligence.MediaIntelligenceClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(200, #"{"code":"0","message":"success","result":{"content":[{"workspaceName":"a"}],"totalCount":2,"totalPage":2,"pageNo":1,"pageSize":1}}"#),
                       .json(200, #"{"code":"0","message":"success","result":{"content":[{"workspaceName":"b"}],"totalCount":2,"totalPage":2,"pageNo":2,"pageSize":1}}"#))
        var names: [String?] = []
        for try await workspace in client.getWorkspaceListPages(pageSize: 1).items { names.append(workspace.workspaceName) }
        #expect(names == ["a", "b"])
        #expect(server.requests.map(\.target) == ["/api/v1/workspaces?pageNum=1&pageSize=1", "/api/v1/workspaces?pageNum=2&pageSize=1"])

        server.enqueue(.json(200, #"{"code":"0","message":"success","result":{"workspaceName":"my-workspace"}}"#))
        _ = try await client.createWorkspace(workspaceName: "my-workspace")
        #expect(server.requests.last?.method == "POST")
        #expect(try JSONDecoder().decode(JSONValue.self, from: server.requests.last?.body ?? Data()) == ["workspaceName": "my-workspace"])
        #expect(server.requests.allSatisfy { $0.signatureIsValid })
        // A limit the page states is enforced before anything is sent.
        await #expect(throws: NCPError.self) { _ = try await client.getWorkspaceList(pageNum: 1, pageSize: 5000) }
        #expect(server.requests.count == 3)
    }

    @Test func cloudOutboundMailerReadsAFileAndSendsAMail() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let mailer = CloudOutboundMailerClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(200, #"{"tempRequestId":"t-1","files":[{"fileName":"test.txt","fileSize":16,"fileId":"f-1"}]}"#))
        let file = try await mailer.getFile(tempRequestID: "t-1")
        #expect(file.tempRequestID == "t-1")
        #expect(server.requests.last?.target == "/api/v1/files/t-1")
        server.enqueue(.json(201, #"{"requestId":"r-1","count":1}"#))
        try await mailer.createMailRequest(senderAddress: "no-reply@example.com", title: "Hi", body: "Hello")
        #expect(server.requests.last?.target == "/api/v1/mails")
        #expect(try JSONDecoder().decode(JSONValue.self, from: server.requests.last?.body ?? Data())
            == ["senderAddress": "no-reply@example.com", "title": "Hi", "body": "Hello"])
        #expect(server.requests.allSatisfy { $0.signatureIsValid })
    }

    @Test func sensSendsAMessageUnderItsServiceID() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let sens = SensClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(202, #"{"requestId":"RSSA-1","statusCode":"202","statusName":"success"}"#))
        try await sens.sendMessage(serviceID: "ncp:sms:kr:1:demo", type: .sms, from: "0212345678", content: "hi", messages: [Message(to: "01012345678")])
        #expect(server.requests.last?.target == "/sms/v2/services/ncp%3Asms%3Akr%3A1%3Ademo/messages")
        server.enqueue(.json(200, #"{"fileId":"f-1","createTime":"2024-01-01 00:00:00","expireTime":"2024-01-08 00:00:00"}"#))
        let attachment = try await sens.smsAttachmentCreate(serviceID: "ncp:sms:kr:1:demo", fileName: "a.jpg", fileBody: "AAAA")
        #expect(attachment.fileID == "f-1")
        // A list the page limits to 100 entries is refused at 101, before it is sent.
        let tooMany = (0...100).map { Message(to: "010\($0)") }
        await #expect(throws: NCPError.self) { try await sens.sendMessage(serviceID: "s", type: .sms, from: "0", content: "c", messages: tooMany) }
        #expect(server.requests.count == 2)
        #expect(server.requests.allSatisfy { $0.signatureIsValid })
    }

    @Test func nclueRefusesAFilePathWithACharacterThePageForbids() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let nclue = NCLUEClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(200, "{}"))
        try await nclue.createTask(name: "task", trainFeatureID: "f", trainBucket: "b", trainFilePath: "data/train.tsv")
        #expect(server.requests.last?.target == "/api/v1/tasks")
        await #expect(throws: NCPError.self) { try await nclue.createTask(name: "task", trainFeatureID: "f", trainBucket: "b", trainFilePath: "a=b") }
        #expect(server.requests.count == 1)
    }

    @Test func billingAndAPIGatewayCallTheirDocumentedPaths() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let billing = PlatformClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(200, #"{"getRegionListResponse":{"returnCode":"0","regionList":[{"regionCode":"KR"}]}}"#))
        let regions = try await billing.getRegionList(regionCode: "KR")
        #expect(regions["getRegionListResponse"]?["returnCode"] == "0")
        #expect(server.requests.last?.target == "/billing/v1/region/getRegionList?regionCode=KR")
        let gateway = ApigatewayClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(200, #"{"apiPage":{"total":0,"content":[]}}"#))
        _ = try await gateway.productGetdocument(productID: "p-1", limit: 10)
        #expect(server.requests.last?.target == "/api/v1/products/p-1/document?limit=10")
        #expect(server.requests.allSatisfy { $0.signatureIsValid })
    }
}
