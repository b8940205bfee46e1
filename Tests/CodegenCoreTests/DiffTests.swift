import CodegenCore
import Foundation
import Testing

/// `ncp-codegen diff`: what a spec change does to the generated Swift API.
@Suite struct DiffTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("diff")

    /// Compiles specs that must be valid.
    func spec(_ sources: [SpecSource]) throws -> Spec {
        let (spec, diagnostics) = SpecCompiler.compile(sources)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return spec
    }

    func spec(at path: String) throws -> Spec {
        let (spec, diagnostics) = SpecCompiler.compile(paths: [path])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return spec
    }

    /// The fixture pair's changes, with the new spec's path shortened to its name.
    func fixtureChanges() throws -> [SpecChange] {
        let newPath = Self.folder.appendingPathComponent("new.yaml").path
        let old = try spec(at: Self.folder.appendingPathComponent("old.yaml").path)
        let new = try spec(at: newPath)
        return SpecDiff.compare(old: old, new: new).map { change in
            var change = change
            change.location.file = change.location.file.replacingOccurrences(of: newPath, with: "new.yaml")
            return change
        }
    }

    /// A service with one type whose one property is written as `property` (YAML flow mapping body).
    func oneType(_ property: String, enumValues: String = "{ A: A. }", open: Bool = true) -> [SpecSource] {
        [SpecSource(path: "demo.yaml", text: """
            service: { name: Demo, host: demo.example.com, basePath: /v1 }
            enums:
              Kind: { open: \(open), description: Kinds., values: \(enumValues) }
            types:
              Thing:
                description: A thing.
                properties:
                  \(property)
            """)]
    }

    @Test func theFixturePairReportsEveryKindOfChangeAtItsPlace() throws {
        let text = ChangeReport.text(try fixtureChanges())
        try GoldenText.check(text, against: Self.folder.appendingPathComponent("expected.txt"))
        #expect(text.contains("breaking: deleteThing(id:): the operation was removed"))
        #expect(text.contains("compatible: Thing.thingID: the property is sent and read as 'thingId' (was 'thing_id'); the Swift name is kept"))
        #expect(text.hasSuffix("suggested version bump: major\n"))
        // A script that counts changes by the start of their line counts only changes, never the summary.
        let lines = text.split(separator: "\n")
        let changes = try fixtureChanges()
        #expect(lines.filter { $0.hasPrefix("breaking:") }.count == changes.filter { $0.kind == .breaking }.count)
        #expect(lines.filter { $0.hasPrefix("compatible:") }.count == changes.filter { $0.kind == .compatible }.count)
        #expect(lines.filter { $0.hasPrefix("docs:") }.count == changes.filter { $0.kind == .docs }.count)
        #expect(lines.last?.hasPrefix("summary: ") == true)
    }

    @Test func theMarkdownChangelogIsPinned() throws {
        let markdown = ChangeReport.markdown(try fixtureChanges(), title: "Demo API: API changes")
        try GoldenText.check(markdown, against: Self.folder.appendingPathComponent("expected.md"))
        #expect(markdown.contains("Suggested version bump: **major**"))
    }

    @Test func aSpecComparedWithItselfHasNoChanges() throws {
        let mediaIntelligence = try spec(at: TestPaths.spec.path)
        let changes = SpecDiff.compare(old: mediaIntelligence, new: mediaIntelligence)
        #expect(changes.isEmpty)
        #expect(ChangeReport.suggestedBump(changes) == "none")
        #expect(ChangeReport.text(changes) == "summary: no changes to the generated API\n")
    }

    @Test func aWireRenameThatKeepsTheSwiftNameIsNotBreaking() throws {
        let old = try spec(oneType("label: { type: string, description: Label. }", enumValues: "{ A_B: { description: A., swiftName: ab } }"))
        let new = try spec(oneType("title: { type: string, swiftName: label, description: Label. }", enumValues: "{ AB: { description: A., swiftName: ab } }"))
        let changes = SpecDiff.compare(old: old, new: new)
        #expect(changes.map(\.kind) == [.compatible, .compatible])
        #expect(changes.map(\.symbol).sorted() == ["Kind.ab", "Thing.label"])
        #expect(changes.allSatisfy { $0.message.contains("the Swift name is kept") })
    }

    @Test func aRenameWithoutSwiftNameIsARemovalAndAnAddition() throws {
        let old = try spec(oneType("label: { type: string, description: Label. }"))
        let new = try spec(oneType("title: { type: string, description: Label. }"))
        let changes = SpecDiff.compare(old: old, new: new)
        #expect(changes.map(\.description) == [
            "breaking: Thing.label: the property was removed (demo.yaml:5:3)",
            "compatible: Thing.title: new optional property (demo.yaml:8:7)",
        ])
    }

    @Test(arguments: [(true, false), (false, true)])
    func openingOrClosingAnEnumBreaksExhaustiveSwitches(wasOpen: Bool, isOpen: Bool) throws {
        let property = "kind: { type: Kind, description: Kind. }"
        // A closed enum may only appear in requests; this one appears in no operation at all.
        let changes = SpecDiff.compare(old: try spec(oneType(property, open: wasOpen)), new: try spec(oneType(property, open: isOpen)))
        #expect(changes.count == 1)
        #expect(changes.first?.kind == .breaking)
        #expect(changes.first?.symbol == "Kind")
    }

    @Test func limitsAreClassifiedByWhetherTheyNowRefuseMore() throws {
        func changes(_ before: String, _ after: String) throws -> [SpecChange] {
            SpecDiff.compare(old: try spec(oneType("name: { type: string, \(before) description: N. }")),
                             new: try spec(oneType("name: { type: string, \(after) description: N. }")))
        }
        #expect(try changes("maxLength: 10,", "maxLength: 5,").map(\.kind) == [.breaking])
        #expect(try changes("maxLength: 5,", "maxLength: 10,").map(\.kind) == [.compatible])
        #expect(try changes("", "minLength: 2,").map(\.kind) == [.breaking])
        #expect(try changes("minLength: 2,", "").map(\.kind) == [.compatible])
        #expect(try changes("", "pattern: '^a',").map(\.kind) == [.breaking])
        #expect(try changes("forbiddenCharacters: ';',", "forbiddenCharacters: ';|',").map(\.message) == ["the property may no longer contain '|'"])
        #expect(try changes("forbiddenCharacters: ';|',", "forbiddenCharacters: ';',").map(\.kind) == [.compatible])
    }

    @Test func onlyDocumentationChangesSuggestAPatch() throws {
        let old = try spec(oneType("name: { type: string, description: Old words. }"))
        let new = try spec(oneType("name: { type: string, description: New words. }"))
        let changes = SpecDiff.compare(old: old, new: new)
        #expect(changes.map(\.kind) == [.docs])
        #expect(ChangeReport.suggestedBump(changes) == "patch")
    }

    @Test func theSpecAtAGitRevisionIsComparedWithTheWorkingTree() throws {
        let repository = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: repository) }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", repository.path, "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        let specFolder = repository.appendingPathComponent("api")
        try FileManager.default.createDirectory(at: specFolder, withIntermediateDirectories: true)
        let file = specFolder.appendingPathComponent("spec.yaml")
        try Data(try String(contentsOf: Self.folder.appendingPathComponent("old.yaml"), encoding: .utf8).utf8).write(to: file)
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-q", "-m", "old")
        try Data(try String(contentsOf: Self.folder.appendingPathComponent("new.yaml"), encoding: .utf8).utf8).write(to: file)

        let (checkout, oldPath) = try GitRevision.extract(specFolder.path, at: "HEAD")
        defer { try? FileManager.default.removeItem(atPath: checkout) }
        let changes = SpecDiff.compare(old: try spec(at: oldPath), new: try spec(at: specFolder.path))
        #expect(changes.count == (try fixtureChanges()).count)
        #expect(throws: GenerationError.self) { try GitRevision.extract(specFolder.path, at: "no-such-revision") }
        #expect(throws: GenerationError.self) { try GitRevision.extract(FileManager.default.temporaryDirectory.path, at: "HEAD") }
    }
}
