import Foundation

extension PageImporter {
    /// The headers the client sets itself: never parameters.
    static let clientHeaders: Set<String> = OpenAPIImporter.gatewayHeaders.union(["x-ncp-lang", "host", "content-length"])

    mutating func readOperation(_ page: PageOperation, on model: PageModel) {
        let place = Self.place(model, page.line)
        let (id, idComment) = operationID(page, on: model)
        let summary = Self.title(page, model) ?? page.summary.flatMap(Self.actionPhrase) ?? id
        var operation = ImportedSpec.Operation(id: id, group: "default", summary: summary, method: page.methods[0],
                                               path: relativePath(page.path), doc: model.url ?? "https://api.ncloud-docs.com/docs/\(model.slug ?? id)")
        operationSources[id] = place
        if let idComment { operation.comments.append(idComment) }
        if model.url == nil { operation.comments.append("guessed: the page's address, from its file name") }
        operation.description = page.summary ?? ""
        if page.methods.count > 1 {
            operation.notes.append("The page documents \(page.methods.joined(separator: ", ")) for this path; \(page.methods[0]) was imported.")
            diagnostics.warning("the page documents \(page.methods.joined(separator: ", ")) for one path; only \(page.methods[0]) was imported", at: place)
        }
        readParameters(page, on: model, into: &operation)
        readBody(page, on: model, into: &operation)
        readResult(page, on: model, into: &operation)
        reconcileExamples(page, on: model, into: &operation)
        readPaging(into: &operation)
        readRateLimit(page, on: model, into: &operation)
        readDeprecation(page, on: model, into: &operation)
        readExamples(page, into: &operation)
        let codes = page.errors.filter { $0.code != "-" && $0.code != "0" && !($0.status.map { (200..<300).contains($0) } ?? false) }.map(\.code)
        if !codes.isEmpty {
            var unique: [String] = []
            for code in codes where !unique.contains(code) { unique.append(code) }
            operation.extras.append(("errors", "{ codes: [" + unique.map(JSONText.quoted).joined(separator: ", ") + "], source: \(YAMLWriter.scalar(operation.doc)) }"))
        }
        if let cut = model.cut, model.operations.last?.line == page.line {
            diagnostics.warning("the page ends inside \(cut.place)\(cut.after.map { " after '\($0)'" } ?? ""); what came after it is not imported", at: Self.place(model, cut.line))
            operation.notes.append("Imported from a copy of the page that ends inside \(cut.place); what follows it is missing.")
        }
        spec.operations.append(operation)
    }

    /// The page's title for the operation, without a trailing `(deprecated)`.
    static func title(_ page: PageOperation, _ model: PageModel) -> String? {
        guard var title = page.title ?? model.title else { return nil }
        if let open = title.range(of: " (", options: .backwards), title.hasSuffix(")") { title = String(title[..<open.lowerBound]) }
        return title.trimmed()
    }

