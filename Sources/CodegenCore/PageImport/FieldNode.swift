/// A page's field rows as a tree: `query` with `query.textQuery` under it, `tags[].id` under `tags`. A node
/// without a row is a parent the page names only through its children's paths.
struct FieldNode {
    var name: String
    var row: PageField?
    var children: [FieldNode] = []
    /// The page shows every row under this node (its table wasn't cut).
    var isComplete = true

    init(name: String, row: PageField?) {
        self.name = name
        self.row = row
    }

    /// The rows of one section as a tree under an unnamed root.
    static func tree(_ rows: [PageField], tables: [TableListing], section: FieldSection) -> FieldNode {
        var root = FieldNode(name: "", row: nil)
        for row in rows { root.insert(row, at: row.path[...]) }
        root.markCompleteness(tables: tables)
        // A sub-table the page announces under a row (`query`) but cuts before its first row.
        for listing in tables where listing.section == section && !listing.isComplete { root.markIncomplete(at: listing.parent[...]) }
        return root
    }

    private mutating func insert(_ row: PageField, at path: ArraySlice<String>) {
        guard let first = path.first else { return }
        let index = children.firstIndex { $0.name == first } ?? {
            children.append(FieldNode(name: first, row: nil))
            return children.count - 1
        }()
        if path.count == 1 {
            if children[index].row == nil { children[index].row = row }
        } else {
            children[index].insert(row, at: path.dropFirst())
        }
    }

    /// A node is incomplete when a row under it comes from a table the page cut: more rows may have followed.
    private mutating func markCompleteness(tables: [TableListing]) {
        if children.contains(where: { child in child.row.map { $0.isCut || ($0.table < tables.count && !tables[$0.table].isComplete) } ?? false }) {
            isComplete = false
        }
        for index in children.indices { children[index].markCompleteness(tables: tables) }
    }

    private mutating func markIncomplete(at path: ArraySlice<String>) {
        guard let first = path.first else {
            isComplete = false
            return
        }
        if let index = children.firstIndex(where: { $0.name == first }) { children[index].markIncomplete(at: path.dropFirst()) }
    }
}
