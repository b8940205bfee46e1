import Foundation
import MediaIntelligence
@testable import MediaIntelligenceTesting
import NCPRuntime
import Testing
import TestSupport

/// Code a user would write against the protocol: it never names the concrete client.
struct IndexingWorkflow {
    let api: any MediaIntelligenceClientProtocol

    /// Starts indexing and waits for it, reporting every state it sees.
    func index(projectID: Int64, assetID: Int64, report: @Sendable (AnalysisStatus) -> Void) async throws -> AnalysisStatus {
        _ = try await api.requestIndex(workspaceName: "my-workspace", projectID: projectID, assetID: assetID, sceneRange: .short)
        let done = try await api.waitUntilIndexCompleted(workspaceName: "my-workspace", projectID: projectID, assetID: assetID) { progress in
            report(progress.status)
        }
        return done.status
    }
}

/// Hands out the answers of a scripted sequence, one per call; the last one repeats.
final class Script<Answer: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [Answer]

    init(_ answers: [Answer]) { self.answers = answers }

    func next() -> Answer {
        lock.withLock { answers.count > 1 ? answers.removeFirst() : answers[0] }
    }
}

/// Collects what a callback reports, from any thread.
final class Collected<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Value] = []

    func append(_ value: Value) { lock.withLock { stored.append(value) } }
    var values: [Value] { lock.withLock { stored } }
}

/// The generated test double: what a user's unit tests stand on.
@Suite struct TestDoubleTests {
    @Test func everyDefaultAnswerDecodesIntoItsResultType() throws {
        #expect(MediaIntelligenceClientDouble.Examples.all.count >= 60)
        for example in MediaIntelligenceClientDouble.Examples.all {
            do {
                _ = try example.decode()
            } catch {
                Issue.record("the example of \(example.operationID) doesn't decode: \(error)")
            }
        }
    }

    @Test func anOperationAnswersWithTheSpecsExampleUntilATestAnswersIt() async throws {
        let double = MediaIntelligenceClientDouble()
        // The spec's documented example for `searchAssets`.
        let started = try await double.searchAssets(workspaceName: "my-workspace", query: SearchQuery(textQuery: "dark alley"))
        #expect(started.searchID == "JtWJKTDCKknMHP8Id4Gt")

        double.handlers.searchAssets = { input in
            #expect(input.query.textQuery == "dark alley")
            return SearchStarted(searchID: "mine")
        }
        let answered = try await double.searchAssets(workspaceName: "my-workspace", query: SearchQuery(textQuery: "dark alley"))
        #expect(answered.searchID == "mine")
        #expect(double.calls.count == 2)
        #expect(double.calls.map(\.operationID) == ["searchAssets", "searchAssets"])
    }

