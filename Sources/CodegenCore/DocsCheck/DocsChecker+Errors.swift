extension DocsChecker {
    /// An overview page: its error table against the service's errors, its base URL against the host.
    mutating func checkOverview(_ page: PageModel) {
        checkServiceErrors(page.errors, on: page, complete: !page.errorsCut)
        let hosts = [spec.service.host] + spec.service.legacyHosts
        for url in page.apiURLs + page.regionEndpoints.map({ PageText(text: $0.url, line: $0.line) }) {
            guard let host = Self.host(of: url.text), !hosts.contains(host) else { continue }
            warn(.path, spec.service.location(of: "host"), "the docs give the API URL \(url.text); the spec's host is \(spec.service.host)", page, url.line)
        }
    }

    static func host(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        return url[scheme.upperBound...].prefix { $0 != "/" && $0 != ":" }.lowercased()
    }

    /// Rows of an error table against the spec's `errors`; codes the spec has that a complete table lacks.
    mutating func checkServiceErrors(_ errors: [PageError], on page: PageModel, complete: Bool) {
        let byCode = Dictionary(grouping: spec.errors, by: \.code)
        let place = spec.errors.first?.location ?? spec.service.location
        for row in errors where row.code != "0" && row.code != "-" {
            guard let known = byCode[row.code] else {
                // Where the message runs into its description, no one can say which words are the message: no fix.
                let fix = row.messageRunsOn ? nil : row.status.map {
                    SpecFix(change: .addError(status: $0, code: row.code, message: row.message), note: Self.fixNote(page))
                }
                let wording = row.messageRunsOn ? "\"\(row.message)\" (message and description run together on this page)" : row.message
                warn(.error, place, "the docs list the error \(row.code)\(row.status.map { " (HTTP \($0))" } ?? ""): \(wording), which the spec doesn't have",
                     page, row.line, fix: fix)
                continue
            }
            if let status = row.status, !known.contains(where: { $0.status == status }) {
                warn(.error, known[0].location, "the docs give \(row.code) the status \(status); the spec has \(known.map { String($0.status) }.joined(separator: ", "))",
                     page, row.line)
                continue
            }
            let error = known.first { row.status == nil || $0.status == row.status } ?? known[0]
            let normalize = { (text: String) in text.lowercased().trimmingCharacters(in: .init(charactersIn: " .")) }
            let messages = ([error.message] + error.alternativeMessages).map(normalize)
            let documented = normalize(row.message)
            let runsOnFromMessage = row.messageRunsOn && messages.contains { !$0.isEmpty && documented.hasPrefix($0) }
            if !messages.contains(documented), !runsOnFromMessage {
                warnOrNote(.error, error.location, recorded: error.note, drift: "the docs word \(row.code) as \"\(row.message)\"; the spec has \"\(error.message)\"",
                           noted: "the docs word \(row.code) as \"\(row.message)\"", page, row.line)
            }
        }
        guard complete, !errors.isEmpty else { return }
        let documented = Set(errors.map(\.code))
        for error in spec.errors where !error.duplicate && !documented.contains(error.code) {
            warnOrNote(.error, error.location, recorded: error.note, drift: "the spec has the error \(error.code), which the docs' error table doesn't list",
                       noted: "the error table doesn't list \(error.code)", page, errors[0].line)
        }
    }

    /// Errors a page lists for one operation: each must be one of the service's, and the operation's own list
    /// can now come from the page instead of being inferred.
    mutating func checkOperationErrors(_ page: PageOperation, on model: PageModel, against operation: Operation) {
        let rows = page.errors.filter { $0.code != "-" && $0.code != "0" }
        guard !rows.isEmpty else { return }
        checkServiceErrors(rows, on: model, complete: false)
        let listed = Set(operation.errors.map(\.code))
        let documented = rows.map(\.code)
        let missing = documented.filter { !listed.contains($0) }
        guard !missing.isEmpty || Set(documented) != listed else { return }
        let place = operation.location(of: "errors")
        switch operation.errorsProvenance {
        case .inferred:
            warn(.error, place, "the page lists the errors of `\(operation.id)`: \(documented.joined(separator: ", ")); the spec infers \(listed.sorted().joined(separator: ", "))",
                 model, rows[0].line)
        default:
            if !missing.isEmpty {
                warn(.error, place, "the page lists \(missing.joined(separator: ", ")) among the errors of `\(operation.id)`; the spec doesn't", model, rows[0].line)
            }
        }
    }
}
