@testable import CodegenCore
import Foundation
import Testing

/// Writing an output folder whole: stopped at any step, as a kill would stop it, the folder is the old one or the
/// new one, never a mix; the next run removes what was left and finishes.
@Suite struct OutputWriterTests {
    struct Stopped: Error {}

    static let old = [OutputFile(name: "A.swift", contents: OutputWriter.marker + " A v1\n"),
                      OutputFile(name: "B.swift", contents: OutputWriter.marker + " B v1\n"),
                      OutputFile(name: "C.swift", contents: OutputWriter.marker + " C v1\n")]
    static let new = [OutputFile(name: "A.swift", contents: OutputWriter.marker + " A v2\n"),
                      OutputFile(name: "B.swift", contents: OutputWriter.marker + " B v1\n"),
                      OutputFile(name: "D.swift", contents: OutputWriter.marker + " D v2\n")]
    /// What the generator doesn't own and must keep: a DocC catalog, a hand-written file.
    static let kept = ["Client.docc/Article.md": "# Article\n", "Notes.md": "hand-written\n"]

    /// Every file under `folder`, by relative path.
    static func snapshot(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) }
        }
        return files
    }

    static func expected(_ files: [OutputFile]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) }).merging(kept) { $1 }
    }

    func oldFolder() throws -> (root: URL, folder: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("Generated/Client")
        _ = try OutputWriter.write(Self.old, to: folder.path)
        for (path, text) in Self.kept {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return (root, folder)
    }

    @Test(arguments: [OutputWriter.Step.staged, .wroteFile("A.swift"), .wroteFile("D.swift"), .swapped])
    func aWriteStoppedAtAnyStepLeavesTheOldOrTheNewFolder(_ step: OutputWriter.Step) throws {
        let (root, folder) = try oldFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: (any Error).self) {
            try OutputWriter.write(Self.new, to: folder.path, checkOnly: false) { if $0 == step { throw Stopped() } }
        }
        let state = try Self.snapshot(folder)
        #expect(state == Self.expected(Self.old) || state == Self.expected(Self.new), "a mix after stopping at \(step): \(state.keys.sorted())")
        #expect(state == (step == .swapped ? Self.expected(Self.new) : Self.expected(Self.old)))

        // The next run removes the side folder the stopped one left, and ends with the new folder.
        _ = try OutputWriter.write(Self.new, to: folder.path)
        #expect(try Self.snapshot(folder) == Self.expected(Self.new))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        #expect(siblings == ["Client"])
    }

    @Test func unchangedFilesKeepTheirIdentitySoNothingRecompiles() throws {
        let (root, folder) = try oldFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let b = folder.appendingPathComponent("B.swift").path
        let before = try FileManager.default.attributesOfItem(atPath: b)
        let report = try OutputWriter.write(Self.new, to: folder.path)
        #expect(report.changed == ["A.swift", "D.swift"] && report.unchanged == ["B.swift"] && report.removed == ["C.swift"])
        let after = try FileManager.default.attributesOfItem(atPath: b)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
    }

    @Test func aFolderAlreadyUpToDateIsNotTouched() throws {
        let (root, folder) = try oldFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try FileManager.default.attributesOfItem(atPath: folder.path)[.systemFileNumber] as? Int
        let report = try OutputWriter.write(Self.old, to: folder.path)
        #expect(report.changed.isEmpty && report.removed.isEmpty)
        #expect(try FileManager.default.attributesOfItem(atPath: folder.path)[.systemFileNumber] as? Int == before)
    }

    @Test func aNewFolderAppearsWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("Out")
        #expect(throws: (any Error).self) {
            try OutputWriter.write(Self.new, to: folder.path, checkOnly: false) { if $0 == .wroteFile("A.swift") { throw Stopped() } }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        _ = try OutputWriter.write(Self.new, to: folder.path)
        #expect(try Self.snapshot(folder) == Dictionary(uniqueKeysWithValues: Self.new.map { ($0.name, $0.contents) }))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Out"])
    }
}
