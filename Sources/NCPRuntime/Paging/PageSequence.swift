/// What a request for a page asks for: a page number, an offset into the list, or an opaque cursor.
public enum PagePosition: Sendable, Hashable {
    /// A page number, 0- or 1-based as the API counts.
    case number(Int)
    /// The index of the first item.
    case offset(Int)
    /// A cursor or token the previous page handed out; nil asks for the first page.
    case cursor(String?)
}

/// Pages fetched one after another as an `AsyncSequence`, whatever the API's paging style.
///
/// It stops when the paging rule says the last page was reached, on an empty page, when a page repeats the
/// previous one (a server that ignores the page parameter would otherwise loop for ever), and when a position
/// would be requested twice.
public struct PageSequence<Page: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page
    let start: PagePosition
    let fetch: @Sendable (PagePosition) async throws -> Page
    let itemsOfPage: @Sendable (Page) -> [Item]
    /// What a page says of itself, to notice a repeated page; nil when it says nothing.
    let identity: @Sendable (Page) -> PagePosition?
    /// The position after a page, or nil after the last one; gets the page, its position and the items so far.
    let next: @Sendable (Page, PagePosition, Int) -> PagePosition?

    /// Pages from `start` on, with the rules given.
    public init(start: PagePosition, fetch: @escaping @Sendable (PagePosition) async throws -> Page,
                items: @escaping @Sendable (Page) -> [Item], identity: @escaping @Sendable (Page) -> PagePosition? = { _ in nil },
                next: @escaping @Sendable (Page, PagePosition, Int) -> PagePosition?) {
        self.start = start
        self.fetch = fetch
        itemsOfPage = items
        self.identity = identity
        self.next = next
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(sequence: self, position: start)
    }

    /// The items of every page, in order.
    public var items: PageItemSequence<Page, Item> { PageItemSequence(pages: self) }

    /// Fetches pages on demand.
    public struct Iterator: AsyncIteratorProtocol {
        let sequence: PageSequence
        var position: PagePosition?
        var requested: Set<PagePosition> = []
        var previousIdentity: PagePosition?
        var itemsSoFar = 0

        public mutating func next() async throws -> Page? {
            guard let current = position, requested.insert(current).inserted else { return nil }
            let page = try await sequence.fetch(current)
            let identity = sequence.identity(page)
            if let identity, identity == previousIdentity {
                position = nil
                return nil
            }
            previousIdentity = identity
            let count = sequence.itemsOfPage(page).count
            itemsSoFar += count
            position = count == 0 ? nil : sequence.next(page, current, itemsSoFar)
            return page
        }
    }
}

extension PageSequence {
    /// Page-number paging: pages `firstPage`, `firstPage + 1`, … until a signal says the last one came.
    /// - Parameters:
    ///   - firstPage: The number of the first page: 1, or 0 for services that count from zero.
    ///   - items: The page's items.
    ///   - reportedNumber: The page's number as the server reports it, if it does.
    ///   - totalPages: How many pages there are, if the server says.
    ///   - totalItems: How many items there are in all, if the server says.
    ///   - hasMore: Whether more pages follow, if the server says.
    ///   - fetch: Fetches the page of a number.
    public static func numbered(firstPage: Int = 1, items: @escaping @Sendable (Page) -> [Item],
                                reportedNumber: @escaping @Sendable (Page) -> Int? = { _ in nil },
                                totalPages: @escaping @Sendable (Page) -> Int? = { _ in nil },
                                totalItems: @escaping @Sendable (Page) -> Int? = { _ in nil },
                                hasMore: @escaping @Sendable (Page) -> Bool? = { _ in nil },
                                fetch: @escaping @Sendable (Int) async throws -> Page) -> PageSequence {
        PageSequence(start: .number(firstPage), fetch: { position in
            guard case .number(let number) = position else { preconditionFailure("numbered pages are fetched by number") }
            return try await fetch(number)
        }, items: items, identity: { reportedNumber($0).map(PagePosition.number) }, next: { page, position, itemsSoFar in
            guard case .number(let requested) = position, hasMore(page) != false else { return nil }
            let current = reportedNumber(page) ?? requested
            if let totalPages = totalPages(page), current - firstPage + 1 >= totalPages { return nil }
            if let totalItems = totalItems(page), itemsSoFar >= totalItems { return nil }
            return .number(current + 1)
        })
    }

    /// Offset paging: each request starts where the items so far end.
    public static func offsets(start: Int = 0, items: @escaping @Sendable (Page) -> [Item],
                               totalItems: @escaping @Sendable (Page) -> Int? = { _ in nil },
                               hasMore: @escaping @Sendable (Page) -> Bool? = { _ in nil },
                               fetch: @escaping @Sendable (Int) async throws -> Page) -> PageSequence {
        PageSequence(start: .offset(start), fetch: { position in
            guard case .offset(let offset) = position else { preconditionFailure("offset pages are fetched by offset") }
            return try await fetch(offset)
        }, items: items, next: { page, position, _ in
            guard case .offset(let offset) = position, hasMore(page) != false else { return nil }
            let nextOffset = offset + items(page).count
            if let totalItems = totalItems(page), nextOffset >= totalItems { return nil }
            return .offset(nextOffset)
        })
    }

    /// Cursor paging: each page names the cursor of the next; none (or an empty one) after the last.
    public static func cursors(items: @escaping @Sendable (Page) -> [Item],
                               nextCursor: @escaping @Sendable (Page) -> String?,
                               hasMore: @escaping @Sendable (Page) -> Bool? = { _ in nil },
                               fetch: @escaping @Sendable (String?) async throws -> Page) -> PageSequence {
        PageSequence(start: .cursor(nil), fetch: { position in
            guard case .cursor(let cursor) = position else { preconditionFailure("cursor pages are fetched by cursor") }
            return try await fetch(cursor)
        }, items: items, next: { page, _, _ in
            guard hasMore(page) != false, let cursor = nextCursor(page), !cursor.isEmpty else { return nil }
            return .cursor(cursor)
        })
    }
}

/// The items of a `PageSequence`, flattened.
public struct PageItemSequence<Page: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item
    let pages: PageSequence<Page, Item>

    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: pages.makeAsyncIterator(), items: pages.itemsOfPage)
    }

    /// Yields the items of one page, then fetches the next.
    public struct Iterator: AsyncIteratorProtocol {
        var pages: PageSequence<Page, Item>.Iterator
        let items: @Sendable (Page) -> [Item]
        var buffer: [Item] = []
        var position = 0

        public mutating func next() async throws -> Item? {
            while position == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = items(page)
                position = 0
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}
