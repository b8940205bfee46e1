import MediaIntelligence
import NCPRuntime

/// The README's quick start, kept here verbatim (credentials aside) so a change that breaks it fails the build.
/// Never run: it needs the real service.
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
