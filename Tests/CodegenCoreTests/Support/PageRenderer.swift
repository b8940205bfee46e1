import Foundation

/// A doc page's content kept as data (`Fixtures/pages/seed-structure/*.json`, taken from the seed pages), and
/// its rendering in each layout NAVER's site serves or its copies show: the HTML article with the site's frame,
/// the Markdown export, the plain text, pipe tables split over lines, and the PDF text with cells run together.
/// The renderings follow the real copies in `Fixtures/pages/real`; they let a test make one edit to the content
/// and read it back in every layout.
struct StructuredPage: Codable {
    struct Endpoint: Codable {
        var method: String
        var path: String
    }

    struct Row: Codable {
        var cells: [String]
        /// `[text, depth]` pairs.
        var bullets: [[Bullet]]

        enum Bullet: Codable {
            case text(String)
            case depth(Int)

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .depth(number) } else { self = .text(try container.decode(String.self)) }
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .text(let text): try container.encode(text)
                case .depth(let depth): try container.encode(depth)
                }
            }
        }

        var bulletItems: [(text: String, depth: Int)] {
            bullets.map { pair in
                var text = "", depth = 0
                for part in pair {
                    switch part {
                    case .text(let value): text = value
                    case .depth(let value): depth = value
                    }
                }
                return (text, depth)
            }
        }
    }

    struct Table: Codable {
        var columns: [String]
        var rows: [Row]
    }

    struct Section: Codable {
        var title: String
        var text: [String]
        var table: Table?
        var code: String?
    }

    var slug: String
    var title: String?
    var banner: String?
    var intro: [String]
    /// Note items: `[text, depth]`, depth -1 for a paragraph of the note.
    var notes: [[Row.Bullet]]
    var endpoint: Endpoint?
    var sections: [Section]

    static func load(_ slug: String) throws -> StructuredPage {
        let url = TestPaths.fixtures.appendingPathComponent("pages/seed-structure/\(slug).json")
        return try JSONDecoder().decode(StructuredPage.self, from: Data(contentsOf: url))
    }

    var noteItems: [(text: String, depth: Int)] {
        Row(cells: [], bullets: notes).bulletItems
    }

    /// The index of the section with this title.
    func section(_ title: String) -> Int? { sections.firstIndex { $0.title == title } }

    /// The row whose first cell is `name`, in the section with this title.
    func row(_ name: String, in title: String) -> (Int, Int)? {
        guard let section = section(title), let row = sections[section].table?.rows.firstIndex(where: { $0.cells.first == name }) else { return nil }
        return (section, row)
    }
}

enum PageLayoutRendering: String, CaseIterable {
    case html, markdown, plain, pipes, pdf

    var fileExtension: String {
        switch self {
        case .html: "html"
        case .markdown: "md"
        default: "txt"
        }
    }

    func render(_ page: StructuredPage) -> String {
        switch self {
        case .html: PageRenderer.html(page)
        case .markdown: PageRenderer.markdown(page)
        case .plain: PageRenderer.plain(page)
        case .pipes: PageRenderer.pipes(page)
        case .pdf: PageRenderer.pdf(page)
        }
    }
}

/// How one layout writes each part of a section.
struct SectionWriting {
    var title: (String) -> String
    var paragraph: (String) -> String
    var endpoint: (StructuredPage.Endpoint) -> String
    var table: (StructuredPage.Table) -> String
    var code: (String) -> String
}

enum PageRenderer {
    /// The page's sections in the site's order, each part written as the layout writes it.
    static func sections(_ page: StructuredPage, _ writing: SectionWriting) -> String {
        var text = ""
        for section in page.sections {
            text += writing.title(section.title)
            for paragraph in section.text { text += writing.paragraph(paragraph) }
            // The method and URI table closes the Request section's text, as on the site.
            if section.title == "Request", let endpoint = page.endpoint { text += writing.endpoint(endpoint) }
            if let table = section.table { text += writing.table(table) }
            if let code = section.code { text += writing.code(code) }
        }
        return text
    }

    static let subsections: Set<String> = ["Request headers", "Request path parameters", "Request query parameters", "Request body", "Request example",
                                           "Response body", "Response status codes", "Response example", "API URL", "responseError"]

    // MARK: HTML

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func htmlList(_ items: [(text: String, depth: Int)]) -> String {
        var html = ""
        var itemOpen: [Bool] = [] // one entry per open <ul>: whether its last <li> is still open
        for item in items {
            let depth = max(0, item.depth)
            while itemOpen.count < depth + 1 { html += "<ul>"; itemOpen.append(false) }
            while itemOpen.count > depth + 1 { html += (itemOpen.removeLast() ? "</li>" : "") + "</ul>" }
            if itemOpen[depth] { html += "</li>" }
            html += "<li>" + escape(item.text)
            itemOpen[depth] = true
        }
        while !itemOpen.isEmpty { html += (itemOpen.removeLast() ? "</li>" : "") + "</ul>" }
        return html
    }

