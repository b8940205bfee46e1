import Foundation
import MediaIntelligence
import NCPEmulator
import NCPRuntime
import Testing

/// The README's quick start, kept here verbatim (credentials aside) so a change that breaks it fails the build;
/// `ReadmeQuickStartTests` runs it against `ncp-emulator`.
func readmeQuickStart(_ mi: MediaIntelligenceClient) async throws {
    let project = try await mi.createProject(workspaceName: "my-workspace", name: "Trailers")
    let asset = try await mi.registerAsset(workspaceName: "my-workspace", projectID: project.projectID,
                                           key: "trailer.mp4", bucketName: "media")
    _ = try await mi.waitUntilAssetRegistered(workspaceName: "my-workspace", projectID: project.projectID, assetID: asset.assetID)
    _ = try await mi.requestIndex(workspaceName: "my-workspace", projectID: project.projectID, assetID: asset.assetID,
                                  sceneRange: .short, additionalFields: ["analysisPersonCount": 3])
    // A wait shows each poll as it happens; a failure carries the last state, typed.
    do {
        _ = try await mi.waitUntilIndexCompleted(workspaceName: "my-workspace", projectID: project.projectID,
                                                 assetID: asset.assetID) { progress in
            print("indexing: \(progress.status.rawValue)")
        }
    } catch let error as NCPError where error.kind == .jobFailed {
        print("indexing failed:", error.jobState(as: IndexProgress.self)?.status.rawValue ?? "?") // ANALYZE_FAIL
        throw error
    }

    let search = try await mi.searchAssets(workspaceName: "my-workspace",
                                           query: SearchQuery(textQuery: "dark alley"),
                                           filter: SearchFilter(projectIDs: [project.projectID]))
    let results = try await mi.waitUntilSearchCompleted(workspaceName: "my-workspace", searchID: search.searchID)
    print("\(results.totalCount ?? 0) matching scenes")

    for try await workspace in mi.listWorkspacesPages().items { print(workspace.workspaceName) }
}

/// The quick start, unchanged, against Media Intelligence emulated on loopback: its default waits and all.
@Suite struct ReadmeQuickStartTests {
    @Test func theQuickStartRunsAgainstTheEmulator() async throws {
        let specPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("spec").path
        let server = try await EmulatorServer.start(try Emulator(EmulatorConfiguration(specPaths: [specPath], jobSeconds: 1)))
        defer { Task { await server.stop() } }
        try await readmeQuickStart(MediaIntelligenceClient(configuration: .emulator(port: server.port)))
        // What it left behind: the project, its asset, the finished index.
        let mi = MediaIntelligenceClient(configuration: .emulator(port: server.port))
        let project = try #require(try await mi.listProjects(workspaceName: "my-workspace").projects.first { $0.name == "Trailers" })
        let asset = try #require(try await mi.listAssets(workspaceName: "my-workspace", projectID: project.projectID, pageNumber: 1).content.first)
        #expect(try await mi.getIndexStatus(workspaceName: "my-workspace", projectID: project.projectID, assetID: asset.assetID).status == .analyzeCompleted)
    }
}
