@testable import CodegenCore
import FlyingFox
import Foundation
import Testing

/// `ncp-codegen docs-check`: the spec against NAVER's doc pages.
@Suite struct DocsCheckTests {
    static let seedFolder = TestPaths.reference.deletingLastPathComponent().appendingPathComponent("seed-docs")

    static func seedPages() throws -> [DocPage] {
        try DocPages.read([seedFolder.path])
    }

    static func mediaIntelligence() -> Spec {
        SpecCompiler.compile(paths: [TestPaths.spec.path]).spec
    }

    /// The seed page whose file name starts with `prefix`, its text edited.
    static func seed(_ prefix: String, _ edit: (String) -> String) throws -> DocPage {
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: seedFolder.path).first { $0.hasPrefix(prefix) })
        let text = try String(contentsOf: seedFolder.appendingPathComponent(name), encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit of \(name) changed nothing")
        return DocPage(name: name, text: edited)
    }

    /// The warnings for one edited page, as `spec-file:line: message` with the spec's path shortened.
    static func drift(_ page: DocPage) -> [String] {
        DocsChecker.check(mediaIntelligence(), pages: [page]).filter { $0.kind == .warning }.map {
            "\($0.location.file.replacingOccurrences(of: TestPaths.spec.path + "/", with: "")):\($0.location.line): \($0.message)"
        }
    }

    @Test func bothRenderingsOfThePagesAreRead() throws {
        let pages = try Self.seedPages()
        #expect(pages.count == 5)
        let overview = try #require(pages.first { $0.isOverview })
        #expect(overview.errors.count == 37) // every row but 200's success, 10072 under both 400 and 422
        #expect(overview.errors.first { $0.code == "10001" }?.status == 400)
        // The Markdown-like rendering: rows split across lines.
        let analysis = try #require(pages.first { $0.path?.hasSuffix("/analyze") == true })
        #expect(analysis.method == "POST")
        #expect(analysis.rows.map(\.name) == ["workspace_name", "project_id", "asset_id", "sceneRange", "analysisPersonCount", "tagIdList",
                                              "sourceLanguage", "detectAudioEffects", "code", "message", "result", "result.id",
                                              "result.createdTime", "result.createdUserName"])
        #expect(analysis.rows.first { $0.name == "tagIdList" }?.type == "Array<String>")
        #expect(analysis.requestExample?.keys.contains("tagIdList") == true)
        // The plain-text rendering: rows as words, bullets under them, "Conditional" and "-" as required-ness.
        let search = try #require(pages.first { $0.path?.hasSuffix("/assets/search") == true })
        let textQuery = try #require(search.rows.first { $0.name == "query.textQuery" })
        #expect(textQuery.required == "conditional")
        #expect(textQuery.description.contains("can't be used"))
        #expect(search.rows.first { $0.name == "filter.projectIds" }?.type == "Array[Integer]")
        #expect(search.rows.first { $0.name == "result.searchId" }?.required == "")
        #expect(DocsChecker.enumValues(in: search.rows.first { $0.name == "queryOption.confidenceLevel" }?.description ?? "") == ["LOW", "MEDIUM", "HIGH"])
        #expect(search.responseExample?.keys == ["code", "message", "result", "result.searchId"])
    }

    @Test func theSpecShowsNoDriftOnTheSeedPagesOnlyItsRecordedDepartures() throws {
        let findings = DocsChecker.check(Self.mediaIntelligence(), pages: try Self.seedPages())
        #expect(findings.filter { $0.kind == .warning }.map(\.description) == [])
        let notes = findings.filter { $0.kind == .note }.map(\.message)
        #expect(notes.contains { $0.contains("spells `filter.assetTypes` as `asseTypes`") })
        #expect(notes.contains { $0.contains("spells `analyzeStatusMessage` as `analysisStatusMessage`") })
        #expect(notes.contains { $0.contains("the docs type `tagIdList` as Array<String>; recorded") })
    }

    @Test func anAddedFieldIsReportedAtTheBody() throws {
        let page = try Self.seed("002") { $0.replacingOccurrences(of: "detectAudioEffects |\n", with: "maxDuration |\nInteger | Optional | New limit |\ndetectAudioEffects |\n") }
        #expect(Self.drift(page) == ["operations/analysis.yaml:18: the docs list the body field `maxDuration` (Integer, optional), which the spec doesn't have"])
    }

    @Test func aChangedTypeIsReportedAtTheField() throws {
        let page = try Self.seed("003") { $0.replacingOccurrences(of: "assetFileName |\nString", with: "assetFileName |\nInteger") }
        let drift = Self.drift(page)
        #expect(drift.count == 1)
        #expect(drift.first?.hasSuffix("the docs type `assetFileName` as Integer; the spec has string") == true)
        #expect(drift.first?.hasPrefix("operations/search.yaml:") == true)
    }

    @Test func aFieldMadeRequiredIsReportedAtTheResultTypesProperty() throws {
        let page = try Self.seed("001") { $0.replacingOccurrences(of: "result.indexId |\nInteger | Optional", with: "result.indexId |\nInteger | Required") }
        let drift = Self.drift(page)
        #expect(drift.count == 1)
        #expect(drift.first?.hasPrefix("types.yaml:") == true)
        #expect(drift.first?.hasSuffix("the docs make `indexId` required; the spec has it optional") == true)
    }

    @Test func anAddedEnumValueIsReportedAtTheEnum() throws {
        let page = try Self.seed("004") { $0.replacingOccurrences(of: "LOW | MEDIUM (default) | HIGH", with: "LOW | MEDIUM (default) | HIGH | EXACT") }
        let drift = Self.drift(page)
        #expect(drift.count == 1)
        #expect(drift.first?.hasPrefix("enums.yaml:") == true)
        #expect(drift.first?.hasSuffix("the docs list the value EXACT for `queryOption.confidenceLevel`, which the enum ConfidenceLevel doesn't have") == true)
    }

    @Test func anAddedErrorCodeIsReportedAtTheErrors() throws {
        let page = try Self.seed("000") { $0.replacingOccurrences(of: "| 400 | 10001 |", with: "| 400 | 10099 | A new error. | New. |\n| 400 | 10001 |") }
        let drift = Self.drift(page)
        #expect(drift.count == 1)
        #expect(drift.first?.hasPrefix("errors.yaml:") == true)
        #expect(drift.first?.hasSuffix("the docs list the error 10099 (HTTP 400): A new error., which the spec doesn't have") == true)
    }

    @Test func aChangedPathIsReportedAtTheOperationsPath() throws {
        let page = try Self.seed("003") { $0.replacingOccurrences(of: "/uploads/presigned-url |", with: "/uploads/presigned-urls |") }
        let drift = Self.drift(page)
        #expect(drift.count == 1)
        #expect(drift.first?.hasPrefix("operations/search.yaml:") == true)
        #expect(drift.first?.contains("the docs say `createQueryImageUploadURL` is POST /api/v1/query-assets/uploads/presigned-urls") == true)
    }

    @Test func aStatedForbiddenCharacterTheSpecLacksIsReported() throws {
        let page = try Self.seed("004") { $0.replacingOccurrences(of: "Semicolons (;), vertical bars (|), and backticks (`) can't be used.\nquery.imageQuery",
                                                                  with: "Semicolons (;), vertical bars (|), backticks (`) and hashes (#) can't be used.\nquery.imageQuery") }
        let drift = Self.drift(page)
        #expect(drift.count == 1)
        #expect(drift.first?.hasSuffix("the docs forbid '#' in `query.textQuery`; the spec doesn't") == true)
    }

    @Test func fetchedPagesAreCheckedLikeFiles() async throws {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        let presign = try String(contentsOf: Self.seedFolder.appendingPathComponent(
            try #require(try FileManager.default.contentsOfDirectory(atPath: Self.seedFolder.path).first { $0.hasPrefix("003") })), encoding: .utf8)
        await server.appendRoute("GET /docs/presign") { _ in HTTPResponse(statusCode: .ok, body: Data(presign.utf8)) }
        await server.appendRoute("GET /docs/status") { _ in
            HTTPResponse(statusCode: .ok, body: Data(presign.replacingOccurrences(of: "assetType |\nString", with: "assetType |\nBoolean").utf8))
        }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { Issue.record("no address"); return }
        let yaml = """
            service:
              name: Docs
              host: docs.example.com
              basePath: /api/v1
              answers: { envelope: { result: result, code: code, success: ["0"], message: message } }
            types:
              Upload:
                description: An upload URL.
                properties:
                  presignedUploadUrl: { type: string, required: true, description: URL. }
            operations:
              createQueryImageUploadURL:
                summary: Presign
                method: POST
                path: /query-assets/uploads/presigned-url
                doc: http://127.0.0.1:\(port)/docs/presign
                body:
                  properties:
                    assetType: { type: string, required: true, description: Type. }
                    assetFileName: { type: string, required: true, description: Name. }
                result: Upload
            """
        var spec = SpecCompiler.compile([SpecSource(path: "docs.yaml", text: yaml)]).spec
        let pages = try await Task.detached { [spec] in try DocPages.fetch(for: spec) }.value
        #expect(pages.count == 1)
        #expect(pages.first?.method == "POST")
        let findings = DocsChecker.check(spec, pages: pages).filter { $0.kind == .warning }.map(\.message)
        // The spec's result type leaves out two documented fields, which the table and the example both show.
        #expect(findings == ["the docs list the response field `assetFileKey` (String, required), which the spec doesn't have",
                             "the docs list the response field `expirationSeconds` (Integer, required), which the spec doesn't have",
                             "the response example uses `assetFileKey`, which the spec doesn't have",
                             "the response example uses `expirationSeconds`, which the spec doesn't have"])
        spec.operations[0].doc = "http://127.0.0.1:\(port)/docs/status"
        let drifted = try await Task.detached { [spec] in try DocPages.fetch(for: spec) }.value
        #expect(DocsChecker.check(spec, pages: drifted).contains { $0.message == "the docs type `assetType` as Boolean; the spec has string" })
        spec.operations[0].doc = "http://127.0.0.1:\(port)/docs/missing"
        #expect(throws: GenerationError.self) { try DocPages.fetch(for: spec) }
    }
}
