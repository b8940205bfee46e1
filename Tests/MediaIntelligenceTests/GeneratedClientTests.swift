import Foundation
import KitchenSinkClient
import MediaIntelligence
import NCPRuntime
import Testing
import TestSupport

/// The generated client end to end: what goes on the wire and what comes back, on a real loopback server.
@Suite(.serialized) struct GeneratedClientTests {
    func client(_ server: LoopbackServer, sleeper: RecordingSleeper = RecordingSleeper()) -> MediaIntelligenceClient {
        MediaIntelligenceClient(configuration: server.client(sleeper: sleeper).configuration)
    }

    /// Two JSON texts hold the same value.
    func sameJSON(_ data: Data, _ text: String) throws -> Bool {
        let lhs = try JSONDecoder().decode(JSONValue.self, from: data)
        let rhs = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        return lhs == rhs
    }

    @Test func anIndexRequestSendsTypedAndAdditionalBodyFields() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"id":1001,"createdTime":"2025-04-23T17:13:48","createdUserName":"username"}"#))
        let started = try await client(server).requestIndexWithDocumentedExample()
        #expect(started.id == 1001)
        #expect(started.createdTime.rawValue == "2025-04-23T17:13:48")
        let received = try #require(server.requests.first)
        #expect(received.method == "POST")
        #expect(received.target == "/api/v1/workspaces/my-workspace/projects/1234/assets/5678/index")
        #expect(received.signatureIsValid)
        #expect(try sameJSON(received.body, #"{"sceneRange":"LONG","analysisPersonCount":3,"sourceLanguage":"ENKO"}"#))
    }

    @Test func nonASCIIAndCommaSeparatedQueriesAreEncodedOnceAndSigned() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"totalCount":0,"totalPage":0,"pageNo":1,"pageSize":10,"content":[]}"#))
        let page = try await client(server).listPersons(workspaceName: "my-workspace", pageNumber: 1, pageSize: 10, name: "홍길동", tagIDs: [100, 200])
        #expect(page.content.isEmpty)
        let received = try #require(server.requests.first)
        #expect(received.target == "/api/v1/workspaces/my-workspace/persons?pageNum=1&pageSize=10&name=%ED%99%8D%EA%B8%B8%EB%8F%99&tagIdList=100,200")
        #expect(received.signatureIsValid)
    }

    @Test func theDocumentedSearchBodyIsSentAndItsNullImageQueryLeftOut() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"searchId":"JtWJKTDCKknMHP8Id4Gt"}"#))
        let started = try await client(server).searchAssets(
            workspaceName: "my-workspace",
            query: SearchQuery(textQuery: "Dark alley", personQuery: PersonCondition(must: [101, 102], any: [103], not: [104]),
                               dialogQuery: DialogCondition(must: ["Run"], any: ["Danger"], not: ["Be quiet"])),
            options: SearchOptions(confidenceLevel: .medium),
            filter: SearchFilter(projectIDs: [201], assetTypes: [.video], indexModifiedFrom: NCPDateTime(rawValue: "2025-08-01T00:00:00Z"),
                                 indexModifiedTo: NCPDateTime(rawValue: "2025-08-07T23:59:59Z")))
        #expect(started.searchID == "JtWJKTDCKknMHP8Id4Gt")
        let body = try #require(server.requests.first?.body)
        #expect(try sameJSON(body, #"""
            {"query":{"textQuery":"Dark alley","personQuery":{"must":[101,102],"any":[103],"not":[104]},
             "dialogQuery":{"must":["Run"],"any":["Danger"],"not":["Be quiet"]}},
             "queryOption":{"confidenceLevel":"MEDIUM"},
             "filter":{"projectIds":[201],"assetTypes":["VIDEO"],"indexModifiedFrom":"2025-08-01T00:00:00Z","indexModifiedTo":"2025-08-07T23:59:59Z"}}
            """#))
    }

    @Test func aDeleteWithABodyArrivesWithItsBody() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"tagList":[{"id":7,"name":"kept"}]}"#))
        let remaining = try await client(server).removePersonTags(workspaceName: "my-workspace", personID: 42, tagIDs: [1, 2])
        #expect(remaining.tagList == [TagReference(id: 7, name: "kept")])
        let received = try #require(server.requests.first)
        #expect(received.method == "DELETE")
        #expect(received.target == "/api/v1/workspaces/my-workspace/persons/42/person-tags")
        #expect(try sameJSON(received.body, #"{"tagIds":[1,2]}"#))
    }

    @Test func theProjectCountIsReadFromBesideTheResult() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(200, #"{"code":"0","message":"success","totalCount":2,"result":{"projects":[{"projectId":1,"name":"a"},{"projectId":2,"name":"b","isBaseProject":true}]}}"#))
        let list = try await client(server).listProjects(workspaceName: "my-workspace")
        #expect(list.totalCount == 2)
        #expect(list.projects.map(\.projectID) == [1, 2])
        #expect(list.projects[1].isBaseProject == true)
    }

    @Test func aRequestThatBreaksADocumentedLimitNeverLeavesTheProcess() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let forbidden = await #expect(throws: NCPError.self) { try await client(server).createProject(workspaceName: "my-workspace", name: "a;b") }
        #expect(forbidden?.kind == .invalidRequest)
        #expect(forbidden?.field == "name")
        #expect(forbidden?.message == "'name' must not contain ';', '|', '`' (it contains ';')")
        let both = await #expect(throws: NCPError.self) {
            try await client(server).searchAssets(workspaceName: "my-workspace", query: SearchQuery(textQuery: "cat", imageQuery: "images/cat.jpg"))
        }
        #expect(both?.message == "'query.textQuery/query.imageQuery' must be only one of query.textQuery or query.imageQuery, not both")
        let tooMany = await #expect(throws: NCPError.self) {
            try await client(server).requestIndexWithTooLongMinimumScene()
        }
        #expect(tooMany?.message == "'minSceneDurationSec' must be at most 30 (it is 31)")
        let badWorkspace = await #expect(throws: NCPError.self) { try await client(server).getWorkspace(workspaceName: "My Workspace") }
        #expect(badWorkspace?.field == "workspace_name")
        #expect(server.requests.isEmpty)
    }

    @Test func everyDocumentedServiceErrorArrivesAsItsConstant() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        #expect(MediaIntelligenceErrorCatalog.serviceErrors.count == 36)
        #expect(MediaIntelligenceErrorCatalog.gatewayErrors.count == 12)
        #expect(MediaIntelligenceErrorCatalog.serviceErrors.first { $0.code == "10072" }?.statuses == [400, 422])
        // No retries here: 500/99999 would be retried for this idempotent GET.
        let noRetries = MediaIntelligenceClient(configuration: server.client(retryPolicy: .none).configuration)
        for entry in MediaIntelligenceErrorCatalog.serviceErrors {
            let message = entry.message.replacingOccurrences(of: "\"", with: "\\\"")
            server.enqueue(.json(entry.statuses[0], #"{"code":"\#(entry.code)","message":"\#(message)"}"#))
            let error = await #expect(throws: NCPError.self) { try await noRetries.getWorkspace(workspaceName: "my-workspace") }
            #expect(error?.serviceCode?.rawValue == entry.code)
            #expect(error.flatMap(MediaIntelligenceErrorCatalog.entry(for:)) == entry)
            #expect(error?.message == entry.message)
        }
        server.enqueue(.json(401, #"{"error":{"errorCode":"210","message":"Permission Denied"}}"#))
        let gateway = await #expect(throws: NCPError.self) { try await client(server).getWorkspace(workspaceName: "my-workspace") }
        #expect(gateway?.gatewayCode == .mediaIntelligence.permissionDenied)
        #expect(gateway.flatMap(MediaIntelligenceErrorCatalog.entry(for:))?.statuses == [401])
        #expect(ServiceErrorCode.mediaIntelligence.workspaceNotFound == "10030")
    }

    @Test func theShortInitialiserTakesALogger() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"workspaceName":"my-workspace","workspaceUrl":"u"}"#))
        let log = CapturedLog()
        let client = MediaIntelligenceClient(credentials: StaticCredentialProvider(accessKey: server.accessKey, secretKey: server.secretKey),
                                             baseURL: server.baseURL, logger: log.logger)
        _ = try await client.getWorkspace(workspaceName: "my-workspace")
        #expect(log.lines.count == 1)
        #expect(log.lines.first?.contains("GET /api/v1/workspaces/my-workspace -> 200") == true)
        #expect(client.client.configuration.logger.label == "test")
        #expect(MediaIntelligenceClient().client.configuration.logger.label == "ncp.client")
    }

    @Test func twoClientsInOneModuleKeepTheirErrorCodesApart() {
        // Both generated modules document the gateway's 210 as `permissionDenied`; each sits under its own name.
        let code: GatewayErrorCode? = "210"
        #expect(code == .mediaIntelligence.permissionDenied)
        #expect(code == .kitchenSink.permissionDenied)
        let error = NCPError(kind: .service, operationID: "getWorkspace", message: "no", serviceCode: "10030")
        switch error.serviceCode {
        case .mediaIntelligence.workspaceNotFound?: break
        default: Issue.record("10030 should match the namespaced constant")
        }
        #expect(error.serviceCode != .kitchenSink.bothQueries)
    }

    @Test func pagesAreFetchedUntilTheLastOne() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        for page in 1...3 {
            server.enqueue(.success(#"{"totalCount":3,"totalPage":3,"pageNo":\#(page),"pageSize":1,"content":[{"workspaceName":"w\#(page)","workspaceUrl":"u"}]}"#))
        }
        var names: [String] = []
        for try await workspace in client(server).listWorkspacesPages(pageSize: 1).items {
            names.append(workspace.workspaceName)
        }
        #expect(names == ["w1", "w2", "w3"])
        #expect(server.requests.map(\.target) == (1...3).map { "/api/v1/workspaces?pageNum=\($0)&pageSize=1" })
    }

    @Test func waitingPollsUntilTheSearchCompletes() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"searchId":"s1","status":"RUNNING"}"#), .success(#"{"searchId":"s1","status":"RUNNING"}"#),
                       .success(#"{"searchId":"s1","status":"COMPLETED","totalCount":1,"totalPage":1,"pageNo":1,"pageSize":50,"results":[{"sceneId":9}]}"#))
        let sleeper = RecordingSleeper()
        let result = try await client(server, sleeper: sleeper).waitUntilSearchCompleted(workspaceName: "my-workspace", searchID: "s1")
        #expect(result.status == .completed)
        #expect(result.results?.first?["sceneId"] == .integer(9))
        #expect(sleeper.sleeps.count == 2)
        server.enqueue(.success(#"{"searchId":"s2","status":"FAILED"}"#))
        let failed = await #expect(throws: NCPError.self) {
            try await client(server, sleeper: sleeper).waitUntilSearchCompleted(workspaceName: "my-workspace", searchID: "s2")
        }
        #expect(failed?.kind == .jobFailed)
    }

    @Test func aWaitCanBeWatchedAndItsFailureCarriesTheTypedState() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"searchId":"s1","status":"RUNNING"}"#), .success(#"{"searchId":"s1","status":"FAILED"}"#))
        let log = CapturedLog()
        let client = MediaIntelligenceClient(configuration: server.client(logger: log.logger).configuration)
        var seen: [SearchStatus] = []
        var thrown: NCPError?
        do {
            _ = try await client.waitUntilSearchCompleted(workspaceName: "my-workspace", searchID: "s1") { state in
                seen.append(state.status)
            }
        } catch let error as NCPError {
            thrown = error
        }
        let failed = try #require(thrown)
        #expect(failed.kind == .jobFailed)
        #expect(seen == [.running, .failed])
        #expect(failed.jobState(as: SearchResultPage.self)?.status == .failed)
        #expect(failed.message.hasPrefix("the job ended with status FAILED after "))
        #expect("\(failed)".hasSuffix("(2 polls)"))
        let polls = log.lines.filter { $0.contains("getAssetSearchResult poll") }
        #expect(polls.count == 2)
        #expect(polls.first?.contains("poll 1: status RUNNING; asking again in ") == true)
        #expect(polls.last?.contains("poll 2: status FAILED; the job failed") == true)
    }

    @Test func undocumentedResultsComeBackAsOpenJSONOrNull() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"merged":[1,2]}"#), .json(200, #"{"code":"0","message":"success"}"#))
        let merged = try await client(server).mergePersons(workspaceName: "my-workspace", personID: 1, personIDs: [2, 3])
        #expect(merged["merged"] == [1, 2])
        let cancelled = try await client(server).cancelSceneSummary(workspaceName: "my-workspace", projectID: 1, assetID: 2)
        #expect(cancelled == .null)
    }

    @Test func theKitchenSinkSnippetCompilesAndChecksItsRules() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let sink = KitchenSinkClient(configuration: server.client().configuration)
        let error = await #expect(throws: NCPError.self) { try await sink.startJob(spaceName: "my-space", minimum: 12) }
        #expect(error?.message == "'minimum/maximum' must be given together")
        server.enqueue(.success(#"{"jobId":5,"status":"WAITING","msg":"queued"}"#))
        let job = try await sink.startJob(spaceName: "my-space", minimum: 12, maximum: 20, additionalFields: ["priority": "high"])
        #expect(job.message == "queued")
        // `mode` has a documented default, which is documentation: the client leaves it to the service.
        #expect(try sameJSON(server.requests[0].body, #"{"minimum":12,"maximum":20,"priority":"high"}"#))
    }

    @Test func onlyWhatTheCallerSetIsSent() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"id":1001,"createdTime":"2025-04-23T17:13:48","createdUserName":"username"}"#),
                       .success(#"{"totalCount":0,"totalPage":0,"pageNo":1,"pageSize":1000,"content":[]}"#))
        let client = client(server)
        try await (client as any DeprecatedOperationCalls).requestAnalysisWithOnlyAPersonCount()
        #expect(String(decoding: server.requests[0].body, as: UTF8.self) == #"{"analysisPersonCount":3}"#)
        _ = try await client.listWorkspaces(pageNumber: 1)
        #expect(server.requests[1].target == "/api/v1/workspaces?pageNum=1")
    }

    @Test func anUnknownSceneRangeInAnIndexListDecodes() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"totalCount":1,"indexes":[{"indexId":7,"type":"VIDEO","analysisSetting":{"analysisEngine":"Sinossi v1.0","sceneRange":"CUSTOM","minSceneDurationSec":12}}]}"#))
        let list = try await (client(server) as any DeprecatedOperationCalls).listIndexesOfAnAsset()
        let setting = try #require(list.indexes.first?.analysisSetting)
        #expect(setting.sceneRange == .unknown("CUSTOM"))
        #expect(setting.additionalFields["minSceneDurationSec"] == 12)
    }

    @Test func personIDsAndScriptsAreLimitedToAHundredInAllPerSearch() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = client(server)
        let sixty = (1...60).map(Int64.init)
        let tooMany = SearchQuery(textQuery: "alley", personQuery: PersonCondition(must: sixty, any: sixty))
        let error = await #expect(throws: NCPError.self) {
            try await client.searchAssets(workspaceName: "my-workspace", query: tooMany, filter: SearchFilter(projectIDs: [1]))
        }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.message == "'query.personQuery.must/query.personQuery.any/query.personQuery.not' must have at most 100 items in all (they have 120)")
        let lines = DialogCondition(must: Array(repeating: "hello", count: 101))
        let tooManyLines = await #expect(throws: NCPError.self) {
            try await client.searchAssets(workspaceName: "my-workspace", query: SearchQuery(textQuery: "alley", dialogQuery: lines),
                                          filter: SearchFilter(projectIDs: [1]))
        }
        #expect(tooManyLines?.field == "query.dialogQuery.must/query.dialogQuery.any/query.dialogQuery.not")
        #expect(server.requests.isEmpty)
        server.enqueue(.success(#"{"searchId":"s-1"}"#))
        let fifty = (1...50).map(Int64.init)
        let started = try await client.searchAssets(workspaceName: "my-workspace",
                                                    query: SearchQuery(textQuery: "alley", personQuery: PersonCondition(must: fifty, not: fifty)),
                                                    filter: SearchFilter(projectIDs: [1]))
        #expect(started.searchID == "s-1")
    }

    @Test func textQueriesAreOneToAThousandCharacters() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let error = await #expect(throws: NCPError.self) {
            try await client(server).searchAssets(workspaceName: "my-workspace", query: SearchQuery(textQuery: String(repeating: "a", count: 1001)),
                                                  filter: SearchFilter(projectIDs: [1]))
        }
        #expect(error?.message == "'query.textQuery' must be at most 1000 characters long (it has 1001)")
        #expect(server.requests.isEmpty)
    }
}

extension MediaIntelligenceClient {
    /// The documented analysis example's values, sent through the index API (the analyze API is deprecated).
    func requestIndexWithDocumentedExample() async throws -> AnalysisStarted {
        // The index request's documented fields are partial; the rest travel in `additionalFields`.
        let result = try await requestIndex(workspaceName: "my-workspace", projectID: 1234, assetID: 5678, sceneRange: .long,
                                            additionalFields: ["analysisPersonCount": 3, "sourceLanguage": "ENKO"])
        return try JSONDecoder().decode(AnalysisStarted.self, from: JSONEncoder().encode(result))
    }

    func requestIndexWithTooLongMinimumScene() async throws {
        try await requestIndex(workspaceName: "my-workspace", projectID: 1, assetID: 2, minSceneDurationSec: 31, maxSceneDurationSec: 40)
    }
}

/// Calls of operations NAVER has deprecated, reached through a protocol so the tests that check them on purpose
/// don't warn (CI fails on any warning).
protocol DeprecatedOperationCalls {
    func requestAnalysisWithOnlyAPersonCount() async throws
    func listIndexesOfAnAsset() async throws -> IndexList
}

extension MediaIntelligenceClient: DeprecatedOperationCalls {
    @available(*, deprecated, message: "checks a deprecated operation on purpose")
    func requestAnalysisWithOnlyAPersonCount() async throws {
        _ = try await requestAnalysis(workspaceName: "my-workspace", projectID: 1, assetID: 2, analysisPersonCount: 3)
    }

    @available(*, deprecated, message: "checks a deprecated operation on purpose")
    func listIndexesOfAnAsset() async throws -> IndexList {
        try await listIndexes(workspaceName: "my-workspace", projectID: 1, assetID: 2)
    }
}
