import Foundation

/// A spec as it was at a git revision, written out to a temporary folder, for `ncp-codegen diff --against`.
public enum GitRevision {
    /// Extracts `path` (a spec file or folder in a git work tree) at `revision` into a new temporary folder.
    /// - Returns: The folder (the caller removes it) and the spec's path inside it.
    /// - Throws: `GenerationError` when `path` is outside a repository, absent at `revision`, or git fails.
    public static func extract(_ path: String, at revision: String) throws -> (directory: String, specPath: String) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        let isDirectory = (try? absolute.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
        let base = isDirectory ? absolute : absolute.deletingLastPathComponent()
        let root = try git(["rev-parse", "--show-toplevel"], in: base).trimmingCharacters(in: .whitespacesAndNewlines)
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        guard absolute.path.hasPrefix(rootURL.path) else {
            throw GenerationError(message: "\(path) is not inside the git repository at \(root)")
        }
        let relative = String(absolute.path.dropFirst(rootURL.path.count)).trimmingCharacters(in: ["/"])
        let listed = try git(["ls-tree", "-r", "--name-only", revision, "--", relative.isEmpty ? "." : relative], in: rootURL)
            .split(separator: "\n").map(String.init)
        guard !listed.isEmpty else {
            throw GenerationError(message: "\(relative) does not exist at \(revision)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ncp-codegen-diff-\(UUID().uuidString)")
        for file in listed {
            let contents = try gitData(["show", "\(revision):\(file)"], in: rootURL)
            let target = directory.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: target)
        }
        return (directory.path, directory.appendingPathComponent(relative).path)
    }

    static func git(_ arguments: [String], in directory: URL) throws -> String {
        String(decoding: try gitData(arguments, in: directory), as: UTF8.self)
    }

    static func gitData(_ arguments: [String], in directory: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GenerationError(message: "git \(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return data
    }
}
