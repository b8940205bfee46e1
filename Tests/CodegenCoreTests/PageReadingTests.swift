@testable import CodegenCore
import Foundation
import Testing

/// The page model read from real stored copies of NAVER's pages: each misreading of the first `docs-check`
/// pinned with the real line it came from.
@Suite struct PageReadingTests {
    static let real = TestPaths.fixtures.appendingPathComponent("pages/real")

    static func page(_ path: String) throws -> PageModel {
        let url = real.appendingPathComponent(path)
        return PageModel.read(source: url.lastPathComponent, text: try String(contentsOf: url, encoding: .utf8))
    }

    static func field(_ page: PageModel, _ name: String) throws -> PageField {
        try #require(page.operations.first?.fields.first { $0.name == name }, "no field \(name) in \(page.source)")
    }

    @Test func aRowNamedNameIsARowAndItsBulletsStayWithIt() throws {
        // `name String Required Name of person tag to create` then `  • 1-30 characters`.
        let page = try Self.page("mi/en/maiu-create-person-tags.plain.txt")
        let name = try Self.field(page, "name")
        #expect(name.section == .body && name.type == "String" && name.requiredness == .required)
        #expect(name.facts.length == FieldFacts.Range(min: 1, max: 30, line: name.line))
        #expect(try Self.field(page, "result.id").facts.length == nil)
    }

    @Test func subTablesUnderAParentRowCarryTheParentsPath() throws {
        // `query` then `Field Type Required Description` then `textQuery String Conditional …`.
        let page = try Self.page("mi/en/maiu-search-asset.subtables.txt")
        let names = page.operations[0].fields.map(\.name)
        #expect(names.starts(with: ["query", "queryOption", "filter", "query.textQuery", "query.imageQuery", "query.personQuery", "query.personQuery.must"]))
        #expect(!names.contains("textQuery"))
        // The sub-table `tags` of the person's details: its `id` is the tag's, not the person's.
        let person = try Self.page("mi/en/maiu-person-details.pipes.txt")
        #expect(person.operations[0].fields.filter { $0.path.last == "id" }.map(\.name) == ["result.id", "result.tags.id", "result.thumbnails.id"])
        // `result.projects` as a label, and `projects` named after `The following describes projects.`.
        for file in ["mi/en/maiu-list-projects.result-subtable-maiu.txt", "mi/en/maiu-list-projects.subtables.txt"] {
            #expect(try Self.field(Self.page(file), "result.projects.projectId").type == "Integer")
        }
        // `tags[].id` inside the `result` sub-table.
        #expect(try Self.field(Self.page("mi/en/maiu-update-persons.subtables.txt"), "result.tags.id").documentedName == "tags[].id")
    }

    @Test func aTableCutByThePagesEndIsMarkedAndItsLastRowNotTrusted() throws {
        // The copy ends `result.createdUserName |` / `String | Requ`-style: here `| 400 | 10016 | Select the bucket to integrate (folder s`.
        let overview = try Self.page("mi/en/maiu-overview.pipes.txt")
        #expect(overview.errorsCut)
        #expect(overview.errors.map(\.code) == ["10001", "10014"])
        #expect(overview.cut?.place == "the error table")
        // `result.updatedTime |` / `String | Required | Last project modific` at the end: the row is cut.
        let project = try Self.page("mi/en/maiu-create-projects.pipes-noleading.txt")
        let updated = try Self.field(project, "result.updatedTime")
        #expect(updated.isCut)
        #expect(project.operations[0].tables.last?.isComplete == false)
        // `result.updatedUserName Str`: a type cut to `Str` is no type.
        let workspace = try Self.page("mi/en/maiu-create-workspaces.mdexport.txt")
        #expect(try Self.field(workspace, "result.updatedUserName").type == "")
        // A name run into its cells by the PDF rendering (`train_file_pathStringRe`) may itself be cut: dropped.
        let task = try Self.page("nclue/en/nclue-posttask.pdf-no-slash.txt")
        #expect(!task.operations[0].fields.contains { $0.name.hasPrefix("train_file_path") })
    }

