/// One piece of a page's content, as every reader produces it: the HTML, Markdown and text readers turn their
/// layouts into the same blocks, and nothing after the readers knows which layout a block came from.
struct PageBlock: Sendable {
    enum Kind: Sendable {
        /// A section title (`Request body`, `요청 바디`), or a line naming the field a sub-table describes.
        case heading
        case paragraph
        /// An item of a bulleted or numbered list, `depth` 0 at the outermost level.
        case listItem(depth: Int)
        case table(PageTable)
        /// A code block: a curl command, a JSON example, a raw HTTP request.
        case code
    }

    var kind: Kind
    var text: String
    /// The 1-based line of the source the block starts on.
    var line: Int

    static func heading(_ text: String, line: Int) -> PageBlock { PageBlock(kind: .heading, text: text, line: line) }
    static func paragraph(_ text: String, line: Int) -> PageBlock { PageBlock(kind: .paragraph, text: text, line: line) }
    static func code(_ text: String, line: Int) -> PageBlock { PageBlock(kind: .code, text: text, line: line) }
}

/// A table as laid out on the page: header cells and rows of cells, each cell with the list items inside it.
struct PageTable: Sendable {
    struct Cell: Sendable {
        var text: String
        /// Bulleted lines inside the cell or directly under the row, with their nesting depth.
        var bullets: [(text: String, depth: Int)] = []
    }

    struct Row: Sendable {
        var cells: [Cell]
        var line: Int
        /// False when the source ended inside this row: its last cells are cut or missing.
        var isComplete = true
        /// In a row that isn't complete, the cell the source may have cut; nil when every cell present is whole.
        var cutCell: Int?

        /// Whether the cell of this column is there and whole.
        func hasWholeCell(_ column: Int) -> Bool {
            column < cells.count && (isComplete || column != cutCell)
        }
        /// The source ends in this row's description or list: its cells are there, what they state may be cut.
        var isLastBeforeCut = false
    }

    var header: [String]
    var roles: [ColumnRole]
    var rows: [Row] = []
    /// The source ended inside the table (a text copy cut off at its length limit, or HTML that never closed
    /// the table): rows after the last one read are missing.
    var endsAtCut = false
    /// Set for a table read from lines of words whose last prose columns ran together: this column holds their
    /// joined text (`Invalid Request. Request parameter error` is a message and a description).
    var joinedProseColumn: Int?
    var line: Int

    init(header: [String], line: Int) {
        self.header = header
        self.roles = header.map(ColumnRole.init(header:))
        self.line = line
    }

    /// The index of the column with this role, if the table has one.
    func column(_ role: ColumnRole) -> Int? { roles.firstIndex(of: role) }
}
