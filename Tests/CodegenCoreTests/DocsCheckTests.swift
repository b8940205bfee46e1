@testable import CodegenCore
import Foundation
import Testing

/// `ncp-codegen docs-check`: the spec against NAVER's doc pages, in every layout the site serves.
@Suite struct DocsCheckTests {
    static let seedFolder = TestPaths.reference.deletingLastPathComponent().appendingPathComponent("seed-docs")
    static let seedSlugs = ["maiu-overview", "maiu-analysis-status-depr", "mi-request-analysis", "maiu-upload-asset-query-url", "maiu-search-asset"]

    static let mediaIntelligence: Spec = SpecCompiler.compile(paths: [TestPaths.spec.path]).spec

    static func seedPages() throws -> [PageModel] {
        try PageFiles.read([seedFolder.path])
    }

    /// A structured seed page rendered in one layout and read back, named so its slug is the page's.
    static func read(_ page: StructuredPage, _ layout: PageLayoutRendering) -> PageModel {
        PageModel.read(source: "\(page.slug).\(layout.rawValue).\(layout.fileExtension)", text: layout.render(page))
    }

    /// `spec-file: message` for each warning, the spec's folder taken off.
    static func drift(_ pages: [PageModel], spec: Spec = mediaIntelligence) -> [String] {
        DocsChecker.check(spec, pages: pages).warnings.map {
            "\($0.location.file.replacingOccurrences(of: TestPaths.spec.path + "/", with: "")): \($0.message)"
        }
    }

    static func notes(_ pages: [PageModel]) -> Set<String> {
        Set(DocsChecker.check(mediaIntelligence, pages: pages).notes.map(\.message))
    }

    // MARK: The seed pages

    @Test func theSeedPagesShowNoDriftOnlyTheirRecordedDepartures() throws {
        let report = DocsChecker.check(Self.mediaIntelligence, pages: try Self.seedPages())
        #expect(report.warnings.map(\.description) == [])
        #expect(report.errors.isEmpty)
        #expect(report.pagesRead == 5 && report.pagesMatched == 5 && report.pagesUnreadable == 0)
        let notes = report.notes.map(\.message)
        #expect(notes.contains { $0.contains("spells `filter.assetTypes` as `asseTypes`") })
        #expect(notes.contains { $0.contains("spells `analyzeStatusMessage` as `analysisStatusMessage`") })
        #expect(notes.contains { $0.contains("the docs type `tagIdList` as Array<String>; recorded") })
        #expect(notes.contains { $0.contains("doesn't show the latest changes yet") })
    }

    @Test(arguments: PageLayoutRendering.allCases)
    func everyLayoutOfTheSeedPagesReadsTheSame(_ layout: PageLayoutRendering) throws {
        let original = try Self.seedPages()
        let expectedNotes = Self.notes(original)
        let pages = try Self.seedSlugs.map { Self.read(try StructuredPage.load($0), layout) }
        #expect(pages.allSatisfy { $0.isReadable }, "\(layout): \(pages.flatMap(\.problems))")
        #expect(Self.drift(pages) == [], "\(layout)")
        #expect(Self.notes(pages) == expectedNotes, "\(layout): \(Self.notes(pages).symmetricDifference(expectedNotes))")
        // The same fields, whatever the layout.
        let fieldNames = { (models: [PageModel]) in models.flatMap(\.operations).flatMap(\.fields).map(\.name) }
        #expect(fieldNames(pages) == fieldNames(original), "\(layout)")
        #expect(pages.flatMap(\.errors).count == 37)
    }

    // MARK: Each kind of edit, in every layout

    struct Edit: CustomStringConvertible, Sendable {
        var name: String
        var slug: String
        var change: @Sendable (inout StructuredPage) -> Void
        var expected: String
        /// What a layout says instead, where it can't say as much (a line of words doesn't show where a message ends).
        var expectedIn: [PageLayoutRendering: String] = [:]
        /// A note the edit adds, for an edit the spec records as a departure (then `expected` is empty: no drift).
        var expectedNote: String?

