import Foundation

/// Compares the spec with NAVER's doc pages, read into page models. Each operation a page documents is matched
/// to the spec's operation with the same method and path, exactly; the page's address is compared with the
/// `doc:` of the operation it documents; every field, type, required-ness, limit, default, enum value,
/// forbidden character, error, rate limit, deprecation and example key that disagrees is reported at the spec's
/// place. Departures the spec records (`note`, `wireNames`, alternatives) are notes. A page that can't be read
/// is an error, never an all-clear; where a page was cut off, what follows is left unchecked and said so.
public struct DocsChecker {
    let spec: Spec
    var report = DocsCheckReport()
    /// Departures already reported, so a shared parameter's note is said once, not once per page.
    var notedOnce: Set<String> = []
    /// Operations by the slug of the page they cite.
    let operationsBySlug: [String: [Operation]]

    init(spec: Spec) {
        self.spec = spec
        var bySlug: [String: [Operation]] = [:]
        for operation in spec.operations {
            if let slug = PageModel.docSlug(operation.doc) { bySlug[slug, default: []].append(operation) }
        }
        operationsBySlug = bySlug
    }

    /// Every finding for these pages, in the spec's order, with what was read.
    public static func check(_ spec: Spec, pages: [PageModel]) -> DocsCheckReport {
        var checker = DocsChecker(spec: spec)
        for page in pages { checker.check(page) }
        checker.report.findings.sort { first, second in
            if (first.kind == .error) != (second.kind == .error) { return first.kind == .error }
            return (first.location, first.message) < (second.location, second.message)
        }
        return checker.report
    }

    // MARK: Recording

    mutating func warn(_ category: DocFinding.Category, _ location: SourceLocation, _ message: String, _ page: PageModel, _ line: Int,
                       fix: SpecFix? = nil) {
        report.findings.append(DocFinding(kind: .warning, category: category, location: location, message: message,
                                          page: "\(page.source):\(line)", fix: fix))
    }

    /// A recorded departure or a fact about coverage, said once per place and key.
    mutating func note(_ category: DocFinding.Category, _ location: SourceLocation, _ message: String, _ page: PageModel, _ line: Int, key: String) {
        guard notedOnce.insert("\(location)|\(key)|\(category)").inserted else { return }
        report.findings.append(DocFinding(kind: .note, category: category, location: location, message: message, page: "\(page.source):\(line)"))
    }

    /// The note `--fix` leaves on what it writes: the page it came from, in words that record no departure
    /// (`RecordedDeparture`), so a later change on the page is still a warning.
    static func fixNote(_ page: PageModel) -> String {
        "From \(page.url ?? page.source) (docs-check --fix)."
    }

    /// A departure the spec records in a note that speaks of it, else drift.
    mutating func warnOrNote(_ category: DocFinding.Category, _ location: SourceLocation, recorded: String?, drift: String,
                             noted: String, _ page: PageModel, _ line: Int, fix: SpecFix? = nil) {
        if let recorded, RecordedDeparture.covers(recorded, category) {
            note(category, location, "\(noted); recorded: \(recorded)", page, line, key: noted)
        } else {
            warn(category, location, drift, page, line, fix: fix)
        }
    }

    // MARK: One page

    mutating func check(_ page: PageModel) {
        report.pagesRead += 1
        guard page.isReadable else {
            report.pagesUnreadable += 1
            let problem = page.problems.joined(separator: "; ")
            report.findings.append(DocFinding(kind: .error, category: .unreadable, location: .start(of: page.source),
                                              message: "the page can't be read as an API page (\(page.layout.rawValue)): \(problem); nothing was checked against it",
                                              page: "\(page.source):1"))
            return
        }
        if page.cut != nil { report.pagesCut += 1 }
        var matchedAll = true
        if page.operations.isEmpty {
            checkOverview(page)
        }
        var matched: [(PageOperation, Operation)] = []
        for operation in page.operations {
            if let specOperation = match(operation, on: page) {
                matched.append((operation, specOperation))
                check(operation, on: page, against: specOperation)
            } else {
                matchedAll = false
            }
        }
        checkIdentity(page, matched: matched)
        for operation in page.operations where match(operation, on: page) == nil {
            unmatched(operation, on: page, anyMatched: !matched.isEmpty)
        }
        if matchedAll { report.pagesMatched += 1 }
        if let cut = page.cut {
            let place = page.operations.first.flatMap { match($0, on: page)?.location } ?? spec.service.location
            let after = cut.after.map { " after '\($0)'" } ?? ""
            note(.coverage, place, "the page ends inside \(cut.place)\(after); what follows is unchecked", page, cut.line, key: page.source)
        }
        if page.isNotUpToDate {
            let place = page.operations.first.flatMap { match($0, on: page)?.location } ?? spec.service.location
            note(.coverage, place, "the page says it doesn't show the latest changes yet; what it disagrees on may be out of date", page, 1,
                 key: page.source + "stale")
        }
    }

