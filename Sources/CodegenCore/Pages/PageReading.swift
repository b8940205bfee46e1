import Foundation

extension PageModel {
    /// Reads a page in any layout NAVER serves or a copy shows: the HTML article, the Markdown export, or a
    /// text rendering. The layout is decided here and forgotten after the reader.
    /// - Parameters:
    ///   - source: where the page came from, for messages (a file path or URL).
    ///   - text: the page.
    ///   - url: the page's address, when known (a fetched page).
    public static func read(source: String, text: String, url: String? = nil) -> PageModel {
        var text = text.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let frontMatter = FrontMatter(text)
        if let frontMatter { text = frontMatter.body }
        let layout = Self.layout(of: text, hasFrontMatter: frontMatter != nil)
        var model = PageModel(source: source, url: url ?? frontMatter?.canonical, layout: layout)
        model.slug = Self.slug(url: model.url, frontMatter: frontMatter, source: source)
        var blocks: [PageBlock]
        var sourceCut = false
        var htmlTitle: String?
        if layout == .html {
            let read = HTMLPageReader.read(text)
            (blocks, htmlTitle, sourceCut) = (read.blocks, read.title, read.cut)
            if blocks.isEmpty { model.problems.append("the HTML has no article content, only the site's frame or an error page") }
        } else {
            blocks = TextPageReader.read(text)
        }
        var interpreter = PageInterpreter(model: model)
        interpreter.interpret(blocks)
        interpreter.finish(blocks, sourceCut: sourceCut)
        model = interpreter.model
        if model.title == nil || model.title == "Documentation Index" { model.title = frontMatter?.title ?? htmlTitle }
        return model
    }

    /// Which layout a page is in, for the summary.
    static func layout(of text: String, hasFrontMatter: Bool) -> Layout {
        let head = text.prefix(4000)
        let trimmed = head.drop { $0.isWhitespace }
        if trimmed.hasPrefix("<"), head.has("</") { return .html }
        if hasFrontMatter || head.has("> ## ") || head.has("| --- |") { return .markdown }
        let lines = head.split(separator: "\n")
        if lines.contains(where: { line in
            let trimmed = line.trimmed()
            guard !trimmed.has(" ") || trimmed.has("nameRequired") || trimmed.has("필수 여부타입"),
                  let cells = ColumnRole.splitHeader(trimmed) else { return false }
            return cells.count >= 2
        }) {
            return .pdfText
        }
        if lines.contains(where: { $0.has("|") && ColumnRole(header: TextPageReader.pipeCells(String($0)).first ?? "") != .other }) {
            return .pipeTables
        }
        return .plainText
    }

    /// `maiu-search-asset` from `https://api.ncloud-docs.com/docs/en/maiu-search-asset.md`, from the front matter,
    /// or from a file named `maiu-search-asset.txt` or `maiu-search-asset.plain.txt`.
    static func slug(url: String?, frontMatter: FrontMatter?, source: String) -> String? {
        if let url, let slug = docSlug(url) { return slug }
        if let slug = frontMatter?.slug { return slug }
        let file = (source as NSString).lastPathComponent
        guard let name = file.split(separator: ".").first.map(String.init), !name.isEmpty else { return nil }
        return name
    }

    /// The slug of a doc page's address: its last path component without `.md` or `.html`.
    public static func docSlug(_ address: String) -> String? {
        var path = address
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        while path.hasSuffix("/") { path.removeLast() }
        guard var last = path.split(separator: "/").last.map(String.init), !last.isEmpty else { return nil }
        for suffix in [".md", ".html", ".htm"] where last.hasSuffix(suffix) { last.removeLast(suffix.count) }
        return last
    }
}

/// The `---` block at the top of a Markdown export: `title`, `slug`, `canonical`, `updated`.
struct FrontMatter {
    var title: String?
    var slug: String?
    var canonical: String?
    var updated: String?
    var body: String

    init?(_ text: String) {
        guard text.hasPrefix("---\n") else { return nil }
        let rest = text.dropFirst(4)
        guard let end = rest.range(of: "\n---\n") ?? rest.range(of: "\n---", options: .anchored) else { return nil }
        var values: [String: String] = [:]
        for line in rest[..<end.lowerBound].split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmed()
            let value = line[line.index(after: colon)...].trimmed().trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            values[key] = value
        }
        guard !values.isEmpty else { return nil }
        title = values["title"]
        slug = values["slug"]
        if let canonical = values["canonical"] {
            self.canonical = canonical.hasPrefix("http") ? canonical : "https://" + canonical
        }
        updated = values["updated"]
        // The body keeps its line numbers: the front matter's lines become blank lines.
        let skipped = text[..<end.upperBound].filter { $0 == "\n" }.count
        body = String(repeating: "\n", count: skipped) + rest[end.upperBound...]
    }
}
