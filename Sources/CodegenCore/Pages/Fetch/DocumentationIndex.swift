/// The site's documentation index (`llms.txt`): Markdown sections of links to every page. Used to find the
/// pages of a service that no operation cites: the section holding the cited pages is the service's.
struct DocumentationIndex {
    struct Link {
        var url: String
        var slug: String
        var section: String
    }

    var links: [Link] = []

    init(_ text: String) {
        var section = ""
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmed()
            if trimmed.hasPrefix("#") {
                section = trimmed.drop { $0 == "#" }.trimmed()
                continue
            }
            var rest = Substring(trimmed)
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                let url = String(after[..<close])
                if url.hasPrefix("http"), let slug = PageModel.docSlug(url) { links.append(Link(url: url, slug: slug, section: section)) }
                rest = after[close...]
            }
        }
    }

    /// Pages in the sections that hold a cited page, whose slug no operation cites; without sections, pages
    /// whose slug starts like the cited ones (`maiu-`, `mi-`).
    func uncited(by citedSlugs: [String]) -> [String] {
        let cited = Set(citedSlugs)
        let sections = Set(links.filter { cited.contains($0.slug) && !$0.section.isEmpty }.map(\.section))
        let prefixes = Set(citedSlugs.compactMap { $0.split(separator: "-").first.map(String.init) })
        var seen: Set<String> = []
        return links.filter { link in
            guard !cited.contains(link.slug), seen.insert(link.slug).inserted else { return false }
            if !sections.isEmpty { return sections.contains(link.section) }
            return link.slug.split(separator: "-").first.map { prefixes.contains(String($0)) } ?? false
        }.map(\.url)
    }

    /// Every page in the section that lists the page with this slug, that page first; without sections, the
    /// pages whose slug starts like it (`maiu-`).
    func service(of slug: String) -> [String] {
        guard let page = links.first(where: { $0.slug == slug }) else { return [] }
        let prefix = slug.split(separator: "-").first.map(String.init) ?? slug
        var seen: Set<String> = [page.slug]
        let others = links.filter { link in
            guard seen.insert(link.slug).inserted else { return false }
            return page.section.isEmpty ? link.slug.hasPrefix(prefix + "-") : link.section == page.section
        }
        return [page.url] + others.map(\.url)
    }
}