        var description: String { name }
    }

    static func rows(_ page: inout StructuredPage, _ title: String, _ change: (inout [StructuredPage.Row]) -> Void) {
        let section = page.section(title)!
        change(&page.sections[section].table!.rows)
    }

    static func setBullet(_ page: inout StructuredPage, row name: String, in title: String, from old: String, to new: String) {
        let (section, row) = page.row(name, in: title)!
        page.sections[section].table!.rows[row].bullets = page.sections[section].table!.rows[row].bullets.map { pair in
            pair.map { part in if case .text(old) = part { .text(new) } else { part } }
        }
    }

    static let edits: [Edit] = [
        Edit(name: "field added", slug: "mi-request-analysis", change: { page in
            rows(&page, "Request body") { $0.insert(StructuredPage.Row(cells: ["maxDuration", "Integer", "Optional", "New limit"], bullets: []), at: 2) }
        }, expected: "operations/analysis.yaml: the docs list the body field `maxDuration` (Integer, optional), which the spec doesn't have"),
        Edit(name: "field removed", slug: "mi-request-analysis", change: { page in
            rows(&page, "Request body") { $0.removeAll { $0.cells[0] == "detectAudioEffects" } }
        }, expected: "operations/analysis.yaml: the spec has the body field `detectAudioEffects`, which the docs don't list"),
        Edit(name: "type", slug: "maiu-upload-asset-query-url", change: { page in
            let (section, row) = page.row("assetFileName", in: "Request body")!
            page.sections[section].table!.rows[row].cells[1] = "Integer"
        }, expected: "operations/search.yaml: the docs type `assetFileName` as Integer; the spec has string"),
        Edit(name: "required-ness", slug: "maiu-upload-asset-query-url", change: { page in
            let (section, row) = page.row("assetFileName", in: "Request body")!
            page.sections[section].table!.rows[row].cells[2] = "Optional"
        }, expected: "operations/search.yaml: the docs make `assetFileName` optional; the spec has it required"),
        Edit(name: "limit", slug: "maiu-upload-asset-query-url", change: { page in
            let (section, row) = page.row("assetFileName", in: "Request body")!
            page.sections[section].table!.rows[row].bullets.append([.text("1-255 characters"), .depth(0)])
        }, expected: "operations/search.yaml: the docs allow `assetFileName` up to 255 characters; the spec has no limit"),
        // The spec's note on this length says where it comes from: a new length on the page is shown as a note.
        Edit(name: "limit under a note", slug: "maiu-search-asset", change: { page in
            let (section, row) = page.row("query.textQuery", in: "Request body")!
            page.sections[section].table!.rows[row].bullets.append([.text("1-500 characters"), .depth(0)])
        }, expected: "", expectedNote: "the docs allow `query.textQuery` up to 500 characters; recorded: The length comes from the search guide page (asset-search), not from this API's page."),
        Edit(name: "default", slug: "maiu-search-asset", change: { page in
            setBullet(&page, row: "queryOption.confidenceLevel", in: "Request body", from: "LOW | MEDIUM (default) | HIGH", to: "LOW | MEDIUM | HIGH (default)")
        }, expected: "types.yaml: the docs give `queryOption.confidenceLevel` the default HIGH; the spec has MEDIUM"),
        Edit(name: "enum value", slug: "maiu-search-asset", change: { page in
            setBullet(&page, row: "queryOption.confidenceLevel", in: "Request body", from: "LOW | MEDIUM (default) | HIGH", to: "LOW | MEDIUM (default) | HIGH | EXACT")
        }, expected: "enums.yaml: the docs list the value EXACT for `queryOption.confidenceLevel`, which the enum ConfidenceLevel doesn't have"),
        Edit(name: "error row", slug: "maiu-overview", change: { page in
            rows(&page, "Response status codes") { $0.insert(StructuredPage.Row(cells: ["400", "10099", "A new error.", "New."], bullets: []), at: 1) }
        }, expected: "errors.yaml: the docs list the error 10099 (HTTP 400): A new error., which the spec doesn't have", expectedIn: [
            .plain: "errors.yaml: the docs list the error 10099 (HTTP 400): \"A new error. New.\" (message and description run together on this page), which the spec doesn't have",
            .pdf: "errors.yaml: the docs list the error 10099 (HTTP 400): \"A new error.New.\" (message and description run together on this page), which the spec doesn't have",
        ]),
        Edit(name: "path", slug: "maiu-upload-asset-query-url", change: { page in
            page.endpoint!.path += "s"
        }, expected: "operations/search.yaml: `createQueryImageUploadURL` cites maiu-upload-asset-query-url, which now documents POST /api/v1/query-assets/uploads/presigned-urls; the spec has POST /api/v1/query-assets/uploads/presigned-url"),
        Edit(name: "rate limit", slug: "maiu-search-asset", change: { page in
            page.notes = page.notes.map { pair in
                pair.map { part in if case .text(let text) = part { .text(text.replacingOccurrences(of: "Up to 1000 calls", with: "Up to 500 calls")) } else { part } }
            }
        }, expected: "operations/search.yaml: the docs limit `searchAssets` to 500 calls per minute; the spec has 1000 per minute"),
    ]

