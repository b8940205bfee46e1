@testable import CodegenCore
import Foundation
import Testing

/// `ncp-codegen import PAGES…`: a first spec for a service from NAVER's pages, checked on the seed pages
/// against the hand-kept spec and on real copies of six services' pages, each imported into a spec kept as a
/// golden (`Tests/PageImports/NAME.spec`) whose generated client is compiled and called on a loopback server.
@Suite struct PageImportTests {
    /// A service's pages as imported: a folder of real copies, less the copies that contradict the others.
    struct PageSet: CustomStringConvertible, Sendable {
        var name: String
        var folder: URL
        var leftOut: [String] = []

        var description: String { name }

        var files: [String] {
            get throws { try PageFiles.files([folder.path]).filter { file in !leftOut.contains { file.hasSuffix($0) } } }
        }

        func pages() throws -> [PageModel] { try PageFiles.read(files) }
    }

    static let real = TestPaths.fixtures.appendingPathComponent("pages/real")
    static let goldens = TestPaths.packageRoot.appendingPathComponent("Tests/PageImports")

    static let sets: [PageSet] = [
        PageSet(name: "media-intelligence-seed", folder: DocsCheckTests.seedFolder),
        PageSet(name: "media-intelligence", folder: real.appendingPathComponent("mi")),
        PageSet(name: "cloud-outbound-mailer", folder: real.appendingPathComponent("mailer")),
        PageSet(name: "sens", folder: real.appendingPathComponent("sens")),
        // Older copies of two pages state other limits and fields than the newer ones: a service's pages as
        // they are now are imported, and the older copies are left to docs-check.
        PageSet(name: "nclue", folder: real.appendingPathComponent("nclue"),
                leftOut: ["nclue-posttask.pdf-old.txt", "nclue-posttask.pipes-print-old.txt", "nclue-posttaskrun.pdf.txt"]),
        PageSet(name: "billing", folder: real.appendingPathComponent("billing")),
        PageSet(name: "api-gateway", folder: real.appendingPathComponent("apigateway")),
    ]

    // MARK: Goldens

    @Test func everySetIsListedForCompiling() throws {
        #expect(try GoldenFolder("PageImports").compiledNames(listedAs: "compiledPageImports") == Self.sets.map(\.name).sorted())
    }

    @Test(arguments: sets)
    func aSetImportsToItsGoldenSpecAndAClientThatGeneratesWithoutWarnings(_ set: PageSet) throws {
        let result = try PageImport.importPages(try set.pages())
        try Self.checkSpecGolden(result.files, against: Self.goldens.appendingPathComponent(set.name + ".spec"))
        let (spec, diagnostics) = SpecCompiler.compile(result.files.map { SpecSource(path: $0.name, text: $0.contents) })
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(!spec.operations.isEmpty)
        let generated = try Generator.generate(spec: spec, templates: TemplateSet.builtIn(), options: GeneratorOptions(testDouble: .sameModule))
        #expect(generated.warnings.isEmpty, "\(generated.warnings)")
        try GoldenFiles.check(generated.files, against: Self.goldens.appendingPathComponent(set.name))
    }

