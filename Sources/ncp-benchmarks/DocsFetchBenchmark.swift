import CodegenCore
import FlyingFox
import Foundation

extension Benchmarks {
    /// `ncp-codegen docs-check --fetch` against a loopback site serving 70 real page copies as Markdown exports
    /// with ETags: the first run downloads and reads them all, the second asks only whether each changed (HTTP 304)
    /// and reads them from the cache.
    static func docsFetchBenchmark(folder: String) async throws {
        let files = try pageFiles(in: folder).prefix(70)
        var bodies: [String: String] = [:]
        for (index, file) in files.enumerated() { bodies["/docs/en/page-\(index).md"] = try String(contentsOfFile: file, encoding: .utf8) }
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        let pages = bodies
        await server.appendRoute("GET /docs/en/*") { request in
            guard let body = pages[request.path] else { return HTTPResponse(statusCode: .notFound) }
            let etag = "\"\(body.utf8.count)\""
            if request.headers[HTTPHeader("If-None-Match")] == etag { return HTTPResponse(statusCode: .notModified) }
            return HTTPResponse(statusCode: .ok, headers: [HTTPHeader("ETag"): etag], body: Data(body.utf8))
        }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { return }
        let urls = bodies.keys.sorted().map { "http://127.0.0.1:\(port)\($0)" }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("ncp-docs-fetch-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let fetcher = PageFetcher(cacheFolder: cache, timeout: 10)
        var firstRuns: [Double] = [], cachedRuns: [Double] = []
        for _ in 0..<5 {
            try? FileManager.default.removeItem(atPath: cache)
            var start = ContinuousClock.now
            let (fresh, failed) = await fetcher.fetch(urls)
            firstRuns.append(milliseconds(ContinuousClock.now - start))
            start = ContinuousClock.now
            let (cached, _) = await fetcher.fetch(urls)
            cachedRuns.append(milliseconds(ContinuousClock.now - start))
            guard fresh.count == urls.count, cached.count == urls.count, failed.isEmpty else {
                print("docs-check --fetch: \(failed.count) of \(urls.count) pages failed: \(failed.first?.reason ?? "")")
                return
            }
        }
        print(String(format: "docs-check --fetch: %d pages over loopback %.0f ms, again from the cache (304s) %.0f ms (medians of 5)",
                     urls.count, firstRuns.sorted()[2], cachedRuns.sorted()[2]))
    }
}