    static func htmlTable(_ table: StructuredPage.Table) -> String {
        var body = "<table class=\"fr-table\">\n<thead><tr>" + table.columns.map { "<th><p>\(escape($0))</p></th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            body += "<tr>"
            for (index, cell) in row.cells.enumerated() {
                body += "<td>"
                if index == row.cells.count - 1 {
                    body += "<p>\(escape(cell))</p>" + (row.bullets.isEmpty ? "" : htmlList(row.bulletItems))
                } else {
                    body += index == 0 ? "<code>\(escape(cell))</code>" : escape(cell)
                }
                body += "</td>"
            }
            body += "</tr>\n"
        }
        return body + "</tbody>\n</table>\n"
    }

    static func html(_ page: StructuredPage) -> String {
        var body = ""
        if let title = page.title { body += "<h1 class=\"article-title\">\(escape(title))</h1>\n" }
        if let banner = page.banner { body += "<div class=\"infoBox warning\"><p>\(escape(banner))</p></div>\n" }
        for paragraph in page.intro { body += "<p>\(escape(paragraph))</p>\n" }
        let notes = page.noteItems
        if !notes.isEmpty {
            body += "<div class=\"infoBox note\"><p><strong>Note</strong></p>"
            for paragraph in notes.filter({ $0.depth < 0 }) { body += "<p>\(escape(paragraph.text))</p>" }
            let items = notes.filter { $0.depth >= 0 }
            if !items.isEmpty { body += htmlList(items) }
            body += "</div>\n"
        }
        body += sections(page, SectionWriting(
            title: { title in
                let level = subsections.contains(title) ? "h3" : "h2"
                return "<\(level) id=\"\(title.lowercased().replacingOccurrences(of: " ", with: "-"))\">\(escape(title))</\(level)>\n"
            },
            paragraph: { $0.hasPrefix("https://") ? "<pre><code>\(escape($0))</code></pre>\n" : "<p>\(escape($0))</p>\n" },
            endpoint: {
                "<table><thead><tr><th>Method</th><th>URI</th></tr></thead><tbody><tr><td>\($0.method)</td><td>\(escape($0.path))</td></tr></tbody></table>\n"
            },
            table: htmlTable,
            code: { "<pre><code class=\"language-\($0.hasPrefix("curl") ? "bash" : "json")\">\(escape($0))</code></pre>\n" }
        ))
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(page.title ?? page.slug)) | Ncloud Docs</title>
            <link rel="stylesheet" href="/assets/site.css">
            <script>window.__d360 = { "theme": "light", "table": "<table><tr><td>not content</td></tr></table>" };</script>
            <style>table td { padding: 4px; } /* <h2>Request body</h2> is not content */</style>
            </head>
            <body>
            <header class="site-header"><nav><a href="/docs/en/home">API Guide</a> &gt; <a href="/docs/en/maiu-overview">Media Intelligence</a></nav>
            <form class="search"><input type="text" placeholder="Search"><button>Search</button></form></header>
            <div class="layout">
            <aside class="left-panel"><ul><li><a href="/docs/en/maiu-overview">Media Intelligence overview</a></li><li><a href="/docs/en/maiu-create-workspaces">POST /api/v1/workspaces</a></li></ul></aside>
            <main>
            <article class="article-content">
            \(body)</article>
            </main>
            </div>
            <footer><p>© NAVER Cloud Corp.</p><p>Was this article helpful?</p></footer>
            <script src="/assets/site.js"></script>
            </body>
            </html>

            """
    }

    // MARK: Markdown export

    static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    static func markdownTable(_ table: StructuredPage.Table) -> String {
        var text = "| " + table.columns.joined(separator: " | ") + " |\n| " + table.columns.map { _ in "---" }.joined(separator: " | ") + " |\n"
        for row in table.rows {
            var cells = row.cells.map(markdownCell)
            if !row.bullets.isEmpty {
                var list = "<ul>"
                var depth = 0
                for item in row.bulletItems {
                    while depth < item.depth { list += "<ul>"; depth += 1 }
                    while depth > item.depth { list += "</ul>"; depth -= 1 }
                    list += "<li>\(markdownCell(item.text))</li>"
                }
                while depth > 0 { list += "</ul>"; depth -= 1 }
                cells[cells.count - 1] += list + "</ul>"
            }
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return text + "\n"
    }

    static func markdown(_ page: StructuredPage) -> String {
        var text = """
            ---
            title: "\(page.title ?? page.slug)"
            slug: "\(page.slug)"
            tags: ["Media Intelligence"]
            updated: 2026-10-08T01:00:00Z
            published: 2026-10-08T01:00:00Z
            canonical: "api.ncloud-docs.com/\(page.slug)"
            ---

            > ## Documentation Index
            > Fetch the complete documentation index at: https://api.ncloud-docs.com/llms.txt
            > Use this file to discover all available pages before exploring further.