    // MARK: Matching

    /// A path's segments without the service's base path (or a region's, for a page written for one region),
    /// `{…}` standing for any parameter.
    func segments(_ path: String) -> [String] {
        var path = path
        let bases = ([spec.service.basePath] + spec.service.endpoints.map(\.basePath)).map { Service.joined(basePath: $0, "") }
        if let base = bases.filter({ !$0.isEmpty && path.hasPrefix($0 + "/") }).max(by: { $0.count < $1.count }) {
            path.removeFirst(base.count)
        }
        return path.split(separator: "/").map { $0.hasPrefix("{") ? "{}" : String($0) }
    }

    /// The spec's operation with the page's method and path, exactly.
    func match(_ operation: PageOperation, on page: PageModel) -> Operation? {
        let wanted = segments(operation.path)
        return spec.operations.first { operation.methods.contains($0.method) && segments($0.path) == wanted }
    }

    /// A page operation no spec operation has: the call a cited page now documents, or a call new in the docs.
    mutating func unmatched(_ operation: PageOperation, on page: PageModel, anyMatched: Bool) {
        let call = "\(operation.methods.joined(separator: ", ")) \(operation.path)"
        let wanted = segments(operation.path)
        if let retired = spec.service.retired.first(where: { operation.methods.contains($0.method) && segments($0.path) == wanted }) {
            let replacement = retired.replacedBy.map { " (replaced by `\($0)`)" } ?? ""
            note(.newOperation, retired.location, "the page documents \(call), which the spec lists as retired\(replacement): \(retired.note)",
                 page, operation.line, key: "retired \(call)")
            return
        }
        // A page that documents none of the calls that cite it has become another call's page.
        if !anyMatched, let slug = page.slug, let citing = operationsBySlug[slug], !citing.isEmpty {
            for cited in citing {
                warn(.identity, cited.location(of: "doc"),
                     "`\(cited.id)` cites \(slug), which now documents \(call); the spec has \(cited.method) \(spec.service.fullPath(cited.path))",
                     page, operation.line)
            }
            return
        }
        let title = operation.title.map { " (\($0))" } ?? ""
        let deprecated = operation.deprecation != nil ? ", marked deprecated," : ""
        warn(.newOperation, spec.service.location, "the docs document \(call)\(title)\(deprecated) which no operation has", page, operation.line)
    }

    /// The page's address against the `doc:` of the operations it documents. Several operations may cite one page
    /// (a page that documents several calls, or one NAVER moved to a new call and kept for both): a page that
    /// documents any of the operations citing it is theirs; one that documents only other operations is not.
    mutating func checkIdentity(_ page: PageModel, matched: [(page: PageOperation, spec: Operation)]) {
        guard let slug = page.slug, !matched.isEmpty else { return }
        let citing = operationsBySlug[slug] ?? []
        let documentsACiter = matched.contains { pair in citing.contains { $0.id == pair.spec.id || $0.isSameCall(as: pair.spec) } }
        if !documentsACiter, let (operation, documented) = matched.first {
            let call = "\(operation.methods.joined(separator: ", ")) \(operation.path)"
            for cited in citing {
                warn(.identity, cited.location(of: "doc"),
                     "`\(cited.id)` cites \(slug), which documents \(call) (that is `\(documented.id)`); the spec has \(cited.method) \(spec.service.fullPath(cited.path))",
                     page, operation.line)
            }
        }
        // Said only of a page whose address is known: a file's name is not the page's slug unless an operation cites it.
        guard page.url != nil, citing.isEmpty else { return }
        for (operation, documented) in matched {
            guard let citedSlug = PageModel.docSlug(documented.doc), citedSlug != slug else { continue }
            note(.identity, documented.location(of: "doc"), "the page \(slug) also documents `\(documented.id)`, which cites \(citedSlug)", page,
                 operation.line, key: slug)
        }
    }
}

extension Operation {
    /// Two operations of one call (a deprecated copy that shares its page).
    func isSameCall(as other: Operation) -> Bool {
        method == other.method && path == other.path
    }
}
