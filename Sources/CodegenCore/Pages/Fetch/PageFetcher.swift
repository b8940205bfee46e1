import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads doc pages the way `docs-check --fetch` and page `import` need them: the Markdown export first
/// (`<page-url>.md`, the cleanest layout), the HTML page when there is none; several at once; each with its own
/// timeout and its own failure, never fatal to the others; cached by `ETag`/`Last-Modified` so a second run asks
/// the site only whether a page changed.
public struct PageFetcher: Sendable {
    /// A page that could not be had, and why.
    public struct Failure: Error, Sendable, Equatable {
        /// The page's address.
        public var url: String
        /// What went wrong with each address tried: `…md: HTTP 404; …: no answer within 20 s`.
        public var reason: String
    }

    /// What `fetch(for:)` found.
    public struct Result: Sendable {
        /// The pages fetched, read into page models.
        public var pages: [PageModel]
        /// The pages that couldn't be had.
        public var failures: [Failure]
        /// Pages of the service the site's documentation index lists that no operation cites.
        public var uncitedPages: [String]
    }

    let cache: PageCache?
    /// One session for every download: its connections to the site are reused from page to page.
    let session: URLSession
    let timeout: Double
    let concurrency: Int
    let progress: @Sendable (String) -> Void

    /// - Parameters:
    ///   - cacheFolder: where fetched pages are kept between runs, or nil for none.
    ///   - timeout: seconds to wait for each page.
    ///   - progress: called with a line per page as it arrives.
    public init(cacheFolder: String?, timeout: Double = 20, concurrency: Int = 8, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        cache = cacheFolder.map(PageCache.init(folder:))
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = max(1, concurrency)
        session = URLSession(configuration: configuration)
        self.timeout = timeout
        self.concurrency = max(1, concurrency)
        self.progress = progress
    }

    /// Every page the spec cites (each address once, the overview first), and the service's pages in the
    /// site's documentation index that no operation cites.
    public func fetch(for spec: Spec) async throws -> Result {
        var urls: [String] = []
        if !spec.service.docs.isEmpty { urls.append(spec.service.docs) }
        for operation in spec.operations where !operation.doc.isEmpty && !urls.contains(operation.doc) { urls.append(operation.doc) }
        for url in urls {
            guard let parsed = URL(string: url), parsed.scheme == "https" || parsed.scheme == "http" else {
                throw GenerationError(message: "\(url): not an http(s) URL")
            }
        }
        let (pages, failures) = await fetch(urls)
        let uncited = await uncitedPages(cited: urls)
        return Result(pages: pages, failures: failures, uncitedPages: uncited)
    }

    /// The pages at these addresses, in the order given.
    public func fetch(_ urls: [String]) async -> ([PageModel], [Failure]) {
        var results = [(PageModel?, Failure?)](repeating: (nil, nil), count: urls.count)
        await withTaskGroup(of: (Int, PageModel?, Failure?).self) { group in
            var next = 0
            func start() {
                guard next < urls.count else { return }
                let index = next
                next += 1
                group.addTask {
                    switch await self.page(urls[index], number: index + 1, of: urls.count) {
                    case .success(let page): (index, page, nil)
                    case .failure(let failure): (index, nil, failure)
                    }
                }
            }
            for _ in 0..<concurrency { start() }
            while let (index, page, failure) = await group.next() {
                results[index] = (page, failure)
                start()
            }
        }
        return (results.compactMap(\.0), results.compactMap(\.1))
    }

    /// One page: its Markdown export, else the page itself.
    func page(_ url: String, number: Int, of count: Int) async -> Swift.Result<PageModel, Failure> {
        let markdown = url.hasSuffix(".md") ? url : url + ".md"
        let html = url.hasSuffix(".md") ? String(url.dropLast(3)) : url
        var reasons: [String] = []
        candidates: for candidate in [markdown, html] {
            switch await download(candidate) {
            case .page(let text, let cached):
                progress("[\(number)/\(count)] \(candidate)\(cached ? " (unchanged, from the cache)" : "")")
                return .success(PageModel.read(source: candidate, text: text, url: candidate))
            case .failed(let reason):
                reasons.append("\(candidate): \(reason)")
                // Only a missing Markdown export falls back to the HTML page: a server that fails or times out
                // would fail the same way twice.
                if !(reason.hasPrefix("HTTP 404") || reason.hasPrefix("HTTP 410")) { break candidates }
            }
        }
        progress("[\(number)/\(count)] \(url): failed")
        return .failure(Failure(url: url, reason: reasons.joined(separator: "; ")))
    }

    /// The body of one address, from the network or, when the site says it is unchanged, from the cache.
    enum Download {
        case page(String, cached: Bool)
        case failed(String)
    }

    func download(_ address: String) async -> Download {
        guard let url = URL(string: address) else { return .failed("not a URL") }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("text/markdown, text/html;q=0.9, text/plain;q=0.8", forHTTPHeaderField: "Accept")
        let cached = cache?.entry(for: address)
        if let etag = cached?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = cached?.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        do {
            let (data, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { return .failed("not an HTTP answer") }
            if http.statusCode == 304, let cached { return .page(cached.body, cached: true) }
            guard (200..<300).contains(http.statusCode) else { return .failed("HTTP \(http.statusCode)") }
            let body = String(decoding: data, as: UTF8.self)
            cache?.store(PageCache.Entry(url: address, etag: http.value(forHTTPHeaderField: "ETag"),
                                         lastModified: http.value(forHTTPHeaderField: "Last-Modified"), body: body))
            return .page(body, cached: false)
        } catch let error as URLError where error.code == .timedOut {
            return .failed("no answer within \(Int(timeout)) s")
        } catch {
            return .failed(error.localizedDescription)
        }
    }

    /// Every page of the service whose overview (or any page) is at `address`, as the site's documentation index
    /// (`llms.txt`) lists them under the same section; just that page when the index can't be had or doesn't list it.
    public func fetchService(of address: String) async throws -> ([PageModel], [Failure]) {
        guard let url = URL(string: address), let scheme = url.scheme, scheme == "https" || scheme == "http", let host = url.host,
              let slug = PageModel.docSlug(address) else {
            throw GenerationError(message: "\(address): not an http(s) URL of a doc page")
        }
        let port = url.port.map { ":\($0)" } ?? ""
        var addresses = [address]
        if case .page(let text, _) = await download("\(scheme)://\(host)\(port)/llms.txt") {
            // Each listed page is fetched from the site the overview came from, whatever host the index names.
            let listed = DocumentationIndex(text).service(of: slug).compactMap { link -> String? in
                guard let url = URL(string: link) else { return nil }
                return "\(scheme)://\(host)\(port)\(url.path)"
            }
            if !listed.isEmpty { addresses = [address] + listed.dropFirst() }
        }
        return await fetch(addresses)
    }

    /// The service's pages in the site's documentation index (`llms.txt` at the docs root) that no operation cites.
    func uncitedPages(cited: [String]) async -> [String] {
        guard let first = cited.first.flatMap(URL.init(string:)), let scheme = first.scheme, let host = first.host else { return [] }
        let port = first.port.map { ":\($0)" } ?? ""
        guard case .page(let text, _) = await download("\(scheme)://\(host)\(port)/llms.txt") else { return [] }
        return DocumentationIndex(text).uncited(by: cited.compactMap(PageModel.docSlug))
    }
}
