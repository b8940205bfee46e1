/// Compares the spec with NAVER's doc pages: each page is matched to the operation whose method and path it
/// documents, and every field, type, required-ness, enum value, stated limit, error and example key that
/// disagrees is reported at the spec's place. Departures the spec records (`note`, `wireNames`) are notes.
public struct DocsChecker {
    let spec: Spec
    var findings: [DocFinding] = []
    /// Departures already reported, so a shared parameter's note is said once, not once per page.
    var notedOnce: Set<String> = []

    /// Every finding for these pages, in the spec's order.
    public static func check(_ spec: Spec, pages: [DocPage]) -> [DocFinding] {
        var checker = DocsChecker(spec: spec)
        for page in pages {
            if let (operation, exact) = checker.operation(for: page) {
                checker.check(page, against: operation, exactPath: exact)
            } else if page.isOverview {
                checker.checkErrors(page)
            } else if let method = page.method, let path = page.path {
                checker.warn(spec.service.location, "the docs document \(method) \(path), which matches no operation", page, page.endpointLine)
            }
        }
        return checker.findings.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    mutating func warn(_ location: SourceLocation, _ message: String, _ page: DocPage, _ line: Int) {
        findings.append(DocFinding(kind: .warning, location: location, message: message, page: "\(page.name):\(line)"))
    }

    /// A recorded departure, reported once per place and kind of disagreement.
    mutating func note(_ location: SourceLocation, _ message: String, _ page: DocPage, _ line: Int, key: String) {
        guard notedOnce.insert("\(location)|\(key)").inserted else { return }
        findings.append(DocFinding(kind: .note, location: location, message: message, page: "\(page.name):\(line)"))
    }

    // MARK: Matching

    /// The page's path without the service's base path, split into segments; `{…}` stands for any parameter.
    func segments(_ path: String) -> [String] {
        var path = path
        if path.hasPrefix(spec.service.basePath) { path.removeFirst(spec.service.basePath.count) }
        return path.split(separator: "/").map { $0.hasPrefix("{") ? "{}" : String($0) }
    }

    /// The operation with the page's method and path; failing that, the same method's closest path (a page whose
    /// path changed), when all but one of its segments agree, counted from either end.
    func operation(for page: DocPage) -> (Operation, Bool)? {
        guard let method = page.method, let path = page.path else { return nil }
        let wanted = segments(path)
        if let exact = spec.operations.first(where: { $0.method == method && segments($0.path) == wanted }) { return (exact, true) }
        let scored = spec.operations.filter { $0.method == method }.map { operation -> (Operation, Int) in
            let have = segments(operation.path)
            let same = zip(have, wanted).filter { $0 == $1 }.count + zip(have.reversed(), wanted.reversed()).filter { $0 == $1 }.count
            return (operation, same - abs(have.count - wanted.count))
        }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= max(1, wanted.count - 1) else { return nil }
        return (best.0, false)
    }

    // MARK: One operation's page

    mutating func check(_ page: DocPage, against operation: Operation, exactPath: Bool) {
        if !exactPath, let path = page.path {
            warn(operation.pathLocation, "the docs say `\(operation.id)` is \(page.method ?? "") \(path); the spec has \(operation.method) \(spec.service.basePath)\(operation.path)", page, page.endpointLine)
        } else if let path = page.path {
            // Same shape; the parameter names may still differ.
            let pageNames = path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            let specNames = operation.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            if pageNames != specNames {
                warn(operation.pathLocation, "the docs name the path parameters \(pageNames.joined(separator: ", ")); the spec has \(specNames.joined(separator: ", "))", page, page.endpointLine)
            }
        }
        let tables: [(DocPage.Section, [String: SpecFieldRef], SourceLocation)] = [
            (.path, references(operation.parameters.filter { $0.location == .path }), operation.location),
            (.query, references(operation.parameters.filter { $0.location == .query }), operation.location),
            (.body, references(operation.body?.properties ?? []), operation.body?.location ?? operation.location),
            (.response, responseReferences(operation), resultLocation(operation)),
        ]
        for (section, fields, place) in tables {
            let rows = page.rows.filter { $0.section == section }.filter { !isEnvelopeRow($0, operation) }
            var seen: Set<String> = []
            for row in rows {
                let name = documentedName(row, operation)
                guard let reference = fields[name] else {
                    warn(place, "the docs list the \(section.rawValue) `\(name)` (\(row.type), \(row.required.isEmpty ? "required-ness not given" : row.required)), which the spec doesn't have", page, row.line)
                    continue
                }
                seen.insert(reference.path)
                checkRow(row, name: name, reference, page)
            }
            // What the spec has that a fully listed table doesn't: only beside fields the page does list.
            guard !rows.isEmpty else { continue }
            let listedParents = Set(seen.map(Self.parent))
            for (path, reference) in fields.sorted(by: { $0.key < $1.key }) where path == reference.path && !seen.contains(path) {
                guard listedParents.contains(Self.parent(path)), !reference.inPartialType else { continue }
                if let recorded = reference.field.note {
                    note(reference.field.sourceLocation, "the page doesn't list `\(path)`; recorded: \(recorded)", page, page.endpointLine, key: "extra")
                } else {
                    warn(reference.field.sourceLocation, "the spec has the \(section.rawValue) `\(path)`, which the docs don't list", page, page.endpointLine)
                }
            }
        }
        checkExample(page.requestExample, fields: tables[2].1, place: tables[2].2, what: "request example", page)
        checkExample(page.responseExample.map { example in
            // The response example is a whole answer: its result's keys are the result type's.
            let prefix = (answerEnvelope(operation)?.result ?? "") + "."
            return (example.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }, example.line)
        }, fields: tables[3].1, place: tables[3].2, what: "response example", page)
    }

    static func parent(_ path: String) -> String {
        path.split(separator: ".").dropLast().joined(separator: ".")
    }

    func answerEnvelope(_ operation: Operation) -> AnswerShape.Envelope? {
        (operation.answers?.resolved(over: spec.service.answers) ?? (spec.service.answers?.resolved(over: nil) ?? (nil, []))).envelope
    }

    /// `code`, `message` and `result` themselves, which the envelope declares.
    func isEnvelopeRow(_ row: DocPage.Row, _ operation: Operation) -> Bool {
        guard row.section == .response, let envelope = answerEnvelope(operation) else { return false }
        return [envelope.result, envelope.code, envelope.message].compactMap { $0 }.contains(row.name)
            || operation.envelopeFields.contains { $0.name == row.name }
    }

    /// The row's name as the spec keys it: without `result.` for response fields, without `[]`.
    func documentedName(_ row: DocPage.Row, _ operation: Operation) -> String {
        var name = row.name.replacingOccurrences(of: "[]", with: "")
        if row.section == .response, let result = answerEnvelope(operation)?.result, name.hasPrefix(result + ".") {
            name.removeFirst(result.count + 1)
        }
        return name
    }

    func resultLocation(_ operation: Operation) -> SourceLocation {
        if case .reference(let name, let location) = operation.result {
            return spec.types.first { $0.name == name }?.location ?? location
        }
        return operation.location
    }
}
