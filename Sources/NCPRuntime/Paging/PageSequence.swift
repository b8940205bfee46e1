/// What a page says about where it stands, for `PageSequence` to know when to stop.
public protocol NCPPage: Sendable {
    /// The items on this page.
    associatedtype Item: Sendable
    /// The items on this page.
    var pageItems: [Item] { get }
    /// This page's number as the server reports it, if it does.
    var reportedPageNumber: Int? { get }
    /// The number of pages, if the server reports it.
    var reportedPageCount: Int? { get }
}

/// Pages fetched one after another, starting at a page number, as an `AsyncSequence`.
///
/// It stops after the last page the server reports, on an empty page, and on a page whose reported number
/// repeats the previous one (a server that ignores the page number would otherwise loop for ever).
public struct PageSequence<Page: NCPPage>: AsyncSequence, Sendable {
    public typealias Element = Page
    let firstPage: Int
    let fetch: @Sendable (Int) async throws -> Page

    /// Pages from `firstPage` on, each fetched by `fetch(pageNumber)`.
    public init(firstPage: Int = 1, fetch: @escaping @Sendable (Int) async throws -> Page) {
        self.firstPage = firstPage
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(next: firstPage, fetch: fetch)
    }

    /// The items of every page, in order.
    public var items: PageItemSequence<Page> { PageItemSequence(pages: self) }

    /// Fetches pages on demand.
    public struct Iterator: AsyncIteratorProtocol {
        var next: Int?
        var previousReported: Int?
        let fetch: @Sendable (Int) async throws -> Page

        public mutating func next() async throws -> Page? {
            guard let number = next else { return nil }
            let page = try await fetch(number)
            let reported = page.reportedPageNumber
            if let reported, reported == previousReported {
                next = nil
                return nil
            }
            previousReported = reported
            let current = reported ?? number
            if page.pageItems.isEmpty || (page.reportedPageCount.map { current >= $0 } ?? false) {
                next = nil
            } else {
                next = current + 1
            }
            return page
        }
    }
}

/// The items of a `PageSequence`, flattened.
public struct PageItemSequence<Page: NCPPage>: AsyncSequence, Sendable {
    public typealias Element = Page.Item
    let pages: PageSequence<Page>

    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: pages.makeAsyncIterator())
    }

    /// Yields the items of one page, then fetches the next.
    public struct Iterator: AsyncIteratorProtocol {
        var pages: PageSequence<Page>.Iterator
        var buffer: [Page.Item] = []
        var position = 0

        public mutating func next() async throws -> Page.Item? {
            while position == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page.pageItems
                position = 0
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}
