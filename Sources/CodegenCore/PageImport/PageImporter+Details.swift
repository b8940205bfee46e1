import Foundation

extension PageImporter {
    // MARK: Paging

    static let pageNumberParameters = ["pageNo", "pageNum", "pageNumber", "page"]
    static let pageSizeParameters = ["pageSize", "size", "limit", "rows"]

    /// Page-number paging, recognised from a page-number parameter and a page size, with the result's array of
    /// items and the stop signals it carries (`pageNo`/`totalPage`/`totalCount`, `number`/`totalPages`/`totalElements`).
    mutating func readPaging(into operation: inout ImportedSpec.Operation) {
        guard let parameter = operation.parameters.first(where: { Self.pageNumberParameters.contains($0.name) && $0.location == "query" }),
              operation.parameters.contains(where: { Self.pageSizeParameters.contains($0.name) }),
              let result = spec.types.first(where: { $0.name == operation.result }) else { return }
        let arrays = result.properties.filter { $0.type == "array" }
        guard let items = arrays.first(where: { ["content", "items", "results", "list", "data"].contains($0.name) }) ?? (arrays.count == 1 ? arrays.first : nil) else { return }
        func named(_ candidates: [String]) -> String? {
            result.properties.first { candidates.contains($0.name) && ["int32", "int64"].contains($0.type) }?.name
        }
        let minimum = parameter.limits.first { $0.key == "minimum" }?.value
        var parts = ["style: pageNumber", "parameter: \(YAMLWriter.scalar(parameter.name))"]
        if minimum == "0" { parts.append("firstPage: 0") }
        parts.append("items: \(YAMLWriter.scalar(items.name))")
        if let number = named(["pageNo", "pageNum", "number", "page"]) { parts.append("pageNumber: \(YAMLWriter.scalar(number))") }
        if let pages = named(["totalPage", "totalPages", "pageCount"]) { parts.append("totalPages: \(YAMLWriter.scalar(pages))") }
        if let total = named(["totalCount", "totalElements", "totalRows", "total"]) { parts.append("totalItems: \(YAMLWriter.scalar(total))") }
        operation.extras.append(("paging", "{ " + parts.joined(separator: ", ") + " }"))
        operation.comments.append("guessed: the paging, from the parameter `\(parameter.name)` and the result's `\(items.name)`")
    }

    // MARK: Rate limits and deprecation

    mutating func readRateLimit(_ page: PageOperation, on model: PageModel, into operation: inout ImportedSpec.Operation) {
        let limits = page.rateLimits.isEmpty && model.operations.count == 1 ? model.rateLimits : page.rateLimits
        guard let first = limits.first else { return }
        guard ["second", "minute"].contains(first.per) else {
            operation.notes.append("Rate limit: \(first.text)")
            diagnostics.warning("the rate limit per \(first.per) can't be written as a `rateLimit` (per second or minute); it is a note", at: Self.place(model, first.line))
            return
        }
        var text = "{ limit: \(first.limit), per: \(first.per)"
        let others = limits.dropFirst().filter { $0.limit != first.limit || $0.per != first.per }
        if !others.isEmpty {
            text += ", alternatives: [" + others.filter { ["second", "minute"].contains($0.per) }.map { "{ limit: \($0.limit), per: \($0.per) }" }.joined(separator: ", ") + "]"
        }
        operation.extras.append(("rateLimit", text + " }"))
    }

    /// A deprecation banner: `deprecated`, with the removal month when the sentence names one.
    func readDeprecation(_ page: PageOperation, on model: PageModel, into operation: inout ImportedSpec.Operation) {
        guard let banner = page.deprecation ?? (model.operations.count == 1 ? model.deprecation : nil) else { return }
        operation.extras.append(("deprecated", Self.month(in: banner.text).map { "{ removal: \(JSONText.quoted($0)) }" } ?? "{}"))
        operation.notes.append("The page says: \(banner.text)")
    }

    /// `January 2027`, `2027-01`, `2027년 1월`, `2027年1月` → `2027-01`.
    static func month(in text: String) -> String? {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        let lower = text.lowercased()
        for (index, name) in names.enumerated() {
            if let groups = FactReader.captures(lower, name + #"\s+(?:\d{1,2},\s*)?(20\d\d)"#), let year = groups[0] { return year + "-" + String(format: "%02d", index + 1) }
        }
        if let groups = FactReader.captures(text, #"(20\d\d)\s*(?:-|년|年|\.)\s*(\d{1,2})\s*(?:월|月)?"#), let year = groups[0], let month = groups[1].flatMap({ Int($0) }), (1...12).contains(month) {
            return year + "-" + String(format: "%02d", month)
        }
        return nil
    }

    // MARK: Examples

    /// The page's examples as the spec's: the request's JSON body, and the whole answer.
    func readExamples(_ page: PageOperation, into operation: inout ImportedSpec.Operation) {
        var pairs: [(key: String, value: JSONText)] = [("summary", .string("The documented example."))]
        if operation.body != nil, let body = page.requestExample?.json, case .object = body, page.requestExample?.isCut == false { pairs.append(("body", body)) }
        if let answer = page.responseExample?.json, page.responseExample?.isCut == false, operation.result != "undocumented" { pairs.append(("response", answer)) }
        guard pairs.count > 1 else { return }
        operation.examples.append(.object(pairs))
    }
}
