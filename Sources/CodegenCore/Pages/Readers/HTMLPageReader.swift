import Foundation

/// Reads the HTML article NAVER's site serves into blocks: headings, paragraphs, lists, tables (header from
/// `thead`/`th`, lists and paragraphs inside cells kept as the cell's bullets) and code. Only the article is
/// read; the site's navigation, header, footer, scripts and styles are not content.
enum HTMLPageReader {
    /// The article's blocks, and whether the source ended before the article did (a cut-off page).
    static func read(_ html: String) -> (blocks: [PageBlock], title: String?, cut: Bool) {
        let root = HTMLTree.parse(html)
        let article = contentRoot(root)
        var walker = Walker()
        walker.walk(article, depth: 0)
        walker.flush()
        let title = root.first { $0.name == "title" }.map { inlineText($0) }.flatMap { $0.isEmpty ? nil : $0 }
        return (walker.blocks, title, article.isUnclosed || walker.sawUnclosedTable)
    }

    /// The element that holds the article: `<article>`, `<main>`, Document360's article body, else `<body>`.
    static func contentRoot(_ root: HTMLNode) -> HTMLNode {
        if let article = root.first(where: { $0.name == "article" }) { return article }
        if let main = root.first(where: { $0.name == "main" }) { return main }
        let classes = ["article-content", "article-body", "content-body", "documentation-content"]
        if let body = root.first(where: { node in
            guard node.name == "div", let value = node.attribute("class") else { return false }
            return classes.contains { value.contains($0) }
        }) {
            return body
        }
        return root.first { $0.name == "body" } ?? root
    }

    /// Elements that are site chrome, never content.
    static let skipped: Set<String> = ["nav", "header", "footer", "aside", "script", "style", "noscript", "template", "svg", "form",
                                       "button", "select", "iframe", "head", "title", "meta", "link"]

    struct Walker {
        var blocks: [PageBlock] = []
        var sawUnclosedTable = false
        var paragraph = ""
        var paragraphLine = 0

        mutating func flush() {
            let lines = paragraph.split(separator: "\n").map { $0.trimmed() }.filter { !$0.isEmpty }
            for text in lines { blocks.append(.paragraph(text, line: paragraphLine)) }
            paragraph = ""
        }

        mutating func walk(_ node: HTMLNode, depth: Int) {
            switch node.content {
            case .text(let text):
                if paragraph.isEmpty { paragraphLine = node.line }
                paragraph += text.replacingOccurrences(of: "\n", with: " ")
            case .element(let name, _):
                if HTMLPageReader.skipped.contains(name) { return }
                switch name {
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    flush()
                    let text = HTMLPageReader.inlineText(node)
                    if !text.isEmpty { blocks.append(.heading(text, line: node.line)) }
                case "p", "div", "section", "article", "main", "blockquote", "dd", "dt", "figure", "figcaption", "details", "summary":
                    flush()
                    for child in node.children { walk(child, depth: depth) }
                    flush()
                case "br":
                    paragraph += "\n"
                case "ul", "ol":
                    flush()
                    for item in node.children where item.name == "li" { walkItem(item, depth: depth) }
                case "li":
                    flush()
                    walkItem(node, depth: depth)
                case "table":
                    flush()
                    if let table = HTMLPageReader.table(node) {
                        blocks.append(PageBlock(kind: .table(table), text: "", line: node.line))
                        if table.endsAtCut { sawUnclosedTable = true }
                    }
                case "pre":
                    flush()
                    blocks.append(.code(HTMLPageReader.rawText(node), line: node.line))
                default:
                    for child in node.children { walk(child, depth: depth) }
                }
            }
        }

        /// A list item: its own text, then its nested lists one level deeper.
        mutating func walkItem(_ item: HTMLNode, depth: Int) {
            let text = HTMLPageReader.inlineText(item, excludingLists: true)
            if !text.isEmpty { blocks.append(PageBlock(kind: .listItem(depth: depth), text: text, line: item.line)) }
            for child in item.children where child.name == "ul" || child.name == "ol" {
                for nested in child.children where nested.name == "li" { walkItem(nested, depth: depth + 1) }
            }
            for child in item.children where child.name == "table" || child.name == "pre" { walk(child, depth: depth) }
        }
    }

    /// A `<table>`: the header from `<thead>` or a first row of `<th>` cells; each cell's lists become its bullets.
    static func table(_ node: HTMLNode) -> PageTable? {
        var rows: [HTMLNode] = []
        func collectRows(_ element: HTMLNode) {
            for child in element.children {
                if child.name == "tr" { rows.append(child) } else if ["thead", "tbody", "tfoot"].contains(child.name ?? "") { collectRows(child) }
            }
        }
        collectRows(node)
        guard let first = rows.first else { return nil }
        let cells = { (row: HTMLNode) in row.children.filter { $0.name == "td" || $0.name == "th" } }
        let header = cells(first).map { inlineText($0) }
        var table = PageTable(header: header, line: first.line)
        for row in rows.dropFirst() {
            let rowCells = cells(row).map { cell -> PageTable.Cell in
                var bullets: [(String, Int)] = []
                collectBullets(cell, depth: 0, into: &bullets)
                return PageTable.Cell(text: inlineText(cell, excludingLists: true), bullets: bullets)
            }
            guard !rowCells.isEmpty else { continue }
            table.rows.append(PageTable.Row(cells: rowCells, line: row.line))
        }
        table.endsAtCut = node.isUnclosed
        if node.isUnclosed, !table.rows.isEmpty {
            table.rows[table.rows.count - 1].isLastBeforeCut = true
            if rows.last?.isUnclosed == true, table.rows[table.rows.count - 1].cells.count < header.count {
                table.rows[table.rows.count - 1].isComplete = false
                table.rows[table.rows.count - 1].cutCell = table.rows[table.rows.count - 1].cells.count - 1
            }
        }
        return table
    }

    static func collectBullets(_ node: HTMLNode, depth: Int, into bullets: inout [(String, Int)]) {
        for child in node.children {
            if child.name == "li" {
                let text = inlineText(child, excludingLists: true)
                if !text.isEmpty { bullets.append((text, depth)) }
                collectBullets(child, depth: depth + 1, into: &bullets)
            } else if child.name == "ul" || child.name == "ol" {
                collectBullets(child, depth: depth, into: &bullets)
            } else if child.name != nil {
                collectBullets(child, depth: depth, into: &bullets)
            }
        }
    }

    /// The text of an element on one line, markup dropped; nested lists left out when they are read as bullets.
    static func inlineText(_ node: HTMLNode, excludingLists: Bool = false) -> String {
        var text = ""
        func visit(_ node: HTMLNode) {
            switch node.content {
            case .text(let value): text += value
            case .element(let name, _):
                if skipped.contains(name) { return }
                if excludingLists && (name == "ul" || name == "ol" || name == "table") { return }
                if name == "br" || name == "p" || name == "div" { text += " " }
                for child in node.children { visit(child) }
                if name == "p" || name == "div" || name == "td" || name == "th" { text += " " }
            }
        }
        for child in node.children { visit(child) }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The text of a `<pre>` as written, line breaks kept.
    static func rawText(_ node: HTMLNode) -> String {
        var text = ""
        func visit(_ node: HTMLNode) {
            switch node.content {
            case .text(let value): text += value
            case .element(let name, _):
                if name == "br" { text += "\n" }
                for child in node.children { visit(child) }
            }
        }
        visit(node)
        return text.trimmingCharacters(in: .newlines)
    }
}