    @Test func rangesWithAndWithoutUnitsAndDefaultsAreRead() throws {
        // `pageSize Integer Optional Number of items per page` / `  • 1-1000 (default: 1000)`.
        let assets = try Self.page("mi/en/mi-list-assets.plain.txt")
        let pageSize = try Self.field(assets, "pageSize")
        #expect(pageSize.facts.value?.min == 1 && pageSize.facts.value?.max == 1000 && pageSize.facts.defaultValue?.text == "1000")
        #expect(try Self.field(assets, "pageNum").facts.value?.min == 1) // `  • 1 or more`
        let analysis = try Self.page("mi/en/mi-request-analysis.plain.txt")
        #expect(try Self.field(analysis, "analysisPersonCount").facts.value == FieldFacts.Range(min: 0, max: 10, line: 43)) // `  • 0-10`
        #expect(try Self.field(analysis, "tagIdList").facts.items?.max == 30) // `  • Length: 1-30` on Array<String>
        // `  • ENKO (default) | EN | KO | JA | ZH-CN | ZH-TW`: hyphens and a default.
        let language = try Self.field(analysis, "sourceLanguage")
        #expect(language.facts.enumValues == ["ENKO", "EN", "KO", "JA", "ZH-CN", "ZH-TW"])
        #expect(language.facts.defaultValue?.text == "ENKO")
        #expect(language.facts.enumMeanings["ZH-CN"] == "Chinese (Simplified)")
        // `  • 1-N (default: 1)`.
        let search = try Self.page("mi/en/maiu-get-asset-search-result.plain.txt")
        #expect(try Self.field(search, "pageNum").facts.value == FieldFacts.Range(min: 1, max: nil, line: 39))
        // `Options: serverName (server name) | ip (IP address) [case-insensitive]`: values in lower case.
        let servers = try Self.page("server/ja/compute-vserver-server-getserverinstancelist.pipes-noleading.txt")
        #expect(servers.operations.first?.methods == ["GET", "POST"])
        // `Resolution: 360p-1080p` and `maximum 1080p` are about the media, not the key's length.
        #expect(try Self.field(Self.page("mi/en/mi-create-assets.plain.txt"), "key").facts.length == nil)
    }

    @Test func aKoreanPDFPageReadsItsTablesAndRanges() throws {
        // `offsetLongOptional응답 데이터의 시작 지점` then `• 0~9,223,372,036,854,775,807`; `• 0~20자`.
        let page = try Self.page("apigateway/ko/apigateway-product-getdocument.pdf.txt")
        #expect(page.layout == .pdfText)
        #expect(page.operations.map(\.path) == ["/products/{product-id}/document"])
        #expect(try Self.field(page, "product-id").section == .path)
        #expect(try Self.field(page, "offset").facts.value == FieldFacts.Range(min: 0, max: 9_223_372_036_854_775_807, line: 37))
        #expect(try Self.field(page, "apiName").facts.length == FieldFacts.Range(min: 0, max: 20, line: 43))
        #expect(page.operations[0].requestExample?.keys == ["apiName"])
        #expect(page.cut?.place == "an example")
    }

    @Test func anEscapedPipeInAForbiddenCharacterListIsRead() throws {
        // `  • Semicolons (;), vertical bars (\|), and backticks (`) can't be used.`
        let page = try Self.page("mi/en/maiu-search-asset.subtables.txt")
        #expect(try Self.field(page, "query.textQuery").facts.forbiddenCharacters == [";", "|", "`"])
        // The characters listed under the sentence: `    • &$@=;:+,?*\{}^%`[]<>~#|"'`.
        let task = try Self.page("nclue/en/nclue-posttask.plain-no-slash.txt")
        #expect(String(try Self.field(task, "train_file_path").facts.forbiddenCharacters) == "&$@=;:+,?*\\{}^%`[]<>~#|\"'")
    }

