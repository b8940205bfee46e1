import Foundation

/// Turns a page's blocks into its model: the endpoint from the method table or line, each field table into
/// rows with their nesting resolved (sub-tables under a parent row, dotted names, `[]` items), facts from the
/// bullets, examples, error tables, rate-limit and deprecation sentences, and where the page was cut.
struct PageInterpreter {
    private(set) var model: PageModel
    private var section: SectionTitle?
    private var fieldSection: FieldSection?
    /// The field a sub-table about to start describes (`query`, `result.indexes`, `tagList`).
    private var label: String?
    /// Sentences that came before the operation they are about (the note at the top of a page).
    private var pendingRateLimits: [PageRateLimit] = []
    private var pendingDeprecation: PageText?
    private var pendingTitle: String?
    private var sawSection = false

    init(model: PageModel) {
        self.model = model
    }

    /// Lines at the top of a page that are the site's chrome, not its title.
    private static let boilerplate: Set<String> = ["documentation index", "prev next", "menu", "pdf", "article summary", "기사 요약",
                                                   "記事の要約", "print", "인쇄", "印刷", "- print", "- pdf", "• pdf", "on this page", "이 요약이 도움이 되었나요?",
                                                   "의견을 보내 주셔서 감사합니다.", "note", "notes", "참고", "参考", "注意", "caution", "주의", "warning", "tip",
                                                   "was this article helpful?"]

    mutating func interpret(_ blocks: [PageBlock]) {
        for block in blocks {
            switch block.kind {
            case .heading: heading(block.text, line: block.line)
            case .paragraph, .listItem: sentence(block.text, line: block.line, isListItem: { if case .listItem = block.kind { true } else { false } }())
            case .table(let table): self.table(table)
            case .code: code(block.text, line: block.line)
            }
        }
    }

    // MARK: Blocks

    private mutating func heading(_ text: String, line: Int) {
        if let title = SectionTitle(title: text) {
            section = title
            sawSection = true
            label = nil
            switch title {
            case .request, .response, .requestURL, .apiURL: fieldSection = nil
            case .requestExample, .responseExample, .statusCodes: fieldSection = nil
            default: fieldSection = title.fieldSection
            }
            return
        }
        if CellWords.isFieldName(text), fieldSection != nil || section == .response || section == .responseBody {
            label = text
            return
        }
        titleCandidate(text, line: line)
    }

    private mutating func titleCandidate(_ text: String, line: Int) {
        guard !Self.isBoilerplate(text), text.count <= 100 else { return }
        if model.title == nil, !sawSection {
            model.title = text
        } else if sawSection {
            pendingTitle = text
            pendingSummary = nil
        }
        if FactReader.isDeprecation(text) { pendingDeprecation = PageText(text: text, line: line) }
    }

    private mutating func sentence(_ text: String, line: Int, isListItem: Bool) {
        if FactReader.isNotUpToDate(text) { model.isNotUpToDate = true }
        if FactReader.isDeprecation(text) {
            let deprecation = PageText(text: text, line: line)
            if model.deprecation == nil { model.deprecation = deprecation }
            if let index = model.operations.indices.last { model.operations[index].deprecation = model.operations[index].deprecation ?? deprecation } else { pendingDeprecation = deprecation }
        }
        for limit in FactReader.rateLimits(in: text, line: line) {
            if let index = model.operations.indices.last { model.operations[index].rateLimits.append(limit) } else { pendingRateLimits.append(limit) }
        }
        // The request line of a raw HTTP example (`POST https://…/files`) is not another endpoint.
        if section != .requestExample, section != .responseExample, let endpoint = EndpointLine.parse(text) {
            startOperation(methods: endpoint.methods, path: endpoint.path, url: endpoint.url, line: line)
            return
        }
        if let url = Self.baseURL(text), section == .apiURL {
            if !model.apiURLs.contains(where: { $0.text == url }) { model.apiURLs.append(PageText(text: url, line: line)) }
            return
        }
        if let name = Self.introducedField(text) {
            label = name
            return
        }
        guard !isListItem else { return }
        // Before the first section: the title (the first line, no full stop) and the summary (the first paragraph
        // after it that isn't a note). On an old page that documents many operations, the same before each
        // operation's endpoint.
        let afterNote = previousWasNote
        previousWasNote = Self.noteWords.contains(text.lowercased())
        // An old single page opens with the API's URL and headers; the first operation's title comes after them.
        let expectsTitle = !sawSection || model.operations.last.map { !$0.path.isEmpty } ?? (section == .apiURL || section == .requestHeaders)
        guard expectsTitle, !Self.isBoilerplate(text), !afterNote, text != model.title else { return }
        let isSentence = text.hasSuffix(".") || text.hasSuffix("다.") || text.hasSuffix("。") || text.hasSuffix("다") || text.has(". ")
        if !isSentence, pendingSummary == nil, sawSection || model.title == nil {
            titleCandidate(text, line: line)
        } else if pendingSummary == nil, !FactReader.isDeprecation(text) {
            var summary = text
            // `… processed asynchronously.Note`: a callout's title run into the sentence.
            for word in ["Note", "참고", "参考"] where summary.hasSuffix("." + word) { summary.removeLast(word.count) }
            pendingSummary = summary
        }
    }