    @Test(arguments: edits, PageLayoutRendering.allCases)
    func eachEditIsFoundInEveryLayoutAtTheRightPlace(_ edit: Edit, _ layout: PageLayoutRendering) throws {
        var page = try StructuredPage.load(edit.slug)
        edit.change(&page)
        let read = Self.read(page, layout)
        let expected = edit.expectedIn[layout] ?? edit.expected
        #expect(Self.drift([read]) == (expected.isEmpty ? [] : [expected]), "\(edit.name) in \(layout)")
        if let note = edit.expectedNote {
            let original = Self.notes([Self.read(try StructuredPage.load(edit.slug), layout)])
            #expect(Self.notes([read]).subtracting(original) == [note], "\(edit.name) in \(layout)")
        }
    }

    // MARK: Identity

    @Test func aCitedPageThatNowDocumentsAnotherCallIsReportedAtTheDocLine() throws {
        let file = TestPaths.fixtures.appendingPathComponent("pages/real/mi/en/mi-scene-summary-status.mdexport.txt")
        let report = DocsChecker.check(Self.mediaIntelligence, pages: try PageFiles.read([file.path]))
        let identity = try #require(report.warnings.first { $0.category == .identity })
        #expect(identity.message.hasPrefix("`getSceneSummaryStatus` cites mi-scene-summary-status, which documents GET /api/v1/workspaces/{workspace_name}/projects/{project_id}/assets/{asset_id}/indexes/{index_id}/scene-summaries/{scene_summary_id}/status (that is `getIndexSceneSummaryStatus`)"))
        let operation = try #require(Self.mediaIntelligence.operations.first { $0.id == "getSceneSummaryStatus" })
        #expect(identity.location == operation.location(of: "doc"))
    }

    @Test func aPageIsMatchedByItsExactPathNeverAFuzzyNeighbour() throws {
        // The deprecated `video-assets` register page is the video call, not the `assets` one beside it.
        let file = TestPaths.fixtures.appendingPathComponent("pages/real/mi/en/maiu-create-assets.legacy-banner.txt")
        let page = try #require(try PageFiles.read([file.path]).first)
        let checker = DocsChecker(spec: Self.mediaIntelligence)
        #expect(checker.match(page.operations[0], on: page)?.id == "registerVideoAsset")
        // A path no operation has is new in the docs.
        var moved = page
        moved.operations[0].path = "/api/v1/workspaces/{workspace_name}/projects/{project_id}/video-assets/import/object-storage/v2"
        moved.slug = nil
        #expect(Self.drift([moved]).first?.hasPrefix("service.yaml: the docs document POST /api/v1/workspaces/{workspace_name}/projects/{project_id}/video-assets/import/object-storage/v2") == true)
    }