    @Test func rateLimitsAndDeprecationAreRead() throws {
        // `  • Up to 1000 calls can be made per minute. If you need to adjust the call volume, contact Support.`
        #expect(try Self.page("mi/en/maiu-search-asset.plain.txt").operations[0].rateLimits.map { "\($0.limit)/\($0.per)" } == ["1000/minute"])
        // `- Call limit: 50 calls per second`, on a page NAVER marks as not showing the latest changes.
        let presign = try Self.page("mi/en/maiu-upload-scene-query-url.pipes-legacy-banner.txt")
        #expect(presign.operations[0].rateLimits.map { "\($0.limit)/\($0.per)" } == ["50/second"])
        #expect(presign.isNotUpToDate)
        // `Set the number of requests per second for the NCLUE API to 1 tps or less.`: the whole service's.
        #expect(try Self.page("nclue/en/nclue-api-overview.pipes-noleading.txt").rateLimits.map(\.limit) == [1])
        // `Request video asset analysis (deprecated)` and "this document will no longer be updated".
        let deprecated = try Self.page("mi/en/maiu-request-analysis.deprecated.txt")
        #expect(deprecated.operations[0].deprecation != nil)
    }

    @Test func everyLayoutFindsTheEndpoint() throws {
        let cases: [(String, String, String)] = [
            ("mi/en/maiu-search-asset.plain.txt", "POST", "/api/v1/workspaces/{workspace_name}/assets/search"), // Method URI / POST /…
            ("mi/en/maiu-create-projects.pipes-noleading.txt", "POST", "/api/v1/workspaces/{workspace_name}/projects"), // POST | /… |
            ("mi/en/maiu-get-scene-search-result.cell-per-line.txt", "GET", "/api/v1/workspaces/{workspace_name}/scene-search/{searchId}"),
            ("mailer/en/ai-application-service-cloudoutboundmailer-createmailrequest.pdf.txt", "POST", "/mails"), // POST/mails
            ("mailer/en/ai-application-service-cloudoutboundmailer-createfile.legacy-full-url.txt", "POST", "/files"), // POST https://{endpoint}/files
            ("nclue/en/nclue-posttask.pdf-no-slash.txt", "POST", "/tasks"), // POSTtasks
            ("sens/en/ai-application-service-sens-smsv2.legacy-single-page-plain.txt", "POST", "/sms/v2/services/{serviceId}/messages"), // Request URL
            ("billing/en/platform-region-getregionlist.pdf.txt", "GET", "/region/getRegionList"), // GET, POST/region/getRegionList
        ]
        for (file, method, path) in cases {
            let page = try Self.page(file)
            #expect(page.operations.first?.methods.first == method, "\(file)")
            #expect(page.operations.first?.path == path, "\(file)")
        }
        // The raw HTTP example's `POST https://mail.apigw.ntruss.com/api/v1/files` is not a second endpoint.
        #expect(try Self.page("mailer/en/ai-application-service-cloudoutboundmailer-createfile.legacy-full-url.txt").operations.count == 1)
    }