    @Test func callsAreRecordedWithTheirArgumentsInOrder() async throws {
        let double = MediaIntelligenceClientDouble()
        _ = try await double.createProject(workspaceName: "my-workspace", name: "Trailers")
        try await double.deleteProject(workspaceName: "my-workspace", projectID: 7)
        #expect(double.calls == [
            .createProject(CreateProjectInput(workspaceName: "my-workspace", name: "Trailers")),
            .deleteProject(DeleteProjectInput(workspaceName: "my-workspace", projectID: 7)),
        ])
        guard case .createProject(let input) = double.calls.first else {
            Issue.record("the first call is \(String(describing: double.calls.first))")
            return
        }
        #expect(input.name == "Trailers")
    }

    @Test func aRequestBreakingADocumentedLimitIsRefusedAndNotRecorded() async throws {
        let double = MediaIntelligenceClientDouble()
        do {
            _ = try await double.createProject(workspaceName: "my-workspace", name: "a;b")
            Issue.record("a project name with ';' was accepted")
        } catch let error as NCPError {
            #expect(error.kind == .invalidRequest)
            #expect(error.field == "name")
        }
        #expect(double.calls.isEmpty)
    }

    @Test func aHandlerCanThrowTheServicesError() async throws {
        let double = MediaIntelligenceClientDouble()
        double.handlers.getWorkspace = { _ in
            throw NCPError(kind: .service, operationID: "getWorkspace", message: "no such workspace", statusCode: 404,
                           serviceCode: .mediaIntelligence.workspaceNotFound)
        }
        await #expect {
            _ = try await double.getWorkspace(workspaceName: "gone")
        } throws: { error in
            (error as? NCPError)?.serviceCode == .mediaIntelligence.workspaceNotFound
        }
        #expect(double.calls == [.getWorkspace(GetWorkspaceInput(workspaceName: "gone"))])
    }

    @Test func aWaitThroughTheProtocolShowsEveryState() async throws {
        let double = MediaIntelligenceClientDouble()
        let states = Script<AnalysisStatus>([.waitAnalyze, .analyzing, .analyzeCompleted])
        double.handlers.getIndexStatus = { _ in IndexProgress(status: states.next()) }
        let seen = Collected<AnalysisStatus>()
        let final = try await IndexingWorkflow(api: double).index(projectID: 1, assetID: 2) { seen.append($0) }
        #expect(final == .analyzeCompleted)
        #expect(seen.values == [.waitAnalyze, .analyzing, .analyzeCompleted])
        #expect(double.calls.map(\.operationID) == ["requestIndex", "getIndexStatus", "getIndexStatus", "getIndexStatus"])
    }

    @Test func aFailedJobCarriesItsLastStateTyped() async throws {
        let double = MediaIntelligenceClientDouble()
        double.handlers.getIndexStatus = { _ in IndexProgress(status: .analyzeFail) }
        do {
            _ = try await IndexingWorkflow(api: double).index(projectID: 1, assetID: 2) { _ in }
            Issue.record("a failed job was reported as done")
        } catch let error as NCPError {
            #expect(error.kind == .jobFailed)
            #expect(error.jobState(as: IndexProgress.self)?.status == .analyzeFail)
        }
    }

    @Test func theDefaultAnswerOfAPolledOperationEndsTheWaitAtOnce() async throws {
        let double = MediaIntelligenceClientDouble()
        let status = try await IndexingWorkflow(api: double).index(projectID: 1, assetID: 2) { _ in }
        #expect(status == .analyzeCompleted)
        #expect(double.calls.filter { $0.operationID == "getIndexStatus" }.count == 1)
    }

    @Test func pagesComeThroughTheProtocolUntilTheLast() async throws {
        let double = MediaIntelligenceClientDouble()
        double.handlers.listWorkspaces = { input in
            let names = input.pageNumber == 1 ? ["a", "b"] : ["c"]
            return WorkspacePage(totalCount: 3, totalPage: 2, pageNo: Int64(input.pageNumber), pageSize: 2,
                                 content: names.map { Workspace(workspaceName: $0, workspaceURL: "https://example.com/\($0)") })
        }
        let api: any MediaIntelligenceClientProtocol = double
        var names: [String] = []
        for try await workspace in api.listWorkspacesPages(pageSize: 2).items { names.append(workspace.workspaceName) }
        #expect(names == ["a", "b", "c"])
        #expect(double.calls == [
            .listWorkspaces(ListWorkspacesInput(pageNumber: 1, pageSize: 2)),
            .listWorkspaces(ListWorkspacesInput(pageNumber: 2, pageSize: 2)),
        ])
    }

    @Test func concurrentCallsAreAllRecorded() async throws {
        let double = MediaIntelligenceClientDouble()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for id in 0..<200 {
                group.addTask { _ = try await double.getProject(workspaceName: "my-workspace", projectID: Int64(id)) }
            }
            try await group.waitForAll()
        }
        let ids = double.calls.compactMap { call -> Int64? in
            guard case .getProject(let input) = call else { return nil }
            return input.projectID
        }
        #expect(Set(ids) == Set(0..<200))
    }

    @Test func theRealClientWorksThroughTheProtocolToo() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"status":"ANALYZING"}"#))
        server.enqueue(.success(#"{"status":"ANALYZE_COMPLETED"}"#))
        let sleeper = RecordingSleeper()
        let api: any MediaIntelligenceClientProtocol = MediaIntelligenceClient(configuration: server.client(sleeper: sleeper).configuration)
        let progress = try await api.waitUntilIndexCompleted(workspaceName: "my-workspace", projectID: 1, assetID: 2)
        #expect(progress.status == .analyzeCompleted)
        #expect(server.requests.count == 2)
        #expect(server.requests.allSatisfy { $0.signatureIsValid })
        // The client's own sleeper paused between the polls, as its configuration says.
        #expect(sleeper.sleeps.count == 1)
    }
}
