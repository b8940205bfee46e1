import Foundation

/// Everything the Media Intelligence emulator holds: what a `--state` file stores.
struct MediaIntelligenceState: Codable, Sendable, Equatable {
    /// The next identifier of anything: projects, assets, jobs, tags share one sequence, as IDs never collide.
    var nextID: Int64 = 1
    var workspaces: [String: Workspace] = [:]
    /// Files uploaded to the emulator's presigned URLs, by key, with their size.
    var uploads: [String: Int] = [:]

    struct Workspace: Codable, Sendable, Equatable {
        var name: String
        var bucketName: String
        var createdTime: String
        var projects: [Int64: Project] = [:]
        var assets: [Int64: Asset] = [:]
        var personTags: [Int64: PersonTag] = [:]
        var searches: [String: Search] = [:]
    }

    struct Project: Codable, Sendable, Equatable {
        var id: Int64
        var name: String
        var isBaseProject: Bool
        var createdTime: String
    }

    struct Asset: Codable, Sendable, Equatable {
        var id: Int64
        var projectID: Int64
        var key: String
        var bucketName: String
        var registeredAt: Double
        var analysis: Job?
        var index: Job?
    }

    /// An analysis or index job: where it stands follows from when it started and the emulator's job time.
    struct Job: Codable, Sendable, Equatable {
        var id: Int64
        var startedAt: Double
        var cancelledAt: Double?
    }

    struct PersonTag: Codable, Sendable, Equatable {
        var id: Int64
        var name: String
        var createdTime: String
    }

    struct Search: Codable, Sendable, Equatable {
        var id: String
        var startedAt: Double
        var words: [String]
        var projectIDs: [Int64]
        var assetIDs: [Int64]
    }

    /// A fresh identifier.
    mutating func makeID() -> Int64 {
        defer { nextID += 1 }
        return nextID
    }
}
