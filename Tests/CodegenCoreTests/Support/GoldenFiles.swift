import CodegenCore
import Foundation
import Testing

/// Byte-for-byte comparison of generated files with goldens on disk, or, with `UPDATE_GOLDENS=1`,
/// rewriting the goldens.
enum GoldenFiles {
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    /// Compares (or rewrites) `files` against the `.swift` files in `directory`; records one issue per
    /// differing file with a unified diff, and one for each golden the generator no longer produces.
    static func check(_ files: [OutputFile], against directory: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if updating {
            _ = try OutputWriter.write(files, to: directory.path)
            return
        }
        for file in files {
            let golden = directory.appendingPathComponent(file.name)
            let expected = (try? String(contentsOf: golden, encoding: .utf8)) ?? ""
            if expected != file.contents {
                Issue.record("\(golden.path) differs from the generator's output (UPDATE_GOLDENS=1 swift test rewrites it):\n\(unifiedDiff(expected: expected, actual: file.contents))",
                             sourceLocation: sourceLocation)
            }
        }
        let names = Set(files.map(\.name))
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in existing where name.hasSuffix(".swift") && !names.contains(name) {
            Issue.record("\(directory.path)/\(name) is not produced by the generator", sourceLocation: sourceLocation)
        }
    }

    /// A unified diff from `diff -u` when it exists, otherwise the first differing line.
    static func unifiedDiff(expected: String, actual: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let expectedFile = directory.appendingPathComponent("expected.swift")
        let actualFile = directory.appendingPathComponent("actual.swift")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try expected.write(to: expectedFile, atomically: true, encoding: .utf8)
            try actual.write(to: actualFile, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
            process.arguments = ["-u", expectedFile.path, actualFile.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: output.prefix(20_000), as: UTF8.self)
        } catch {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let index = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
            return "first difference at line \(index + 1):\n- \(index < expectedLines.count ? expectedLines[index] : "")\n+ \(index < actualLines.count ? actualLines[index] : "")"
        }
    }
}

/// One text pinned in a file: compared, or rewritten with `UPDATE_GOLDENS=1`.
enum GoldenText {
    static func check(_ text: String, against file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if GoldenFiles.updating {
            try Data(text.utf8).write(to: file)
            return
        }
        let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        if expected != text {
            Issue.record("\(file.path) differs (UPDATE_GOLDENS=1 swift test rewrites it):\n\(GoldenFiles.unifiedDiff(expected: expected, actual: text))",
                         sourceLocation: sourceLocation)
        }
    }
}
