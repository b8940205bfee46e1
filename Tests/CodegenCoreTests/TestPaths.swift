import Foundation

/// Paths the tests read, found from this file's place in the package.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/CodegenCoreTests/Fixtures")
    static let spec = packageRoot.appendingPathComponent("spec")
    static let reference = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/media-intelligence-api.md")

    /// A fresh directory under the system's temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ncp-codegen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