            """
        if let title = page.title { text += "# \(title)\n\n" }
        if let banner = page.banner { text += "> \(banner)\n\n" }
        for paragraph in page.intro { text += paragraph + "\n\n" }
        let notes = page.noteItems
        if !notes.isEmpty {
            text += "> **Note**\n>\n"
            for item in notes { text += item.depth < 0 ? "> \(item.text)\n>\n" : "> " + String(repeating: "  ", count: item.depth) + "- \(item.text)\n" }
            text += "\n"
        }
        text += sections(page, SectionWriting(
            title: { (subsections.contains($0) ? "### " : "## ") + $0 + "\n\n" },
            paragraph: { $0.hasPrefix("https://") ? "```\n\($0)\n```\n\n" : $0 + "\n\n" },
            endpoint: { "| Method | URI |\n| --- | --- |\n| \($0.method) | \($0.path) |\n\n" },
            table: markdownTable,
            code: { "```\($0.hasPrefix("curl") ? "bash" : "json")\n\($0)\n```\n\n" }
        ))
        return text
    }

    // MARK: Text renderings

    static func plain(_ page: StructuredPage) -> String {
        var text = ""
        if let title = page.title { text += "\(title)\n\nPrev Next\n\n" }
        if let banner = page.banner { text += banner + "\n\n" }
        for paragraph in page.intro { text += paragraph + "\n\n" }
        let notes = page.noteItems
        if !notes.isEmpty {
            text += "Note\n"
            for item in notes { text += item.depth < 0 ? item.text + "\n" : String(repeating: "  ", count: item.depth + 1) + "• " + item.text + "\n" }
            text += "\n"
        }
        text += sections(page, SectionWriting(
            title: { $0 + "\n\n" },
            paragraph: { $0 + "\n\n" },
            endpoint: { "Method URI\n\($0.method) \($0.path)\n\n" },
            table: { table in
                var text = table.columns.joined(separator: " ") + "\n"
                for row in table.rows {
                    text += row.cells.filter { !$0.isEmpty }.joined(separator: " ") + "\n"
                    for item in row.bulletItems { text += String(repeating: "  ", count: item.depth + 1) + "• " + item.text + "\n" }
                }
                return text + "\n"
            },
            code: { $0 + "\n\n" }
        ))
        return text
    }

    static func pipes(_ page: StructuredPage) -> String {
        var text = ""
        if let banner = page.banner { text += banner + "\n" }
        for paragraph in page.intro { text += paragraph + "\n" }
        for item in page.noteItems { text += (item.depth < 0 ? "" : "- ") + item.text + "\n" }
        text += sections(page, SectionWriting(
            title: { $0 + "\n" },
            paragraph: { $0 + "\n" },
            endpoint: { "| Method | URI |\n|---|---|\n| \($0.method) | \($0.path) |\n" },
            table: { table in
                var text = "| " + table.columns.joined(separator: " | ") + " |\n|" + table.columns.map { _ in "---|" }.joined() + "\n"
                for row in table.rows {
                    if table.columns.first == "HTTP status code" {
                        text += "| " + row.cells.joined(separator: " | ") + " |\n"
                        continue
                    }
                    text += row.cells[0] + " |\n" + row.cells.dropFirst().joined(separator: " | ")
                    // The list of a cell, one `- ` line per item, as the SENS pages' copies show it.
                    for item in row.bulletItems { text += "\n" + String(repeating: " ", count: item.depth * 2) + "- " + item.text }
                    text += row.bullets.isEmpty ? " |\n" : "\n|\n"
                }
                return text
            },
            code: { $0 + "\n" }
        ))
        return text
    }

    static func pdf(_ page: StructuredPage) -> String {
        var text = ""
        if let title = page.title { text += "\(title)\n    • PDF\n\n    \(title)\n\n    • PDF\n\n    Article summary\n\n" }
        if let banner = page.banner { text += "    \(banner)\n\n" }
        for paragraph in page.intro { text += "    " + paragraph + "\n\n" }
        let notes = page.noteItems
        if !notes.isEmpty {
            text += "    Note\n"
            for item in notes { text += "    " + (item.depth < 0 ? "" : String(repeating: "  ", count: item.depth) + "• ") + item.text + "\n" }
            text += "\n"
        }
        text += sections(page, SectionWriting(
            title: { "    " + $0 + "\n\n" },
            paragraph: { "    " + $0 + "\n\n" },
            endpoint: { "    MethodURI\n    \($0.method)\($0.path)\n\n" },
            table: { table in
                var text = "    " + table.columns.joined() + "\n"
                for row in table.rows {
                    text += "    " + row.cells.joined() + "\n"
                    for item in row.bulletItems { text += "    " + String(repeating: "  ", count: item.depth) + "• " + item.text + "\n" }
                }
                return text + "\n"
            },
            code: { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n    \n\n" }
        ))
        return text
    }
}