    /// The spec's YAML files against the golden folder, or, with `UPDATE_GOLDENS=1`, written there.
    static func checkSpecGolden(_ files: [OutputFile], against directory: URL) throws {
        if GoldenFiles.updating {
            try? FileManager.default.removeItem(at: directory)
            for file in files {
                let target = directory.appendingPathComponent(file.name)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: target, atomically: true, encoding: .utf8)
            }
            return
        }
        for file in files {
            let expected = (try? String(contentsOf: directory.appendingPathComponent(file.name), encoding: .utf8)) ?? ""
            #expect(expected == file.contents, "\(directory.lastPathComponent)/\(file.name):\n\(GoldenFiles.unifiedDiff(expected: expected, actual: file.contents))")
        }
        let existing = (FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".yaml") }
        #expect(Set(existing) == Set(files.map(\.name)), "\(directory.lastPathComponent) holds other files than the import writes")
    }

    // MARK: Round trip

    /// `docs-check` of the imported spec against the pages it came from agrees with every one of them.
    @Test(arguments: sets)
    func docsCheckOfTheImportedSpecAgainstItsPagesFindsNoDrift(_ set: PageSet) throws {
        let pages = try set.pages()
        let result = try PageImport.importPages(pages)
        let spec = SpecCompiler.compile(result.files.map { SpecSource(path: $0.name, text: $0.contents) }).spec
        let report = DocsChecker.check(spec, pages: pages)
        #expect(report.warnings.map(\.description) == [])
    }

    // MARK: The seed pages against the hand-kept spec

    /// Every fact of the seed pages' operations the hand-kept spec holds — path and method, each field's wire
    /// name, type, required-ness and limits, each enum's values, each error's status and message — compared with
    /// what import makes of the same pages. What differs is listed in the README: guesses (an integer's width)
    /// and departures the hand-kept spec records (IDs documented as strings, sent as integers).
    @Test func importingTheSeedPagesReproducesTheHandKeptSpec() throws {
        let pages = try DocsCheckTests.seedPages()
        let result = try PageImport.importPages(pages)
        let imported = SpecCompiler.compile(result.files.map { SpecSource(path: $0.name, text: $0.contents) }).spec
        let comparison = SpecComparison(hand: DocsCheckTests.mediaIntelligence, imported: imported, pages: pages)
        #expect(comparison.total > 120, "only \(comparison.total) facts compared")
        #expect(comparison.differences == Self.expectedSeedDifferences, "\(comparison.differences)")
        #expect(Double(comparison.equal) / Double(comparison.total) >= 0.95, "\(comparison.equal) of \(comparison.total) equal")
    }

    /// Where import and the hand-kept spec part, each for a reason the README gives: the hand-kept spec takes IDs
    /// the pages type String as integers (the service returns integers) and sends `tagIdList` as integers (as the
    /// example does), reads `createdTime` as a date (the reference says ISO 8601), and sizes a count as `int32`;
    /// import takes what the rows say and every `Integer` as `int64`.
    static let expectedSeedDifferences = [
        "getVideoAnalysisStatus parameter `project_id`: type string ≠ int64",
        "getVideoAnalysisStatus parameter `video_asset_id`: type string ≠ int64",
        "requestAnalysis parameter `project_id`: type string ≠ int64",
        "requestAnalysis parameter `asset_id`: type string ≠ int64",
        "requestAnalysis body `analysisPersonCount`: type int64 ≠ int32",
        "requestAnalysis body `tagIdList`: type array<string> ≠ array<int64>",
        "requestAnalysis result `createdTime`: type string ≠ datetime",
    ]

    // MARK: Losses and refusals

    @Test func pagesWithoutAnOperationImportNothing() throws {
        let overview = try PageFiles.read([Self.real.appendingPathComponent("mcc").path])
        let error = #expect(throws: SpecErrors.self) { try PageImport.importPages(overview) }
        #expect(error?.diagnostics.last?.message == "none of the 2 pages documents an operation (a method and a path)")
    }

    @Test func aCutPageIsImportedAsPartialAndSaysWhereItEnds() throws {
        let page = try PageFiles.read([Self.real.appendingPathComponent("mailer/en/ai-application-service-cloudoutboundmailer-createmailrequest.pipes-noleading.txt").path])
        let result = try PageImport.importPages(page)
        let text = result.files.map(\.contents).joined()
        #expect(text.contains("      partial: true"))
        #expect(result.warnings.contains { $0.message == "the body table of `requestEmail` is cut off; the body is marked partial" })
        #expect(result.warnings.contains { $0.message.hasPrefix("the page ends inside the body field table") })
    }

    @Test func everyGuessIsACommentInTheYAML() throws {
        let result = try PageImport.importPages(try DocsCheckTests.seedPages())
        let text = result.files.map(\.contents).joined()
        for guess in ["# guessed: the answers' envelope", "# guessed: the groups", "# guessed: the id, from the first words of the page's summary",
                      "# guessed: the name, from the field `query`"] {
            #expect(text.contains(guess), "\(guess)")
        }
    }

    /// Every real copy on its own — cut, unreadable, a type page, an old single page — gives a spec that validates
    /// or an error that says why; none crashes, none gives a spec that doesn't validate.
    @Test func everyRealPageAloneImportsToAValidSpecOrSaysWhy() throws {
        var imported = 0
        // The copies, not the notes beside them (FINDINGS.md, EXPECTED-FINDINGS.txt).
        for file in try PageFiles.files([Self.real.path]) where URL(fileURLWithPath: file).deletingLastPathComponent().path != Self.real.path {
            let page = try PageFiles.read([file])
            do {
                let result = try PageImport.importPages(page)
                let diagnostics = SpecCompiler.compile(result.files.map { SpecSource(path: $0.name, text: $0.contents) }).diagnostics
                #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(file): \(diagnostics)")
                imported += 1
            } catch let errors as SpecErrors {
                #expect(errors.diagnostics.allSatisfy { !$0.message.contains("please report this") }, "\(file): \(errors.diagnostics)")
            }
        }
        #expect(imported >= 90, "only \(imported) pages imported alone")
        #expect(throws: SpecErrors.self) { try PageImport.importPages([]) }
    }

    @Test func importIsDeterministic() throws {
        let pages = try PageFiles.read([Self.real.appendingPathComponent("mi").path])
        #expect(try PageImport.importPages(pages).files == PageImport.importPages(pages).files)
    }
}