    private static let noteWords: Set<String> = ["note", "notes", "참고", "参考", "注意", "caution", "주의", "warning", "tip"]
    private var previousWasNote = false

    private var pendingSummary: String?

    private static func isBoilerplate(_ text: String) -> Bool {
        let lower = text.lowercased()
        return boilerplate.contains(lower) || lower.hasPrefix("fetch the complete documentation") || lower.hasPrefix("use this file to discover")
            || lower.hasPrefix("available in") || text.hasSuffix("이용 가능합니다.") || text.hasSuffix("利用できます。")
            || lower.hasPrefix("this content is currently unavailable") || FactReader.isNotUpToDate(text)
    }

    /// `https://mi.apigw.ntruss.com` on a line of its own.
    private static func baseURL(_ text: String) -> String? {
        let trimmed = text.trimmed()
        guard trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://"), !trimmed.has(" ") else { return nil }
        return trimmed
    }

    /// `The following describes tags.` and its Korean and Japanese forms: the sub-table that follows is `tags`'.
    private static func introducedField(_ text: String) -> String? {
        let patterns = [#"^The following describes ([A-Za-z_][\w.\[\]]*)\.?$"#, #"^([A-Za-z_][\w.\[\]]*)에 대한 설명은"#, #"^([A-Za-z_][\w.\[\]]*)\s?の説明"#]
        for pattern in patterns {
            if let groups = FactReader.captures(text, pattern), let name = groups[0], CellWords.isFieldName(name) { return name }
        }
        return nil
    }

    private mutating func startOperation(methods: [String], path: String, url: String?, line: Int) {
        if let index = model.operations.indices.last, model.operations[index].path.isEmpty {
            model.operations[index].methods = methods
            model.operations[index].path = path
            model.operations[index].url = url
            model.operations[index].line = line
            return
        }
        var operation = PageOperation(title: pendingTitle ?? (model.operations.isEmpty ? model.title : nil), methods: methods, path: path, url: url, line: line)
        operation.summary = pendingSummary
        operation.rateLimits = pendingRateLimits
        operation.deprecation = pendingDeprecation ?? (model.operations.isEmpty ? model.deprecation : nil)
        if operation.deprecation == nil, let title = operation.title, FactReader.isDeprecation(title) {
            operation.deprecation = PageText(text: title, line: line)
        }
        pendingRateLimits = []
        pendingDeprecation = nil
        pendingTitle = nil
        pendingSummary = nil
        model.operations.append(operation)
    }

    private mutating func table(_ table: PageTable) {
        let roles = table.roles
        if let methodColumn = table.column(.method), let uriColumn = table.column(.uri) {
            for row in table.rows where row.cells.count > max(methodColumn, uriColumn) {
                // `GET | POST | /vserver/v2/…`: more methods than the header has columns.
                let joined = row.cells.map(\.text).joined(separator: " ").replacingOccurrences(of: "|", with: " ")
                if let endpoint = EndpointLine.parse(joined) {
                    startOperation(methods: endpoint.methods, path: endpoint.path, url: endpoint.url, line: row.line)
                    break
                }
                guard let methods = EndpointLine.methods(in: row.cells[methodColumn].text),
                      let path = EndpointLine.path(in: row.cells[uriColumn].text) else { continue }
                startOperation(methods: methods, path: path, url: row.cells[uriColumn].text.hasPrefix("http") ? row.cells[uriColumn].text : nil, line: row.line)
                break
            }
            if table.rows.isEmpty || table.endsAtCut { noteCut(place: "the method table", after: nil, line: table.line) }
            return
        }
        if let regionColumn = table.column(.region), let endpointColumn = table.column(.endpoint) {
            for row in table.rows where row.cells.count > max(regionColumn, endpointColumn) {
                model.regionEndpoints.append(RegionEndpoint(region: row.cells[regionColumn].text, url: row.cells[endpointColumn].text, line: row.line))
            }
            return
        }
        if roles.contains(.code), !roles.contains(.type), !roles.contains(.name) {
            errorTable(table)
            return
        }
        guard roles.contains(.name), roles.contains(.type) || roles.contains(.required) || roles.contains(.description) else { return }
        var section = fieldSection
        if section == nil, self.section == .requestHeaders || self.section == .request && !roles.contains(.type) { section = .header }
        guard let section else { return }
        fieldTable(table, section: section)
    }

    private mutating func errorTable(_ table: PageTable) {
        var errors: [PageError] = []
        for row in table.rows {
            func cell(_ role: ColumnRole) -> String? {
                table.column(role).flatMap { $0 < row.cells.count ? row.cells[$0].text : nil }
            }
            guard let code = cell(.code)?.trimmed(), !code.isEmpty else { continue }
            let status = cell(.status).flatMap { Int($0.trimmed()) }
            if table.column(.status) != nil, status == nil { continue }
            // The table's success rows (`200 | 0 | success`, `201 | - | Request succeeded`) are not errors.
            if let status, (200..<300).contains(status) { continue }
            if !row.isComplete { continue }
            let messageColumn = table.column(.message) ?? table.column(.description)
            let message = messageColumn.flatMap { $0 < row.cells.count ? row.cells[$0].text : nil } ?? ""
            errors.append(PageError(status: status, code: code, message: message,
                                    messageRunsOn: messageColumn != nil && messageColumn == table.joinedProseColumn, line: row.line))
        }
        if let index = model.operations.indices.last {
            model.operations[index].errors += errors
        } else {
            model.errors += errors
            if table.endsAtCut { model.errorsCut = true }
        }
        if table.endsAtCut { noteCut(place: "the error table", after: errors.last.map { $0.code }, line: table.line) }
    }

    private mutating func fieldTable(_ table: PageTable, section: FieldSection) {
        func cell(_ row: PageTable.Row, _ role: ColumnRole) -> PageTable.Cell? {
            table.column(role).flatMap { $0 < row.cells.count ? row.cells[$0] : nil }
        }
        let parent = label.map { resolve(label: $0, section: section) } ?? []
        label = nil
        var fields: [PageField] = []
        for row in table.rows {
            guard let nameCell = cell(row, .name) else { continue }
            let documented = nameCell.text.components(separatedBy: .whitespaces).first ?? ""
            guard CellWords.isFieldName(documented) else { continue }
            var path = Self.path(documented)
            if !parent.isEmpty, !path.starts(with: parent) { path = parent + path }
            let type = cell(row, .type)?.text ?? ""
            // In a row the page cuts off, the cells before the cut are still whole.
            let typeIsSure = !type.isEmpty && table.column(.type).map(row.hasWholeCell) == true
            let required = table.column(.required).map(row.hasWholeCell) == true ? cell(row, .required).flatMap { CellWords.requiredness($0.text) } : nil
            var description = cell(row, .description)?.text ?? ""
            var bullets = table.roles.indices.filter { table.roles[$0] == .description }.flatMap { index in
                index < row.cells.count ? row.cells[index].bullets : []
            }
            if let restrictions = cell(row, .restrictions) {
                if !restrictions.text.isEmpty, restrictions.text != "-" { bullets.insert((restrictions.text, 0), at: 0) }
                bullets += restrictions.bullets
            }
            // `List of tags set for the person: tags` points at the sub-table that follows.
            if let last = path.last, description.hasSuffix(": " + last) { description.removeLast(last.count + 2) }
            var field = PageField(section: section, path: path, documentedName: documented, type: typeIsSure ? type : "",
                                  requiredness: required, description: description,
                                  bullets: bullets.map(\.text),
                                  facts: FieldFacts(), line: row.line)
            field.isCut = !row.isComplete || row.isLastBeforeCut
            if !field.isCut { field.facts = FactReader.facts(description: description, bullets: bullets, type: type, line: row.line) }
            fields.append(field)
        }
        let listing = TableListing(section: section, parent: parent, isComplete: !table.endsAtCut, line: table.line)
        if let index = model.operations.indices.last {
            let tableIndex = model.operations[index].tables.count
            model.operations[index].fields += fields.map { field in
                var field = field
                field.table = tableIndex
                return field
            }
            model.operations[index].tables.append(listing)
        } else if section == .header {
            model.commonHeaders += fields
        }
        if table.endsAtCut {
            let place = parent.isEmpty ? "the \(section.rawValue) table" : "the table of `\(parent.joined(separator: "."))`"
            noteCut(place: place, after: fields.last(where: { !$0.isCut })?.documentedName, line: table.line)
        }
    }

    /// A row's name as a path: `query.textQuery` → [query, textQuery]; `tags[].id` → [tags, id];
    /// `serverInstanceNoList.N` → [serverInstanceNoList].
    static func path(_ name: String) -> [String] {
        name.replacingOccurrences(of: "[]", with: "").split(separator: ".").map(String.init).filter { $0 != "N" && !$0.isEmpty }
    }

    /// The parent a sub-table's label names: the earlier row with that path, or whose last part is that name.
    private func resolve(label: String, section: FieldSection) -> [String] {
        let wanted = Self.path(label)
        let fields = model.operations.last?.fields.filter { $0.section == section } ?? []
        if fields.contains(where: { $0.path == wanted }) { return wanted }
        if let match = fields.last(where: { $0.path.last == wanted.last && $0.path.count >= wanted.count && Array($0.path.suffix(wanted.count)) == wanted }) {
            return match.path
        }
        return wanted
    }

    private mutating func code(_ text: String, line: Int) {
        guard let index = model.operations.indices.last else { return }
        let trimmed = text.trimmed()
        if trimmed.hasPrefix("curl") {
            guard model.operations[index].requestExample == nil else { return }
            let example = Self.curlExample(trimmed, line: line)
            model.operations[index].requestExample = example
            if example.isCut { noteCut(place: "the request example", after: nil, line: line) }
            return
        }
        guard trimmed.hasPrefix("{") || trimmed.hasPrefix("[") else { return }
        let json = ExampleJSON.parse(trimmed)
        let example = PageExample(text: trimmed, keys: json.map { ExampleJSON.keyPaths($0) } ?? [], json: json, line: line, isCut: json == nil)
        if section == .responseExample || section == .response || section == .responseBody || section == .statusCodes {
            if model.operations[index].responseExample == nil { model.operations[index].responseExample = example }
        } else if section == .requestExample || section == .body {
            if model.operations[index].requestExample == nil { model.operations[index].requestExample = example }
        }
        if json == nil { noteCut(place: section == .responseExample ? "the response example" : "an example", after: nil, line: line) }
    }

    /// The JSON after `--data '` in a curl command, and `--form` field names.
    static func curlExample(_ text: String, line: Int) -> PageExample {
        var example = PageExample(text: text, keys: [], json: nil, line: line, isCut: false)
        for marker in ["--data-raw '", "--data '", "-d '"] {
            guard let range = text.range(of: marker) else { continue }
            var body = String(text[range.upperBound...])
            if let end = body.lastIndex(of: "'") { body = String(body[..<end]) }
            example.json = ExampleJSON.parse(body)
            example.keys = example.json.map { ExampleJSON.keyPaths($0) } ?? []
            if example.json == nil { example.isCut = true }
            break
        }
        if let groups = FactReader.captures(text, #"--form '([^=']+)="#), let name = groups[0] { example.formFields = [name] }
        return example
    }

    private mutating func noteCut(place: String, after: String?, line: Int) {
        model.cut = CutPoint(place: place, after: after, line: line)
    }

    // MARK: The end

    /// `CommonResponse`, `ServerInstance`: a data type page's title.
    static func isTypeName(_ text: String) -> Bool {
        FactReader.captures(text, #"^[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+$"#) != nil
    }

    /// Lines that are only an action's name, as the classic APIs title their pages and sections: a verb and words
    /// run together (`getServerInstanceList`, `createLoadBalancerInstance`).
    static func actionNames(in blocks: [PageBlock]) -> [String] {
        var names: [String] = []
        for block in blocks {
            switch block.kind {
            case .heading, .paragraph:
                let text = block.text.trimmed()
                if FactReader.captures(text, #"^(?:get|create|delete|update|add|remove|set|change|start|stop|reboot|terminate|attach|detach|associate|disassociate|import|export)[A-Z][A-Za-z0-9]+$"#) != nil,
                   !names.contains(text) {
                    names.append(text)
                }
            default: continue
            }
        }
        return names
    }

    /// Where the page ends early: inside a table, an example, a sentence or right after a heading. A cut seen
    /// earlier that the page went on past is not one.
    mutating func finish(_ blocks: [PageBlock], sourceCut: Bool) {
        if model.operations.isEmpty { model.leadParagraph = pendingSummary }
        if model.operations.isEmpty, !pendingRateLimits.isEmpty { model.rateLimits = pendingRateLimits }
        let candidate = model.cut
        model.cut = nil
        if let last = blocks.last {
            switch last.kind {
            case .table(let table):
                if table.endsAtCut { model.cut = candidate ?? CutPoint(place: "a table", after: nil, line: last.line) }
            case .code:
                if candidate?.line == last.line { model.cut = candidate }
            case .paragraph, .listItem:
                let ended = last.text.last.map { ".!?。)\"'”다요」:>".contains($0) } ?? true
                if !ended { model.cut = CutPoint(place: "a sentence", after: String(last.text.suffix(40)), line: last.line) }
            case .heading:
                model.cut = CutPoint(place: "the section", after: last.text, line: last.line)
            }
        }
        if sourceCut, model.cut == nil { model.cut = CutPoint(place: "the page", after: nil, line: blocks.last?.line ?? 1) }
        // Operations whose endpoint line never came (a page cut before its method table) are not operations.
        model.operations.removeAll { $0.path.isEmpty }
        if model.problems.isEmpty, model.operations.isEmpty, model.errors.isEmpty, model.apiURLs.isEmpty, model.regionEndpoints.isEmpty {
            let actions = Self.actionNames(in: blocks)
            if blocks.isEmpty {
                model.problems.append("the page is empty")
            } else if let title = model.title, Self.isTypeName(title), blocks.contains(where: { block in
                if case .table(let table) = block.kind { table.column(.name) != nil } else { false }
            }) {
                // The API references' data type pages (`CommonResponse`, `ServerInstance`) describe a type, not a call.
                model.problems.append("the page describes the data type `\(title)`, not a call; data type pages are not compared")
            } else if !actions.isEmpty {
                // The classic APIs' pages name an action (`getServerInstanceList`) and leave its method and path to
                // a guide page: which spec operation they describe can't be told from the page.
                let named = actions.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (actions.count > 3 ? " and \(actions.count - 3) more" : "")
                model.problems.append("the page names the action\(actions.count == 1 ? "" : "s") \(named) but no method and path")
            } else {
                model.problems.append("no endpoint (method and path), error table or API URL found")
            }
        }
    }
}