    @Test func pagesWithoutAnEndpointAreUnreadableUnlessTheyAreAnOverview() throws {
        #expect(try !Self.page("mi/guide-en/maiu-videoasset.console-guide.txt").isReadable) // the console guide
        #expect(try !Self.page("ocr/gov-ko/clova-ocr-template-api.legacy-plain.txt").isReadable) // "Post URL … see the overview"
        let action = try Self.page("server/en/compute-server-getserverinstancelist.legacy-plain.txt")
        #expect(action.problems == ["the page names the action `getServerInstanceList` but no method and path"])
        // A data type page, as its Markdown export and as plain text: a type, not a call, said so.
        for file in ["common/ko/common-apidatatype-commonresponse.mdexport.md", "common/en/common-apidatatype-commonresponse.plain.txt"] {
            #expect(try Self.page(file).problems == ["the page describes the data type `CommonResponse`, not a call; data type pages are not compared"], "\(file)")
        }
        // An overview with a short error table and no endpoint is an overview, and is read.
        let center = try Self.page("mcc/en/mediaconnectcenter-overview.pipes.txt")
        #expect(center.isReadable && center.isOverview)
        #expect(center.errors.map(\.code) == ["180000"])
        #expect(center.apiURLs.map(\.text) == ["https://ncloudmcc.apigw.ntruss.com"])
        let mailer = try Self.page("mailer/ko/ai-application-service-cloudoutboundmailer.mdexport.md")
        #expect(mailer.layout == .markdown)
        #expect(mailer.regionEndpoints.map(\.url) == ["https://mail.apigw.ntruss.com/api/v1", "https://mail.apigw.ntruss.com/api/v1-sgn/", "https://mail.apigw.ntruss.com/api/v1-jpn/"])
        #expect(mailer.commonHeaders.map(\.name) == ["x-ncp-apigw-timestamp", "x-ncp-iam-access-key", "x-ncp-apigw-signature-v2", "x-ncp-lang"])
        #expect(mailer.slug == "ai-application-service-cloudoutboundmailer")
    }

    @Test func layoutsAreRecognised() throws {
        #expect(try Self.page("mi/en/maiu-search-asset.plain.txt").layout == .plainText)
        #expect(try Self.page("mi/en/mi-request-analysis.pipes.txt").layout == .pipeTables)
        #expect(try Self.page("mailer/en/ai-application-service-cloudoutboundmailer-createmailrequest.pdf.txt").layout == .pdfText)
        #expect(PageModel.read(source: "x.html", text: PageLayoutRendering.html.render(try StructuredPage.load("maiu-search-asset"))).layout == .html)
    }

    @Test func theHTMLReaderKeepsCellListsAndIgnoresTheSiteFrame() throws {
        let page = PageModel.read(source: "maiu-search-asset.html", text: PageLayoutRendering.html.render(try StructuredPage.load("maiu-search-asset")))
        #expect(page.title == "Request asset search")
        #expect(page.operations.count == 1) // the navigation's `POST /api/v1/workspaces` link is chrome
        let confidence = try Self.field(page, "queryOption.confidenceLevel")
        #expect(confidence.facts.enumValues == ["LOW", "MEDIUM", "HIGH"])
        let textQuery = try Self.field(page, "query.textQuery")
        #expect(textQuery.facts.forbiddenCharacters == [";", "|", "`"]) // `can&#39;t be used`
        // A page cut inside its HTML: the open table is cut, its last row not trusted.
        let html = PageLayoutRendering.html.render(try StructuredPage.load("maiu-search-asset"))
        let cut = PageModel.read(source: "cut.html", text: String(html[..<html.range(of: "<td><code>filter.assetIds")!.lowerBound]))
        #expect(cut.cut != nil)
        #expect(cut.operations[0].tables.first?.isComplete == false)
        // Entities and stray markup.
        #expect(HTMLEntities.decode("a &amp; b &lt;c&gt; &#39;d&#39; &#x7C; &unknown; &") == "a & b <c> 'd' | &unknown; &")
    }

    @Test func theExamplesKeysAreRead() throws {
        // The curl example forgets its closing quote: `}` then a blank line, and the response table is still read.
        let seed = try #require(try PageFiles.read([DocsCheckTests.seedFolder.path]).first { $0.operations.first?.path.hasSuffix("/assets/search") == true })
        let operation = seed.operations[0]
        #expect(operation.requestExample?.keys.contains("query.personQuery.must") == true)
        #expect(operation.responseExample?.keys == ["code", "message", "result", "result.searchId"])
        #expect(operation.fields.contains { $0.name == "result.searchId" })
        // An apostrophe inside the JSON (`He's the representative MC`) is not the curl quote.
        let persons = try Self.page("mi/en/maiu-update-persons.plain.txt")
        #expect(persons.operations[0].requestExample?.keys == ["name", "description", "primaryThumbnailId"])
    }
}