    @Test func aPageWrittenForAnotherRegionIsMatchedThroughThatRegionsBasePath() throws {
        let file = TestPaths.fixtures.appendingPathComponent("pages/real/mailer/en/ai-application-service-cloudoutboundmailer-createfile.plain-complete.txt")
        let page = try #require(try PageFiles.read([file.path]).first)
        let (mailer, _) = SpecCompiler.compile(paths: [TestPaths.packageRoot.appendingPathComponent("Tests/NCPAPIs/cloud-outbound-mailer.yaml").path])
        let checker = DocsChecker(spec: mailer)
        for path in ["/api/v1/files", "/api/v1-sgn/files", "/api/v1-jpn/files", "/files"] {
            var regional = page.operations[0]
            regional.path = path
            #expect(checker.match(regional, on: page)?.id == "createFile", "\(path)")
        }
        var elsewhere = page.operations[0]
        elsewhere.path = "/api/v1-moon/files"
        #expect(checker.match(elsewhere, on: page) == nil)
    }

    // MARK: Coverage

    @Test func aCutErrorTableSaysWhereItEndsAndReportsNothingAfterIt() throws {
        // The overview's copy ends at `| 400 | 10016 | Select the bucket to integrate (folder s`.
        let file = TestPaths.fixtures.appendingPathComponent("pages/real/mi/en/maiu-overview.pipes.txt")
        let report = DocsChecker.check(Self.mediaIntelligence, pages: try PageFiles.read([file.path]))
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\.message))")
        #expect(report.notes.map(\.message).contains("the page ends inside the error table after '10014'; what follows is unchecked"))
        #expect(report.pagesCut == 1)
    }

    @Test func aPageThatCantBeReadIsAnErrorNeverAnAllClear() throws {
        let pages = [
            PageModel.read(source: "guide.txt", text: try String(contentsOf: TestPaths.fixtures.appendingPathComponent("pages/real/mi/guide-en/maiu-videoasset.console-guide.txt"), encoding: .utf8)),
            PageModel.read(source: "empty.md", text: ""),
            PageModel.read(source: "error.html", text: "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><nav><a href='/'>Home</a></nav></body></html>"),
            PageModel.read(source: "article.html", text: "<html><body><article><h1>Not found</h1><p>The page you requested does not exist.</p></article></body></html>"),
        ]
        let report = DocsChecker.check(Self.mediaIntelligence, pages: pages)
        #expect(report.errors.count == 4)
        #expect(report.pagesUnreadable == 4)
        #expect(report.errors.allSatisfy { $0.message.hasPrefix("the page can't be read as an API page") })
        #expect(report.summary == "4 pages read: 0 matched, 0 cut off, 4 unreadable; 0 warnings, 0 notes, 4 errors")
    }

    // MARK: Real pages

    /// The services of the real copies and the specs they are checked against.
    static let realServices: [(folder: String, spec: URL)] = [
        ("mi", TestPaths.spec),
        ("mailer", TestPaths.packageRoot.appendingPathComponent("Tests/NCPAPIs/cloud-outbound-mailer.yaml")),
        ("sens", TestPaths.packageRoot.appendingPathComponent("Tests/NCPAPIs/sens-sms.yaml")),
        ("server", TestPaths.packageRoot.appendingPathComponent("Tests/NCPAPIs/vpc-server.yaml")),
    ]

    /// Recall on real pages: every row of every complete field table on the real copies is changed in the page's
    /// own text — its type to another, and a request field's required-ness flipped — and read again. Each change
    /// must be reported (as a warning, or as a note where the spec records a departure of that kind). The rows
    /// of the envelope (`code`, `message`, `result`) and the common headers belong to the service, not the page.
    @Test func everyChangeToARowOfACompleteTableOnARealPageIsFound() throws {
        let realFolder = TestPaths.fixtures.appendingPathComponent("pages/real")
        var tried = 0
        var missed: [String] = []
        for (folder, specURL) in Self.realServices {
            let spec = SpecCompiler.compile(paths: [specURL.path]).spec
            let shape = spec.service.answers?.resolved(over: nil).envelope
            let envelope = Set([shape?.result, shape?.code, shape?.message].compactMap { $0 })
            for file in try PageFiles.files([realFolder.appendingPathComponent(folder).path]) {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                let page = PageModel.read(source: file, text: text)
                // Pages of one operation the spec has: a call the spec lacks is reported whole, not row by row.
                let baseline = DocsChecker.check(spec, pages: [page]).findings
                guard let operation = page.operations.first, page.operations.count == 1,
                      baseline.allSatisfy({ $0.category != .identity && $0.category != .newOperation }) else { continue }
                let before = Set(baseline.map(\.message))
                var lines = text.components(separatedBy: "\n")
                for field in operation.fields where !field.isCut && !field.type.isEmpty && operation.tables[field.table].isComplete && field.section != .header {
                    if field.section == .response, field.path.count == 1, envelope.contains(field.path[0]) { continue }
                    var changes: [(from: String, to: String)] = [(field.type, ["string", "enum"].contains(field.type.lowercased()) ? "Boolean" : "String")]
                    // Rows that write required-ness another way (`Y`, `필수`) keep it: the type change covers them.
                    if field.section != .response, field.requiredness == .required { changes.append(("Required", "Optional")) }
                    for change in changes {
                        // The row's own lines: the name's line and, in layouts that split a row, the next two.
                        guard let offset = (field.line - 1..<min(lines.count, field.line + 2)).first(where: { lines[$0].range(of: change.from) != nil }) else { continue }
                        let original = lines[offset]
                        let nameEnd = original.range(of: field.documentedName)?.upperBound ?? original.startIndex
                        guard let range = original.range(of: change.from, range: nameEnd..<original.endIndex) else { continue }
                        lines[offset] = original.replacingCharacters(in: range, with: change.to)
                        let changed = PageModel.read(source: file, text: lines.joined(separator: "\n"))
                        lines[offset] = original
                        tried += 1
                        let after = Set(DocsChecker.check(spec, pages: [changed]).findings.map(\.message)).subtracting(before)
                        let name = field.path.last ?? field.name
                        if !after.contains(where: { $0.contains(name + "`") && ($0.contains(change.to) || $0.contains(change.to.lowercased())) }) {
                            missed.append("\(file.replacingOccurrences(of: realFolder.path + "/", with: "")):\(field.line) \(field.documentedName) \(change.from)→\(change.to)")
                        }
                    }
                }
            }
        }
        let recall = Double(tried - missed.count) / Double(max(tried, 1))
        #expect(tried > 300, "only \(tried) changes tried")
        #expect(recall >= 0.95, "found \(tried - missed.count) of \(tried) changes (\(Int(recall * 100))%); missed:\n\(missed.joined(separator: "\n"))")
    }

    /// Every warning and error on the stored copies of real pages, pinned: each was checked by hand to be a true
    /// disagreement with the newest page or with the older copy that shows it (see `pages/real/FINDINGS.md`).
    @Test func theRealPagesGiveExactlyTheFindingsCheckedByHand() throws {
        var lines: [String] = []
        let realFolder = TestPaths.fixtures.appendingPathComponent("pages/real")
        for (folder, specURL) in Self.realServices {
            let spec = SpecCompiler.compile(paths: [specURL.path]).spec
            let report = DocsChecker.check(spec, pages: try PageFiles.read([realFolder.appendingPathComponent(folder).path]))
            lines.append("## \(folder): \(report.summary)")
            for finding in report.findings where finding.kind != .note {
                let location = finding.location.file.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: "")
                    .replacingOccurrences(of: realFolder.path + "/", with: "")
                let page = finding.page.replacingOccurrences(of: realFolder.path + "/", with: "")
                lines.append("\(location):\(finding.location.line): \(finding.kind.rawValue): \(finding.message) (\(page))")
            }
        }
        let text = lines.joined(separator: "\n") + "\n"
        let golden = realFolder.appendingPathComponent("EXPECTED-FINDINGS.txt")
        if GoldenFiles.updating {
            try text.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected, "\(GoldenFiles.unifiedDiff(expected: expected, actual: text))")
    }
}
