import Foundation
import MediaIntelligence
import NCPAsyncHTTPClient
import NCPEmulator
import NCPRuntime
import Testing

/// Media Intelligence with its state, called by the real generated client over HTTP on loopback.
@Suite(.serialized) struct MediaIntelligenceEmulatorTests {
    @Test func theReadmeWorkflowRunsEndToEnd() async throws {
        let server = try await EmulatorFixture.start(jobSeconds: 1)
        defer { Task { await server.stop() } }
        let mi = MediaIntelligenceClient(configuration: EmulatorFixture.configuration(server))
        let quick = WaitPolicy(initialDelay: .milliseconds(100), maxDelay: .milliseconds(300), timeout: .seconds(30))

        // The README's calls, in order (its waits with a quicker poll).
        let project = try await mi.createProject(workspaceName: "my-workspace", name: "Trailers")
        let asset = try await mi.registerAsset(workspaceName: "my-workspace", projectID: project.projectID, key: "dark-alley-trailer.mp4", bucketName: "media")
        let registered = try await mi.waitUntilAssetRegistered(workspaceName: "my-workspace", projectID: project.projectID, assetID: asset.assetID, policy: quick)
        #expect(registered.uploadStatus == .completed)
        _ = try await mi.requestIndex(workspaceName: "my-workspace", projectID: project.projectID, assetID: asset.assetID,
                                      sceneRange: .short, additionalFields: ["analysisPersonCount": 3])
        var seen: [String] = []
        let indexed = try await mi.waitUntilIndexCompleted(workspaceName: "my-workspace", projectID: project.projectID, assetID: asset.assetID,
                                                           policy: quick) { progress in seen.append(progress.status.rawValue) }
        #expect(indexed.status == .analyzeCompleted)
        #expect(seen.last == "ANALYZE_COMPLETED" && seen.allSatisfy { ["BEFORE_ANALYZE", "WAIT_ANALYZE", "ANALYZING", "ANALYZE_COMPLETED"].contains($0) })
        let search = try await mi.searchAssets(workspaceName: "my-workspace", query: SearchQuery(textQuery: "dark alley"),
                                               filter: SearchFilter(projectIDs: [project.projectID]))
        let results = try await mi.waitUntilSearchCompleted(workspaceName: "my-workspace", searchID: search.searchID, policy: quick)
        #expect(results.totalCount == 3) // the index's three scenes, each matching both words of the asset's key
        var names: [String] = []
        for try await workspace in mi.listWorkspacesPages().items { names.append(workspace.workspaceName) }
        #expect(names == ["my-workspace"])
    }

    @Test func statesErrorsAndCancelRulesAreTheDocumentedOnes() async throws {
        let server = try await EmulatorFixture.start(jobSeconds: 2)
        defer { Task { await server.stop() } }
        let mi = MediaIntelligenceClient(configuration: EmulatorFixture.configuration(server))
        let project = try await mi.createProject(workspaceName: "my-workspace", name: "Rules")
        let taken = await #expect(throws: NCPError.self) { try await mi.createProject(workspaceName: "my-workspace", name: "Rules") }
        #expect(taken?.serviceCode == .mediaIntelligence.projectNameTaken && taken?.statusCode == 409)
        let missing = await #expect(throws: NCPError.self) { try await mi.getWorkspace(workspaceName: "nowhere") }
        #expect(missing?.serviceCode == .mediaIntelligence.workspaceNotFound && missing?.statusCode == 404)

        let asset = try await mi.registerAsset(workspaceName: "my-workspace", projectID: project.projectID, key: "clip.mp4", bucketName: "media")
        _ = try await mi.requestIndex(workspaceName: "my-workspace", projectID: project.projectID, assetID: asset.assetID, sceneRange: .short)
        let busy = await #expect(throws: NCPError.self) { try await mi.deleteAsset(workspaceName: "my-workspace", projectID: project.projectID, assetID: asset.assetID) }
        #expect(busy?.serviceCode == .mediaIntelligence.assetBeingAnalyzed)
        _ = try await mi.cancelIndex(workspaceName: "my-workspace", projectID: project.projectID, assetID: asset.assetID)
        #expect(try await mi.getIndexStatus(workspaceName: "my-workspace", projectID: project.projectID, assetID: asset.assetID).status == .analyzeCancel)
        // Nothing is being analysed any more, so there is nothing to cancel: 10038, as documented.
        let again = await #expect(throws: NCPError.self) { try await mi.cancelIndex(workspaceName: "my-workspace", projectID: project.projectID, assetID: asset.assetID) }
        #expect(again?.serviceCode == .mediaIntelligence.unanalyzedAssetNotCancellable)

        // A key that says "fail" fails its indexing, and the waiter reports the typed last state.
        let failing = try await mi.registerAsset(workspaceName: "my-workspace", projectID: project.projectID, key: "will-fail.mp4", bucketName: "media")
        _ = try await mi.requestIndex(workspaceName: "my-workspace", projectID: project.projectID, assetID: failing.assetID, sceneRange: .short)
        let failed = await #expect(throws: NCPError.self) {
            try await mi.waitUntilIndexCompleted(workspaceName: "my-workspace", projectID: project.projectID, assetID: failing.assetID,
                                                 policy: WaitPolicy(initialDelay: .milliseconds(200), timeout: .seconds(30)))
        }
        #expect(failed?.kind == .jobFailed && failed?.jobState(as: IndexProgress.self)?.status == .analyzeFail)
    }

    @Test func aThousandConcurrentTagCreationsMakeAThousandTags() async throws {
        let server = try await EmulatorFixture.start()
        defer { Task { await server.stop() } }
        var configuration = EmulatorFixture.configuration(server)
        configuration.transport = NCPTransport.asyncHTTPClient()
        let mi = MediaIntelligenceClient(configuration: configuration)
        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for number in 0..<1000 { group.addTask { try await mi.createPersonTag(workspaceName: "my-workspace", name: "tag-\(number)").id } }
            return try await group.reduce(into: [Int64]()) { $0.append($1) }
        }
        #expect(Set(ids).count == 1000)
        var listed: Set<Int64> = []
        for try await tag in mi.listPersonTagsPages(workspaceName: "my-workspace", pageSize: 50).items { listed.insert(tag.id) }
        #expect(listed == Set(ids))
    }

    @Test func presignedUploadsGoToTheEmulatorItself() async throws {
        let server = try await EmulatorFixture.start()
        defer { Task { await server.stop() } }
        let mi = MediaIntelligenceClient(configuration: EmulatorFixture.configuration(server))
        let upload = try await mi.createPersonThumbnailUploadURL(workspaceName: "my-workspace", thumbnailFileName: "face.jpg")
        #expect(upload.url.hasPrefix(server.baseURL.absoluteString))
        #expect(try await mi.getPersonThumbnailUploadStatus(workspaceName: "my-workspace", thumbnailKey: upload.thumbnailKey).uploadStatus == .failed)
        try await mi.client.upload(Data(repeating: 7, count: 2048), toPresignedURL: try #require(URL(string: upload.url)), contentType: "image/jpeg")
        #expect(try await mi.getPersonThumbnailUploadStatus(workspaceName: "my-workspace", thumbnailKey: upload.thumbnailKey).uploadStatus == .completed)
    }
}
