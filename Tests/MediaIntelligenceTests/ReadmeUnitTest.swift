// The README's "Testing your code" example, kept here verbatim so that it compiles and runs with the tests.
import MediaIntelligence
import MediaIntelligenceTesting // in a test target's dependencies only: apps never ship the double
import Testing

// Your code takes the protocol, not the client…
struct Indexer {
    let mi: any MediaIntelligenceClientProtocol

    /// Indexes an asset and returns every state the wait saw.
    func index(projectID: Int64, assetID: Int64) async throws -> [AnalysisStatus] {
        _ = try await mi.requestIndex(workspaceName: "my-workspace", projectID: projectID, assetID: assetID, sceneRange: .short)
        var seen: [AnalysisStatus] = []
        _ = try await mi.waitUntilIndexCompleted(workspaceName: "my-workspace", projectID: projectID, assetID: assetID) { progress in
            seen.append(progress.status)
        }
        return seen
    }
}

// …so its unit test runs on the double: no server, no credentials, no pauses between polls.
@Test func indexingWaitsThroughEveryStateUntilDone() async throws {
    let mi = MediaIntelligenceClientDouble() // answers every operation with the spec's example by default
    let states: [AnalysisStatus] = [.waitAnalyze, .analyzing, .analyzeCompleted]
    mi.handlers.getIndexStatus = { _ in
        let polls = mi.calls.filter { $0.operationID == "getIndexStatus" }.count // this poll included
        return IndexProgress(status: states[min(polls, states.count) - 1])
    }

    let seen = try await Indexer(mi: mi).index(projectID: 1, assetID: 2)

    #expect(seen == states)
    #expect(mi.calls.first == .requestIndex(RequestIndexInput(workspaceName: "my-workspace", projectID: 1, assetID: 2, sceneRange: .short)))
    #expect(mi.calls.count == 4) // the request, then three polls
}
