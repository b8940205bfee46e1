import Foundation

/// The walk from page models to an `ImportedSpec`: the service from the overview (or, without one, from what the
/// operation pages show of it), then one operation per documented call, then the error codes.
struct PageImporter {
    let pages: [PageModel]
    var diagnostics = Diagnostics()
    var spec = ImportedSpec()
    var names = ImportNames()
    /// Types by the shape of their fields, so two tables that describe the same shape give one type.
    var typesByShape: [String: String] = [:]
    /// Types answers reach: the enums they carry must be open.
    var answerTypes: Set<String> = []
    /// Enums by their values, so one list of values gives one enum.
    var enumsByValues: [[String]: String] = [:]
    /// Where each operation came from, for warnings about it after the fact.
    var operationSources: [String: SourceLocation] = [:]
    /// The envelope the answers come in, when the pages show one.
    var envelope: ImportedEnvelope?

    init(pages: [PageModel]) {
        self.pages = pages
    }

    func location(ofOperation id: String) -> SourceLocation {
        operationSources[id] ?? .start(of: pages.first?.source ?? "pages")
    }

    static func place(_ page: PageModel, _ line: Int) -> SourceLocation {
        SourceLocation(file: page.source, line: max(1, line), column: 1)
    }

    /// One operation per call: copies of a page (other layouts, older or cut copies) are merged into the one
    /// that shows the most, which gains the rows only the others show.
    mutating func mergedCopies(_ operations: [(PageModel, PageOperation)]) -> [(PageModel, PageOperation)] {
        var order: [String] = []
        var copies: [String: [(PageModel, PageOperation)]] = [:]
        for (page, operation) in operations {
            let key = operation.methods[0] + " " + relativePath(operation.path).split(separator: "/").map { $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
            if copies[key] == nil { order.append(key) }
            copies[key, default: []].append((page, operation))
        }
        return order.map { key in
            let all = copies[key]!
            let fullest = all.max { first, second in
                (first.1.fields.count, first.0.cut == nil ? 1 : 0) < (second.1.fields.count, second.0.cut == nil ? 1 : 0)
            }!
            guard all.count > 1 else { return fullest }
            var merged = fullest.1
            // The title and summary in Latin words, when a copy has them: they name the operation.
            let latin = { (text: String?) in text.map { !$0.isEmpty && $0.unicodeScalars.allSatisfy(\.isASCII) } ?? false }
            // Of several titles, the one the page's address shares most words with (`sens-sms-send`: `Send message`,
            // not the old single page's `SMS API`).
            let titled = all.compactMap { copy -> (title: String, score: Int)? in
                guard let title = copy.1.title ?? copy.0.title, latin(title) else { return nil }
                let slugWords = Set((copy.0.slug ?? "").split(separator: "-").map { $0.lowercased() })
                return (title, ImportNames.words(title).filter { $0.count >= 3 && slugWords.contains($0.lowercased()) }.count)
            }
            if let best = titled.enumerated().max(by: { ($0.element.score, -$0.offset) < ($1.element.score, -$1.offset) })?.element,
               !latin(merged.title) || best.score > 0 {
                merged.title = best.title
            }
            if !latin(merged.summary), let summary = all.first(where: { latin($0.1.summary) })?.1.summary { merged.summary = summary }
            for (_, other) in all {
                // What another copy states about a row this one shows too (a limit, a default) fills what this one leaves out.
                for row in other.fields where !row.isCut {
                    guard let index = merged.fields.firstIndex(where: { $0.section == row.section && $0.path == row.path }) else { continue }
                    merged.fields[index].facts.fill(from: row.facts)
                    if merged.fields[index].type.isEmpty { merged.fields[index].type = row.type }
                    if merged.fields[index].requiredness == nil { merged.fields[index].requiredness = row.requiredness }
                }
                // A row another copy files elsewhere (a legacy page's "request parameters" for a form's fields) is the same row.
                let request: Set<FieldSection> = [.query, .body]
                for row in other.fields where !row.isCut && !merged.fields.contains(where: { existing in
                    existing.path == row.path && (existing.section == row.section || request.contains(existing.section) && request.contains(row.section))
                }) {
                    var row = row
                    if row.table < other.tables.count {
                        merged.tables.append(other.tables[row.table])
                        row.table = merged.tables.count - 1
                    }
                    merged.fields.append(row)
                }
                merged.requestExample = merged.requestExample ?? other.requestExample
                merged.responseExample = merged.responseExample?.isCut == false ? merged.responseExample : (other.responseExample ?? merged.responseExample)
                merged.rateLimits = merged.rateLimits.isEmpty ? other.rateLimits : merged.rateLimits
                merged.errors = merged.errors.isEmpty ? other.errors : merged.errors
            }
            diagnostics.warning("\(merged.methods[0]) \(merged.path) is documented by \(all.count) pages; their rows were merged into this one's",
                                at: Self.place(fullest.0, fullest.1.line))
            return (fullest.0, merged)
        }
    }

    mutating func run() -> ImportedSpec {
        for page in pages where !page.isReadable {
            diagnostics.warning("the page can't be read as an API page (\(page.problems.joined(separator: "; "))); nothing was imported from it",
                                at: Self.place(page, 1))
        }
        let readable = pages.filter(\.isReadable)
        // Of several overviews (a renamed service's old and new copies), the one on the host most pages use; a
        // deprecated overview of another host (an older API's) is no overview of this one.
        let primaryHost = Self.hostsByUse(readable).first
        let onPrimaryHost = { (page: PageModel) in page.apiURLs.contains { URL(string: $0.text)?.host == primaryHost } }
        let overviews = readable.filter { $0.isOverview && ($0.deprecation == nil || onPrimaryHost($0)) }
            .sorted { ($0.deprecation == nil ? 0 : 1) < ($1.deprecation == nil ? 0 : 1) }
        let overview = overviews.first(where: onPrimaryHost) ?? overviews.first
        let operations = readable.flatMap { page in page.operations.map { (page, $0) } }
        readService(overview: overview, operations: operations)
        envelope = Self.envelope(of: operations.map(\.1), overview: overview)
        if let envelope {
            spec.answers = "{ envelope: \(envelope.text), errors: [{ source: gateway, in: error, code: errorCode, message: message }, { source: service, code: \(envelope.code ?? "code"), message: \(envelope.message ?? "message") }] }"
            spec.serviceComments.append("guessed: the answers' envelope, from the fields the response tables and examples show around `\(envelope.result)`")
        }
        for (page, operation) in mergedCopies(operations) {
            readOperation(operation, on: page)
        }
        readErrors(overview: overview, pages: readable)
        groupOperations()
        spec.openEnums(reachedFrom: answerTypes)
        for message in spec.separateSwiftNames() { diagnostics.warning(message, at: .start(of: pages.first?.source ?? "pages")) }
        return spec
    }
}
