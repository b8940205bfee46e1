import Foundation
import NCPRuntime

/// Media Intelligence with state: workspaces, projects, assets registered from an Object Storage key, analysis,
/// index and search jobs on the emulator's clock, person tags, and presigned uploads to the emulator itself.
/// Every change goes through this actor, so concurrent calls never lose one.
actor MediaIntelligenceEmulation: StatefulService {
    private var state: MediaIntelligenceState
    private let clock: JobClock
    private let now: @Sendable () -> Date
    /// Where presigned URLs point: the emulator's own base URL.
    private let uploadBase: @Sendable () -> String
    /// The user every change is made by.
    static let userName = "emulator"

    init(state: MediaIntelligenceState, clock: JobClock, now: @escaping @Sendable () -> Date, uploadBase: @escaping @Sendable () -> String, seedWorkspace: String?) {
        var state = state
        if let name = seedWorkspace, state.workspaces[name] == nil {
            Self.addWorkspace(&state, name: name, bucketName: "media", at: Self.timestamp(now()))
        }
        self.state = state
        self.clock = clock
        self.now = now
        self.uploadBase = uploadBase
    }

    func snapshot() throws -> Data { try JSONCoding.encoder.encode(state) }

    func acceptUpload(key: String, size: Int) { state.uploads[key] = size }

    // MARK: Dispatch

    /// The code Media Intelligence documents for a broken limit where it isn't the generic `10001`.
    nonisolated static func errorCode(for violation: Violation, operationID: String) -> String? {
        // A project name over 100 characters is 10049 (documented under 409).
        if ["createProject", "updateProject"].contains(operationID), violation.field == "name", violation.message.contains("at most") { return "10049" }
        return nil
    }

    func handle(_ call: ServiceCall) -> HandlerOutcome? {
        switch call.operationID {
        case "listWorkspaces": return listWorkspaces(call)
        case "createWorkspace": return createWorkspace(call)
        case "getWorkspace", "deleteWorkspace": return workspaceCall(call)
        case "createProject", "listProjects", "getProject", "updateProject", "deleteProject": return projectCall(call)
        case "registerAsset", "listAssets", "getAsset", "getAssetRegistrationStatus", "moveAsset", "deleteAsset": return assetCall(call)
        case "requestAnalysis", "getAnalysisStatus", "cancelAnalysis", "requestIndex", "getIndexStatus", "cancelIndex": return jobCall(call)
        case "searchAssets", "getAssetSearchResult": return searchCall(call)
        case "createPersonTag", "listPersonTags", "deletePersonTag": return tagCall(call)
        case "createPersonThumbnailUploadURL", "getPersonThumbnailUploadStatus", "createQueryImageUploadURL", "getQueryImageUploadStatus":
            return uploadCall(call)
        default: return nil
        }
    }

    // MARK: Workspaces

    private func listWorkspaces(_ call: ServiceCall) -> HandlerOutcome {
        let workspaces = state.workspaces.values.sorted { $0.name < $1.name }
        return .result(Self.page(workspaces.map(workspaceJSON), call, defaultSize: 1000))
    }

    private func createWorkspace(_ call: ServiceCall) -> HandlerOutcome {
        let name = call.bodyString("workspaceName") ?? ""
        guard state.workspaces[name] == nil else { return .failure(code: "20012", details: "a workspace named '\(name)' exists") } // workspaceNameTaken
        Self.addWorkspace(&state, name: name, bucketName: call.bodyString("bucketName") ?? "", at: Self.timestamp(now()))
        return .result(.object(["workspaceName": .string(name), "createdUserName": .string(Self.userName),
                                "createdTime": .string(state.workspaces[name]!.createdTime)]))
    }

    private func workspaceCall(_ call: ServiceCall) -> HandlerOutcome {
        let name = call.path("workspace_name")
        guard let workspace = state.workspaces[name] else { return Self.missingWorkspace(name) }
        if call.operationID == "deleteWorkspace" {
            state.workspaces[name] = nil
            return .result(.object(["workspaceName": .string(name)]))
        }
        guard case .object(var details) = workspaceJSON(workspace) else { return .result(nil) }
        details["monthlyAnalysisCount"] = .integer(Int64(workspace.assets.values.filter { $0.analysis != nil || $0.index != nil }.count))
        return .result(.object(details))
    }

    private func workspaceJSON(_ workspace: MediaIntelligenceState.Workspace) -> JSONValue {
        .object(["workspaceName": .string(workspace.name), "workspaceUrl": .string("https://mi.ncloud.com/workspaces/\(workspace.name)"),
                 "bucketName": .string(workspace.bucketName), "createdUserName": .string(Self.userName), "createdTime": .string(workspace.createdTime)])
    }

    // MARK: Projects

    // Each call takes its workspace out of the state and puts it back when done (`removeValue`, then a `defer`),
    // so the change happens in place: reading it as a copy made every change copy all the workspace's assets.

    private func projectCall(_ call: ServiceCall) -> HandlerOutcome {
        let workspaceName = call.path("workspace_name")
        guard var workspace = state.workspaces.removeValue(forKey: workspaceName) else { return Self.missingWorkspace(workspaceName) }
        defer { state.workspaces[workspaceName] = workspace }
        switch call.operationID {
        case "createProject":
            let name = call.bodyString("name") ?? ""
            if workspace.projects.values.contains(where: { $0.name == name }) { return .failure(code: "10026", details: "a project named '\(name)' exists") }
            if workspace.projects.count >= 1000 { return .failure(code: "10045", details: "the workspace holds 1,000 projects") }
            let project = MediaIntelligenceState.Project(id: state.makeID(), name: name, isBaseProject: false, createdTime: Self.timestamp(now()))
            workspace.projects[project.id] = project
            return .result(Self.projectJSON(project))
        case "listProjects":
            let projects = workspace.projects.values.sorted { $0.id < $1.id }
            return .result(.object(["projects": .array(projects.map(Self.projectJSON)), "totalCount": .integer(Int64(projects.count))]))
        default:
            let id = call.pathID("project_id")
            guard var project = workspace.projects[id] else { return .failure(code: "10025", details: "no project \(id) in '\(workspaceName)'") }
            switch call.operationID {
            case "updateProject":
                if project.isBaseProject { return .failure(code: "10027", details: "the base project keeps its name") }
                let name = call.bodyString("name") ?? project.name
                if workspace.projects.values.contains(where: { $0.name == name && $0.id != id }) { return .failure(code: "10026", details: "a project named '\(name)' exists") }
                project.name = name
                workspace.projects[id] = project
                return .result(Self.projectJSON(project))
            case "deleteProject":
                if project.isBaseProject { return .failure(code: "10033", details: "the base project can't be deleted") }
                workspace.projects[id] = nil
                workspace.assets = workspace.assets.filter { $0.value.projectID != id }
                return .result(nil)
            default:
                return .result(Self.projectJSON(project))
            }
        }
    }

    private static func projectJSON(_ project: MediaIntelligenceState.Project) -> JSONValue {
        .object(["projectId": .integer(project.id), "name": .string(project.name), "isBaseProject": .bool(project.isBaseProject),
                 "createdUserName": .string(userName), "createdTime": .string(project.createdTime)])
    }

    // MARK: Assets

    private func assetCall(_ call: ServiceCall) -> HandlerOutcome {
        let workspaceName = call.path("workspace_name")
        guard var workspace = state.workspaces.removeValue(forKey: workspaceName) else { return Self.missingWorkspace(workspaceName) }
        defer { state.workspaces[workspaceName] = workspace }
        let projectID = call.pathID("project_id")
        guard workspace.projects[projectID] != nil else { return .failure(code: "10025", details: "no project \(projectID) in '\(workspaceName)'") }
        let moment = now().timeIntervalSince1970
        switch call.operationID {
        case "registerAsset":
            let key = call.bodyString("key") ?? ""
            if key.hasSuffix("/") { return .failure(code: "10016", details: "'\(key)' is a folder") }
            let asset = MediaIntelligenceState.Asset(id: state.makeID(), projectID: projectID, key: key, bucketName: call.bodyString("bucketName") ?? workspace.bucketName,
                                                     registeredAt: moment)
            workspace.assets[asset.id] = asset
            return .result(.object(["assetId": .integer(asset.id), "createUserName": .string(Self.userName)]))
        case "listAssets":
            let assets = workspace.assets.values.filter { $0.projectID == projectID }.sorted { $0.id < $1.id }
            return .result(Self.page(assets.map(Self.assetJSON), call, defaultSize: 10))
        default:
            let assetID = call.pathID("asset_id")
            guard var asset = workspace.assets[assetID], asset.projectID == projectID else {
                return .failure(code: "10010", details: "no asset \(assetID) in project \(projectID)")
            }
            switch call.operationID {
            case "getAssetRegistrationStatus":
                let status = clock.registrationStatus(registeredAt: asset.registeredAt, key: asset.key, now: moment)
                var answer: [String: JSONValue] = ["assetId": .integer(asset.id), "uploadStatus": .string(status)]
                if status == "FILE_NOT_EXIST" { answer["uploadResult"] = .string("The file \(asset.key) does not exist in \(asset.bucketName).") }
                return .result(.object(answer))
            case "moveAsset":
                guard let target = call.queryValue("new_project_id").flatMap({ Int64($0) }), workspace.projects[target] != nil else {
                    return .failure(code: "10025", details: "no project \(call.queryValue("new_project_id") ?? "") to move to")
                }
                asset.projectID = target
                workspace.assets[assetID] = asset
                return .result(Self.assetJSON(asset))
            case "deleteAsset":
                if [asset.analysis, asset.index].contains(where: { $0.map { clock.isRunning($0, now: moment) } ?? false }) {
                    return .failure(code: "10017", details: "asset \(assetID) is being analysed")
                }
                workspace.assets[assetID] = nil
                return .result(nil)
            default:
                return .result(Self.assetJSON(asset))
            }
        }
    }

    private static func assetJSON(_ asset: MediaIntelligenceState.Asset) -> JSONValue {
        .object(["assetId": .integer(asset.id), "projectId": .integer(asset.projectID), "key": .string(asset.key),
                 "fileName": .string(asset.key.split(separator: "/").last.map(String.init) ?? asset.key), "createUserName": .string(userName),
                 "metaData": .object(["durationMs": .integer(90_000), "resolution": .string("1920x1080")])])
    }

    // MARK: Analysis and index jobs

    private func jobCall(_ call: ServiceCall) -> HandlerOutcome {
        let workspaceName = call.path("workspace_name")
        guard var workspace = state.workspaces.removeValue(forKey: workspaceName) else { return Self.missingWorkspace(workspaceName) }
        defer { state.workspaces[workspaceName] = workspace }
        let assetID = call.pathID("asset_id")
        guard var asset = workspace.assets[assetID], asset.projectID == call.pathID("project_id") else {
            return .failure(code: "10010", details: "no asset \(assetID) in project \(call.path("project_id"))")
        }
        defer { workspace.assets[assetID] = asset }
        let moment = now().timeIntervalSince1970
        let isIndex = call.operationID.contains("Index")
        let job = isIndex ? asset.index : asset.analysis
        switch call.operationID {
        case "requestAnalysis", "requestIndex":
            if let job, clock.isRunning(job, now: moment) { return .failure(code: "10017", details: "asset \(assetID) is being analysed") }
            let started = MediaIntelligenceState.Job(id: state.makeID(), startedAt: moment)
            if isIndex { asset.index = started } else { asset.analysis = started }
            if isIndex { return .result(.object([:])) }
            return .result(.object(["id": .integer(started.id), "createdTime": .string(Self.timestamp(now())), "createdUserName": .string(Self.userName)]))
        case "getAnalysisStatus", "getIndexStatus":
            guard let job else { return .failure(code: "40002", details: "asset \(assetID) has no \(isIndex ? "index" : "analysis") job") }
            let status = clock.analysisStatus(job, assetKey: asset.key, now: moment)
            var answer: [String: JSONValue] = ["status": .string(status)]
            if !isIndex {
                answer["analyzeStatusMessage"] = .string(status)
                if status == "ANALYZE_COMPLETED" { answer["indexId"] = .integer(job.id) }
            }
            return .result(.object(answer))
        default: // cancelAnalysis, cancelIndex
            guard var running = job, clock.isRunning(running, now: moment) else {
                return .failure(code: "10038", details: "asset \(assetID) is not being analysed, so there is nothing to cancel")
            }
            running.cancelledAt = moment
            if isIndex { asset.index = running } else { asset.analysis = running }
            return .result(isIndex ? .object([:]) : nil)
        }
    }

    // MARK: Search

    private func searchCall(_ call: ServiceCall) -> HandlerOutcome {
        let workspaceName = call.path("workspace_name")
        guard var workspace = state.workspaces.removeValue(forKey: workspaceName) else { return Self.missingWorkspace(workspaceName) }
        defer { state.workspaces[workspaceName] = workspace }
        let moment = now().timeIntervalSince1970
        if call.operationID == "searchAssets" {
            let text = call.body?["query"]?["textQuery"]?.stringValue ?? ""
            let search = MediaIntelligenceState.Search(
                id: "emulated-search-\(state.makeID())", startedAt: moment,
                words: text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init),
                projectIDs: call.body?["filter"]?["projectIds"]?.integers ?? [], assetIDs: call.body?["filter"]?["assetIds"]?.integers ?? [])
            workspace.searches[search.id] = search
            return .result(.object(["searchId": .string(search.id)]))
        }
        let id = call.path("search_id")
        guard let search = workspace.searches[id] else { return .failure(code: "10001", details: "no search '\(id)'") }
        let status = clock.searchStatus(startedAt: search.startedAt, now: moment)
        guard status == "COMPLETED" else { return .result(.object(["searchId": .string(id), "status": .string(status)])) }
        // Every completed index in scope holds three scenes; a scene scores by the share of the query's words in its asset's key.
        let indexed = workspace.assets.values.filter { asset in
            (search.projectIDs.isEmpty || search.projectIDs.contains(asset.projectID)) && (search.assetIDs.isEmpty || search.assetIDs.contains(asset.id))
                && asset.index.map { clock.analysisStatus($0, assetKey: asset.key, now: moment) == "ANALYZE_COMPLETED" } == true
        }.sorted { $0.id < $1.id }
        var scenes: [(score: Double, scene: JSONValue)] = []
        for asset in indexed {
            let key = asset.key.lowercased()
            let found = search.words.filter { key.contains($0) }.count
            let score = search.words.isEmpty ? 0 : Double(found) / Double(search.words.count)
            for number in Int64(1)...3 {
                let scene: [String: JSONValue] = [
                    "assetId": .integer(asset.id), "projectId": .integer(asset.projectID), "indexId": .integer(asset.index?.id ?? 0),
                    "sceneId": .integer(number), "startTimeMs": .integer((number - 1) * 30_000), "endTimeMs": .integer(number * 30_000),
                    "score": .number(score),
                ]
                // A text query finds the scenes whose asset's key holds one of its words; an image query, every scene.
                if search.words.isEmpty || found > 0 { scenes.append((score, .object(scene))) }
            }
        }
        scenes.sort { $0.score > $1.score }
        guard case .object(var page) = Self.page(scenes.map(\.scene), call, defaultSize: 10, itemsKey: "results") else { return .result(nil) }
        page["searchId"] = .string(id)
        page["status"] = .string(status)
        return .result(.object(page))
    }

    // MARK: Person tags

    private func tagCall(_ call: ServiceCall) -> HandlerOutcome {
        let workspaceName = call.path("workspace_name")
        guard var workspace = state.workspaces.removeValue(forKey: workspaceName) else { return Self.missingWorkspace(workspaceName) }
        defer { state.workspaces[workspaceName] = workspace }
        switch call.operationID {
        case "createPersonTag":
            let name = call.bodyString("name") ?? ""
            if workspace.personTags.values.contains(where: { $0.name == name }) { return .failure(code: "10062", details: "a tag named '\(name)' exists") }
            let tag = MediaIntelligenceState.PersonTag(id: state.makeID(), name: name, createdTime: Self.timestamp(now()))
            workspace.personTags[tag.id] = tag
            return .result(Self.tagJSON(tag))
        case "listPersonTags":
            let id = call.queryValue("id").flatMap { Int64($0) }
            let name = call.queryValue("name")
            let tags = workspace.personTags.values.filter { (id == nil || $0.id == id) && (name == nil || $0.name == name) }.sorted { $0.id < $1.id }
            return .result(Self.page(tags.map(Self.tagJSON), call, defaultSize: 10))
        default:
            let id = call.pathID("tag_id")
            guard workspace.personTags[id] != nil else { return .failure(code: "10001", details: "no person tag \(id)") }
            workspace.personTags[id] = nil
            return .result(nil)
        }
    }

    private static func tagJSON(_ tag: MediaIntelligenceState.PersonTag) -> JSONValue {
        .object(["id": .integer(tag.id), "name": .string(tag.name), "createdTime": .string(tag.createdTime), "createdUserName": .string(userName)])
    }

    // MARK: Presigned uploads

    private func uploadCall(_ call: ServiceCall) -> HandlerOutcome {
        switch call.operationID {
        case "createPersonThumbnailUploadURL":
            guard state.workspaces[call.path("workspace_name")] != nil else { return Self.missingWorkspace(call.path("workspace_name")) }
            let key = "thumbnails/\(state.makeID())/\(call.bodyString("thumbnailFileName") ?? "thumbnail.jpg")"
            return .result(.object(["thumbnailKey": .string(key), "url": .string(uploadURL(key))]))
        case "createQueryImageUploadURL":
            let key = "query-assets/\(state.makeID())/\(call.bodyString("assetFileName") ?? "query.jpg")"
            return .result(.object(["assetFileKey": .string(key), "presignedUploadUrl": .string(uploadURL(key)), "expirationSeconds": .integer(600)]))
        case "getPersonThumbnailUploadStatus":
            let key = call.bodyString("thumbnailKey") ?? ""
            return .result(uploadStatus(key, keyField: nil))
        default: // getQueryImageUploadStatus
            let key = call.bodyString("assetKey") ?? ""
            return .result(uploadStatus(key, keyField: "assetKey"))
        }
    }

    private func uploadURL(_ key: String) -> String {
        uploadBase() + EmulatorPaths.uploads + (key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? key)
    }

    private func uploadStatus(_ key: String, keyField: String?) -> JSONValue {
        var answer: [String: JSONValue] = ["uploadStatus": .string(state.uploads[key] != nil ? "COMPLETED" : "FAILED")]
        if state.uploads[key] == nil { answer["uploadMessage"] = .string("FILE_NOT_EXIST") }
        if let keyField { answer[keyField] = .string(key) }
        return .object(answer)
    }

    // MARK: Shared

    private static func addWorkspace(_ state: inout MediaIntelligenceState, name: String, bucketName: String, at time: String) {
        var workspace = MediaIntelligenceState.Workspace(name: name, bucketName: bucketName, createdTime: time)
        let base = MediaIntelligenceState.Project(id: state.makeID(), name: "Base project", isBaseProject: true, createdTime: time)
        workspace.projects[base.id] = base
        state.workspaces[name] = workspace
    }

    private static func missingWorkspace(_ name: String) -> HandlerOutcome {
        .failure(code: "10030", details: "no workspace '\(name)'")
    }

    /// One page of `items` as Media Intelligence pages lists: `pageNum` from 1 and `pageSize`.
    private static func page(_ items: [JSONValue], _ call: ServiceCall, defaultSize: Int, itemsKey: String = "content") -> JSONValue {
        let size = max(1, call.queryInt("pageSize") ?? defaultSize)
        let number = max(1, call.queryInt("pageNum") ?? 1)
        let start = min(items.count, (number - 1) * size)
        return .object([itemsKey: .array(Array(items[start..<min(items.count, start + size)])), "totalCount": .integer(Int64(items.count)),
                        "totalPage": .integer(Int64((items.count + size - 1) / size)), "pageNo": .integer(Int64(number)), "pageSize": .integer(Int64(size))])
    }

    /// Times as the service writes them: ISO 8601 with the Korean offset.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .gmt
        return formatter.string(from: date)
    }
}

/// Paths the emulator answers itself, outside any spec.
enum EmulatorPaths {
    /// Where presigned uploads go: `PUT /_emulator/uploads/KEY`.
    static let uploads = "/_emulator/uploads/"
}
