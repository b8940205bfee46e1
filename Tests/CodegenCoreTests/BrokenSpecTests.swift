import CodegenCore
import Foundation
import Testing

/// Each file in `Fixtures/broken` is loaded beside `Fixtures/base/service.yaml` and must produce exactly the
/// diagnostics its `# expect: LINE:COL: severity: message` lines list — no more, no fewer, in that order.
@Suite struct BrokenSpecTests {
    static let fixtureNames: [String] = {
        let directory = TestPaths.fixtures.appendingPathComponent("broken")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test func thereAreAtLeastThirtyBrokenSpecs() {
        #expect(Self.fixtureNames.count >= 30)
    }

    @Test(arguments: fixtureNames)
    func brokenSpecReportsExactlyItsProblems(_ name: String) throws {
        let base = TestPaths.fixtures.appendingPathComponent("base/service.yaml").path
        try expectExactly(fixture: TestPaths.fixtures.appendingPathComponent("broken/\(name)").path, loadedWith: [base])
    }

    /// Whole specs (with a service of their own) that the validator refuses.
    static let refusedNames: [String] = {
        let directory = TestPaths.fixtures.appendingPathComponent("refused")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test(arguments: refusedNames)
    func refusedSpecReportsExactlyItsProblems(_ name: String) throws {
        try expectExactly(fixture: TestPaths.fixtures.appendingPathComponent("refused/\(name)").path, loadedWith: [])
    }

    func expectExactly(fixture: String, loadedWith others: [String]) throws {
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        let expected = text.split(separator: "\n").compactMap { line -> String? in
            // `$FILE` stands for the fixture's path wherever a message names a place in the same file.
            line.hasPrefix("# expect: ") ? "\(fixture):" + line.dropFirst("# expect: ".count).replacingOccurrences(of: "$FILE", with: fixture) : nil
        }
        #expect(!expected.isEmpty, "\(fixture) lists no expected diagnostic")

        let (_, diagnostics) = SpecCompiler.compile(paths: others + [fixture])
        #expect(diagnostics.map(\.description) == expected)
        #expect(diagnostics.contains { $0.severity == .error })
    }
}
