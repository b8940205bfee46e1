@testable import CodegenCore
import Foundation
import Testing

/// `docs-check --fix`: the mechanical findings written into a copy of the spec.
@Suite struct DocsCheckFixTests {
    /// A copy of the real spec in a fresh folder, and its compiled form.
    static func specCopy() throws -> (folder: URL, spec: Spec) {
        let folder = try TestPaths.temporaryDirectory().appendingPathComponent("spec")
        try FileManager.default.copyItem(at: TestPaths.spec, to: folder)
        let (spec, diagnostics) = SpecCompiler.compile(paths: [folder.path])
        #expect(!diagnostics.contains { $0.severity == .error })
        return (folder, spec)
    }

    /// A real page's copy with its text edited.
    static func editedPage(_ path: String, _ edit: (String) -> String) throws -> PageModel {
        let text = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("pages/real/" + path), encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text)
        return PageModel.read(source: (path as NSString).lastPathComponent, text: edited, url: "https://api.ncloud-docs.com/docs/en/" + ((path as NSString).lastPathComponent.split(separator: ".").first.map(String.init) ?? ""))
    }

    @Test func mechanicalFindingsAreWrittenValidatedAndReadByDiff() throws {
        let (folder, spec) = try Self.specCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let pages = [
            // A changed limit and default: `  • 1-1000 (default: 1000)` becomes `  • 1-500 (default: 500)`.
            try Self.editedPage("mi/en/mi-list-assets.plain.txt") { $0.replacingOccurrences(of: "1-1000 (default: 1000)", with: "1-500 (default: 500)") },
            // A new optional field with its limit, type and text.
            try Self.editedPage("mi/en/maiu-create-workspaces.mdexport.txt") {
                $0.replacingOccurrences(of: "bucketName String Optional Name of Object Storage bucket to integrate",
                                        with: "bucketName String Optional Name of Object Storage bucket to integrate\nmemo String Optional A note about the workspace\n  • 0-200 characters")
            },
            // A new rate limit.
            try Self.editedPage("mi/en/maiu-create-person-tags.plain.txt") { $0.replacingOccurrences(of: "Create a person tag.", with: "Create a person tag.\n\nNote\n  • Up to 20 calls can be made per second.") },
        ]
        let report = DocsChecker.check(spec, pages: pages)
        let fixable = report.warnings.filter { $0.fix != nil }.map(\.message)
        #expect(fixable.sorted() == [
            "the docs allow `pageSize` up to 500 as a value; the spec has 1000",
            "the docs give `pageSize` the default 500; the spec has 1000",
            "the docs limit `createPersonTag` to 20 calls per second; the spec has none",
            "the docs list the body field `memo` (String, optional), which the spec doesn't have",
        ])
        let result = try SpecEditor.apply(report.findings.compactMap(\.fix), toSpecAt: [folder.path])
        #expect(result.applied == 4 && result.skipped.isEmpty)
        #expect(result.diff.contains("+        memo: { type: string, minLength: 0, maxLength: 200, description: A note about the workspace., note: \"From https://api.ncloud-docs.com/docs/en/maiu-create-workspaces (docs-check --fix).\" }"))
        #expect(result.diff.contains("+    rateLimit: { limit: 20, per: second, note: \"From https://api.ncloud-docs.com/docs/en/maiu-create-person-tags (docs-check --fix).\" }"))
        // Two edits from one page to one field name the page once.
        #expect(result.diff.contains("+      pageSize: { in: query, type: int32, default: 500, minimum: 1, maximum: 500, description: Items per page., note: \"From https://api.ncloud-docs.com/docs/en/mi-list-assets (docs-check --fix).\" }"))
        // Nothing is written until asked.
        #expect(try String(contentsOf: folder.appendingPathComponent("operations/assets.yaml"), encoding: .utf8).contains("maximum: 1000"))
        try result.write()
        let (fixed, diagnostics) = SpecCompiler.compile(paths: [folder.path])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        // The same pages now agree with the spec, and `diff` says what the edits mean for the Swift API.
        #expect(DocsChecker.check(fixed, pages: pages).warnings.map(\.message) == [])
        let changes = SpecDiff.compare(old: spec, new: fixed).map(\.description)
        #expect(changes.contains { $0.contains("memo") && $0.hasPrefix("compatible:") }, "\(changes)")
        #expect(changes.contains { $0.contains("pageSize") && $0.contains("narrowed to 500") && $0.hasPrefix("breaking:") }, "\(changes)")
        // The comments around the edits are kept.
        #expect(try String(contentsOf: folder.appendingPathComponent("operations/assets.yaml"), encoding: .utf8).hasPrefix("# yaml-language-server"))
    }

    @Test func editsThatWouldBreakTheSpecWriteNothing() throws {
        let (folder, spec) = try Self.specCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let pageSize = try #require(spec.operations.first { $0.id == "listAssets" }?.parameters.first { $0.name == "pageSize" })
        let broken = SpecFix(change: .setFieldKey(field: pageSize.sourceLocation, key: "maximum", value: "\"many\""), note: "A test.")
        #expect(throws: SpecErrors.self) { try SpecEditor.apply([broken], toSpecAt: [folder.path]) }
    }

    @Test func theUnifiedDiffHasHunksWithContext() {
        let old = (1...12).map { "line \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "line 6", with: "line six")
        #expect(UnifiedDiff.make(old: old, new: new, path: "a.yaml") == """
            --- a/a.yaml
            +++ b/a.yaml
            @@ -3,7 +3,7 @@
             line 3
             line 4
             line 5
            -line 6
            +line six
             line 7
             line 8
             line 9

            """)
        #expect(UnifiedDiff.make(old: old, new: old, path: "a.yaml") == "")
    }

    @Test func aFlowMappingKeepsItsOtherEntries() throws {
        var mapping = try #require(YAMLFlowMapping(#"{ in: query, type: int32, default: 1000, description: "A, b: c.", note: 'x, y' }"#))
        mapping.set("maximum", to: "500")
        mapping.set("default", to: "10")
        #expect(mapping.text == #"{ in: query, type: int32, default: 10, maximum: 500, description: "A, b: c.", note: 'x, y' }"#)
        #expect(YAMLFlowMapping("shared") == nil)
    }
}