    /// The id from the page's title in Latin words (`Create workspace` → `createWorkspace`, `createMailRequest`),
    /// else from the first words of its summary (`Analyze a media asset to …` → `analyzeMediaAsset`), else from
    /// the page's address without the service's prefix, else from the method and path.
    mutating func operationID(_ page: PageOperation, on model: PageModel) -> (String, String?) {
        if let title = Self.title(page, model), !title.isEmpty, title.unicodeScalars.allSatisfy({ $0.isASCII }) {
            let (id, numbered) = names.operationID(title)
            return (id, numbered ? "guessed: the id, from the page's title, numbered since another operation has that title" : nil)
        }
        if let phrase = page.summary.flatMap(Self.actionPhrase) {
            let (id, _) = names.operationID(phrase)
            return (id, "guessed: the id, from the first words of the page's summary")
        }
        if let slug = model.slug, model.operations.count == 1, slug.contains("-"), slug.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            let words = slug.split(separator: "-").dropFirst()
            if !words.isEmpty, words.allSatisfy({ $0.contains(where: \.isLetter) }) {
                let (id, _) = names.operationID(words.joined(separator: " "))
                return (id, "guessed: the id, from the page's address; the title has no Latin words")
            }
        }
        // The method and the path's last two words: `GET …/video-assets/{id}/analyze-status` → `getVideoAssetsAnalyzeStatus`.
        let words = relativePath(page.path).split(separator: "/").filter { !$0.hasPrefix("{") }.suffix(2)
        let (id, _) = names.operationID(page.methods[0].lowercased() + " " + words.joined(separator: " "))
        return (id, "guessed: the id, from the method and path")
    }

    /// `Analyze a media asset to create an index.` → `Analyze media asset`: the summary's verb and object, up to
    /// the first word that starts a clause, articles left out; nil for a summary not in Latin words.
    static func actionPhrase(_ summary: String) -> String? {
        let stops: Set<String> = ["to", "for", "of", "in", "from", "by", "with", "that", "which", "when", "using", "registered", "and", "on", "at", "as", "into"]
        var words: [String] = []
        for word in summary.split(separator: " ") {
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()\"'"))
            guard !bare.isEmpty, bare.unicodeScalars.allSatisfy({ $0.isASCII }) else { return words.count >= 2 ? words.joined(separator: " ") : nil }
            if stops.contains(bare.lowercased()) || word.hasSuffix(",") || word.hasSuffix(".") {
                if !stops.contains(bare.lowercased()) { words.append(bare) }
                break
            }
            if ["a", "an", "the"].contains(bare.lowercased()) { continue }
            words.append(bare)
            if words.count == 4 { break }
        }
        return words.count >= 2 ? words.joined(separator: " ") : nil
    }

    // MARK: Parameters and body

    mutating func readParameters(_ page: PageOperation, on model: PageModel, into operation: inout ImportedSpec.Operation) {
        let placeholders = operation.path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) }
        for section in [FieldSection.path, .query, .header] {
            let rows = page.fields.filter { $0.section == section && $0.path.count == 1 }
            for row in rows {
                let name = row.path[0]
                if section == .header && Self.clientHeaders.contains(name.lowercased()) { continue }
                if section == .path && !placeholders.contains(name) {
                    diagnostics.warning("the path parameter `\(name)` isn't in the path \(page.path); it was left out", at: Self.place(model, row.line))
                    continue
                }
                guard !operation.parameters.contains(where: { $0.name == name }) else { continue }
                var field = scalarField(row, on: model, owner: operation.id, isAnswer: false)
                field.location = section == .path ? "path" : section == .query ? "query" : "header"
                if section == .path { field.required = true; field.defaultValue = nil }
                operation.parameters.append(field)
            }
        }
        for name in placeholders where !operation.parameters.contains(where: { $0.name == name }) {
            diagnostics.warning("the path names `{\(name)}`, which no table of the page lists; imported as a string", at: Self.place(model, page.line))
            operation.parameters.append(ImportedSpec.Field(name: name, type: "string", required: true, description: "\(name).", location: "path"))
        }
    }

    /// A parameter's field: a scalar or an array of scalars; anything else is kept as a string and said.
    mutating func scalarField(_ row: PageField, on model: PageModel, owner: String, isAnswer: Bool) -> ImportedSpec.Field {
        var field = field(for: FieldNode(name: row.path.last ?? row.name, row: row), on: model, owner: owner, isAnswer: isAnswer, parentType: ImportNames.upperCamel(owner))
        // A query array of what the page doesn't type (`placementGroupNoList`, `Array`) is a list of strings.
        if field.type == "array", field.items.first?.type == "json" { field.items = [ImportedSpec.Field(name: "", type: "string")] }
        let scalars = ["string", "int32", "int64", "number", "boolean", "datetime"]
        let enums = Set(spec.enums.map(\.name))
        let isScalar = { (type: String) in scalars.contains(type) || enums.contains(type) }
        if !(isScalar(field.type) || field.type == "array" && field.items.first.map { isScalar($0.type) } == true) {
            diagnostics.warning("the parameter `\(row.name)` is typed \(row.type), which a parameter can't be; imported as a string", at: Self.place(model, row.line))
            field = ImportedSpec.Field(name: field.name, type: "string", required: field.required, description: field.description)
        }
        return field
    }

    mutating func readBody(_ page: PageOperation, on model: PageModel, into operation: inout ImportedSpec.Operation) {
        let rows = page.fields.filter { $0.section == .body }
        guard !rows.isEmpty else { return }
        let root = FieldNode.tree(rows, tables: page.tables, section: .body)
        operation.body = root.children.map { field(for: $0, on: model, owner: operation.id, isAnswer: false, parentType: ImportNames.upperCamel(operation.id)) }
        if !root.isComplete {
            operation.bodyPartial = true
            diagnostics.warning("the body table of `\(operation.id)` is cut off; the body is marked partial", at: Self.place(model, rows.last?.line ?? page.line))
        }
        if page.requestExample?.formFields.isEmpty == false || rows.contains(where: { DocumentedType($0.type) == .file }) {
            operation.notes.append("The page sends this body as a multipart form with a file; the format describes JSON bodies only, so a person must finish it.")
        }
    }

    // MARK: Result

    mutating func readResult(_ page: PageOperation, on model: PageModel, into operation: inout ImportedSpec.Operation) {
        let rows = page.fields.filter { $0.section == .response }
        guard !rows.isEmpty else {
            if page.responseExample != nil || page.tables.isEmpty {
                operation.result = "undocumented"
                operation.resultDescription = page.responseExample == nil ? "The page documents no response." : "Only an example documents the response."
            }
            return
        }
        var root = FieldNode.tree(rows, tables: page.tables, section: .response)
        let typeName = ImportNames.upperCamel(operation.id) + "Result"
        if let envelope {
            let beside = root.children.filter { ![envelope.result, envelope.code, envelope.message].contains($0.name) }
            if !beside.isEmpty {
                let fields = beside.map { field(for: $0, on: model, owner: operation.id, isAnswer: true, parentType: typeName) }
                operation.extras.append(("envelopeFields", "{ " + fields.map { "\(YAMLWriter.scalar($0.name)): \(YAMLWriter.flow($0))" }.joined(separator: ", ") + " }"))
            }
            guard let result = root.children.first(where: { $0.name == envelope.result }) else {
                operation.result = "none"
                return
            }
            root = result
            if case .array? = root.row.flatMap({ DocumentedType($0.type) }) {
                operation.result = "undocumented"
                operation.resultDescription = "A list of items; the format names a type as the result, so the items are open JSON."
                diagnostics.warning("the result of `\(operation.id)` is an array; the format holds a type there, so it is open JSON", at: Self.place(model, root.row?.line ?? page.line))
                return
            }
        }
        guard !root.children.isEmpty else {
            operation.result = root.isComplete ? "none" : "undocumented"
            if !root.isComplete { operation.resultDescription = "The page is cut before the result's fields." }
            return
        }
        operation.result = objectType(root, hint: typeName, exact: true, on: model, owner: operation.id, isAnswer: true)
        answerTypes.insert(operation.result)
    }
}
