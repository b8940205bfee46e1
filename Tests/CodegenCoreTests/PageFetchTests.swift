@testable import CodegenCore
import FlyingFox
import Foundation
import Testing

/// `docs-check --fetch` against a loopback site: the Markdown export first, the HTML page when there is none,
/// every failure its own, a cache that asks the site only whether a page changed, and the documentation index.
@Suite struct PageFetchTests {
    /// Counts what the site was asked, by path.
    actor Requests {
        var paths: [String] = []
        func record(_ path: String) { paths.append(path) }
    }

    /// A loopback site: the search page as a Markdown export (with an ETag), the analysis page as HTML only,
    /// a page that answers too late, one that fails, and the index listing a page no operation cites.
    static func site(_ requests: Requests) async throws -> (HTTPServer, Task<Void, any Error>, Int) {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        let markdown = PageLayoutRendering.markdown.render(try StructuredPage.load("maiu-search-asset"))
        let html = PageLayoutRendering.html.render(try StructuredPage.load("mi-request-analysis"))
        await server.appendRoute("GET /docs/en/maiu-search-asset.md") { request in
            await requests.record(request.path)
            if request.headers[HTTPHeader("If-None-Match")] == "\"v1\"" { return HTTPResponse(statusCode: .notModified) }
            return HTTPResponse(statusCode: .ok, headers: [HTTPHeader("ETag"): "\"v1\""], body: Data(markdown.utf8))
        }
        await server.appendRoute("GET /docs/en/mi-request-analysis.md") { request in
            await requests.record(request.path)
            return HTTPResponse(statusCode: .notFound)
        }
        await server.appendRoute("GET /docs/en/mi-request-analysis") { request in
            await requests.record(request.path)
            return HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Last-Modified"): "Tue, 01 Dec 2026 00:00:00 GMT"], body: Data(html.utf8))
        }
        await server.appendRoute("GET /docs/en/slow.md") { request in
            await requests.record(request.path)
            try await Task.sleep(for: .seconds(5))
            return HTTPResponse(statusCode: .ok, body: Data("late".utf8))
        }
        await server.appendRoute("GET /docs/en/broken.md") { request in
            await requests.record(request.path)
            return HTTPResponse(statusCode: .internalServerError)
        }
        await server.appendRoute("GET /llms.txt") { _ in
            HTTPResponse(statusCode: .ok, body: Data("""
                # NAVER Cloud Platform API
                ## Media Intelligence
                - [Request asset search](https://api.ncloud-docs.com/docs/en/maiu-search-asset.md): Search assets.
                - [Request media asset analysis](https://api.ncloud-docs.com/docs/en/mi-request-analysis.md)
                - [Merge persons](https://api.ncloud-docs.com/docs/en/mi-merge-persons.md): Merge two persons.
                ## Cloud Outbound Mailer
                - [createMailRequest](https://api.ncloud-docs.com/docs/en/ai-application-service-cloudoutboundmailer-createmailrequest.md)

                """.utf8))
        }
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { throw GenerationError(message: "no address") }
        return (server, task, Int(port))
    }

    /// The MI spec cut down to four operations whose pages live on the loopback site.
    static func spec(port: Int) -> Spec {
        var spec = DocsCheckTests.mediaIntelligence
        spec.service.docs = ""
        let base = "http://127.0.0.1:\(port)/docs/en/"
        var operations: [CodegenCore.Operation] = []
        for (id, slug) in [("searchAssets", "maiu-search-asset"), ("requestAnalysis", "mi-request-analysis"), ("getAsset", "slow"), ("listAssets", "broken")] {
            var operation = spec.operations.first { $0.id == id }!
            operation.doc = base + slug
            operations.append(operation)
        }
        spec.operations = operations
        return spec
    }

    @Test func pagesAreFetchedCheckedAndCached() async throws {
        let requests = Requests()
        let (_, task, port) = try await Self.site(requests)
        defer { task.cancel() }
        let cache = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let spec = Self.spec(port: port)
        let fetcher = PageFetcher(cacheFolder: cache.path, timeout: 1)

        let first = try await fetcher.fetch(for: spec)
        #expect(first.pages.map(\.layout) == [.markdown, .html])
        #expect(first.pages.map(\.slug) == ["maiu-search-asset", "mi-request-analysis"])
        #expect(first.failures.map(\.url) == ["http://127.0.0.1:\(port)/docs/en/slow", "http://127.0.0.1:\(port)/docs/en/broken"])
        #expect(first.failures[0].reason.contains("no answer within 1 s"))
        #expect(first.failures[1].reason.hasSuffix("broken.md: HTTP 500")) // a failing export is not retried as HTML
        #expect(first.uncitedPages == ["https://api.ncloud-docs.com/docs/en/mi-merge-persons.md"])
        let report = DocsChecker.check(spec, pages: first.pages)
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\.description))")
        #expect(report.pagesMatched == 2)

        // The second run asks whether the pages changed, and reads the unchanged one from the cache.
        let second = try await fetcher.fetch(for: spec)
        #expect(second.pages.map(\.slug) == first.pages.map(\.slug))
        #expect(DocsChecker.check(spec, pages: second.pages).warnings.isEmpty)
        let asked = await requests.paths
        #expect(asked.filter { $0 == "/docs/en/maiu-search-asset.md" }.count == 2)
    }

    /// `import --pages-of`: the overview's section of the index, each page fetched from the overview's site.
    @Test func aServicesPagesAreFoundThroughTheIndexAndImported() async throws {
        let requests = Requests()
        let (_, task, port) = try await Self.site(requests)
        defer { task.cancel() }
        let fetcher = PageFetcher(cacheFolder: nil, timeout: 2)
        let (pages, failures) = try await fetcher.fetchService(of: "http://127.0.0.1:\(port)/docs/en/maiu-search-asset")
        // The index lists three pages of the service; the third isn't on the site, and says so.
        #expect(pages.map(\.slug) == ["maiu-search-asset", "mi-request-analysis"])
        #expect(failures.map(\.url) == ["http://127.0.0.1:\(port)/docs/en/mi-merge-persons.md"])
        #expect(await requests.paths.allSatisfy { !$0.hasPrefix("/docs/en/ai-application") }) // another service's page is not fetched
        let result = try PageImport.importPages(pages)
        #expect(result.operationCount == 2)
        await #expect(throws: GenerationError.self) { _ = try await fetcher.fetchService(of: "file:///etc/passwd") }
    }

    @Test func theIndexListsTheServicesUncitedPages() {
        let index = DocumentationIndex("""
            # Site
            ## Media Intelligence
            - [A](https://x.example/docs/en/maiu-a.md): a
            - [B](https://x.example/docs/en/mi-b.md)
            - [C](https://x.example/docs/en/mi-c.md)
            ## Other
            - [D](https://x.example/docs/en/other-d.md)
            """)
        #expect(index.uncited(by: ["maiu-a", "mi-b"]) == ["https://x.example/docs/en/mi-c.md"])
        // Without sections, the pages whose slugs start like the cited ones.
        let flat = DocumentationIndex("- [A](https://x.example/maiu-a)\n- [E](https://x.example/maiu-e)\n- [F](https://x.example/other-f)")
        #expect(flat.uncited(by: ["maiu-a"]) == ["https://x.example/maiu-e"])
    }
}
