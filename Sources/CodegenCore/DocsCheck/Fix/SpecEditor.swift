import Foundation

/// Writes `docs-check`'s mechanical findings into the spec's YAML files: a new optional field, a changed limit
/// or default, a new enum value, a new error row, a rate limit — each with a note (or a comment) naming the
/// page. Edits are made line by line, so comments and layout around them stay; the edited spec must validate,
/// or nothing is written.
public enum SpecEditor {
    /// One spec file before and after the edits.
    public struct EditedFile: Sendable {
        /// The file's path.
        public var path: String
        /// Its text as read.
        public var old: String
        /// Its text with the edits.
        public var new: String
    }

    /// The edits, made in memory and validated; nothing is on disk until `write()`.
    public struct Result: Sendable {
        /// The files the edits change.
        public var files: [EditedFile]
        /// The edits as a unified diff.
        public var diff: String
        /// How many fixes were placed.
        public var applied: Int
        /// Findings with a fix this editor could not place, and why.
        public var skipped: [String]

        /// Writes the edited files, each written aside and moved into place.
        public func write() throws {
            for file in files {
                do {
                    try Data(file.new.utf8).write(to: URL(fileURLWithPath: file.path), options: .atomic)
                } catch {
                    throw GenerationError(message: "\(file.path) can't be written: \(error.localizedDescription)")
                }
            }
        }
    }

    /// Plans and checks the edits for the spec at these paths.
    /// - Throws: `SpecErrors` when the edited spec would not validate; `GenerationError` when it can't be read.
    public static func apply(_ fixes: [SpecFix], toSpecAt paths: [String]) throws -> Result {
        let (sources, readProblems) = SpecFiles.read(paths: paths)
        guard !readProblems.hasErrors else { throw SpecErrors(diagnostics: readProblems.all) }
        let (spec, diagnostics) = SpecCompiler.compile(sources)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw SpecErrors(diagnostics: diagnostics) }
        var plan = EditPlan(sources: sources)
        var applied = 0
        var skipped: [String] = []
        var seen: [SpecFix.Change] = []
        for fix in fixes where !seen.contains(fix.change) {
            seen.append(fix.change)
            if let problem = plan.apply(fix, spec: spec) { skipped.append(problem) } else { applied += 1 }
        }
        let edited = plan.texts()
        let (_, after) = SpecCompiler.compile(sources.map { SpecSource(path: $0.path, text: edited[$0.path] ?? $0.text) })
        let errors = after.filter { $0.severity == .error }
        guard errors.isEmpty else { throw SpecErrors(diagnostics: errors) }
        let files = sources.compactMap { source -> EditedFile? in
            guard let new = edited[source.path], new != source.text else { return nil }
            return EditedFile(path: source.path, old: source.text, new: new)
        }
        return Result(files: files, diff: files.map { UnifiedDiff.make(old: $0.old, new: $0.new, path: $0.path) }.joined(),
                      applied: applied, skipped: skipped)
    }
}

/// The edits to the spec's files, kept against their original line numbers: lines replaced in place, lines
/// inserted after a line. Locations from the loaded spec stay valid however many edits come before.
struct EditPlan {
    private var lines: [String: [String]]
    private var replaced: [String: [Int: String]] = [:]
    private var inserted: [String: [Int: [String]]] = [:]

    init(sources: [SpecSource]) {
        lines = Dictionary(uniqueKeysWithValues: sources.map { ($0.path, $0.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)) })
    }

    func texts() -> [String: String] {
        var texts: [String: String] = [:]
        for (path, original) in lines {
            var result: [String] = []
            for (index, line) in original.enumerated() {
                result.append(replaced[path]?[index] ?? line)
                result += inserted[path]?[index] ?? []
            }
            texts[path] = result.joined(separator: "\n")
        }
        return texts
    }

    // MARK: Reading lines

    private func line(_ path: String, _ index: Int) -> String? {
        guard let file = lines[path], index >= 0, index < file.count else { return nil }
        return replaced[path]?[index] ?? file[index]
    }

    private static func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    private static func isContent(_ line: String) -> Bool {
        let trimmed = line.trimmed()
        return !trimmed.isEmpty && !trimmed.hasPrefix("#")
    }

    /// The line of a child key of the mapping that starts at `parent`.
    private func child(_ key: String, of parent: Int, in path: String) -> Int? {
        guard let parentLine = line(path, parent) else { return nil }
        let parentIndent = Self.indent(parentLine)
        var index = parent + 1
        while let text = line(path, index) {
            if Self.isContent(text) {
                if Self.indent(text) <= parentIndent { return nil }
                if text.trimmed().hasPrefix(key + ":") { return index }
            }
            index += 1
        }
        return nil
    }

    /// The last line of the block under `parent`, and the indentation of its entries.
    private func blockEnd(of parent: Int, in path: String) -> (last: Int, indent: Int)? {
        guard let parentLine = line(path, parent) else { return nil }
        let parentIndent = Self.indent(parentLine)
        var index = parent + 1
        var last: Int?
        var entryIndent: Int?
        while let text = line(path, index) {
            if Self.isContent(text) {
                if Self.indent(text) <= parentIndent && !(parentIndent == 0 && text.hasPrefix("- ")) { break }
                last = index
                if entryIndent == nil { entryIndent = Self.indent(text) }
            }
            index += 1
        }
        guard let last, let entryIndent else { return nil }
        return (last, entryIndent)
    }

    /// The text after a key's colon on its line.
    private static func valueText(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return "" }
        return line[line.index(after: colon)...].trimmed()
    }

    private mutating func insert(_ text: [String], after index: Int, in path: String) {
        inserted[path, default: [:]][index, default: []] += text
    }

    private mutating func replace(_ index: Int, in path: String, with text: String) {
        replaced[path, default: [:]][index] = text
    }

    // MARK: Edits

    /// Plans one fix; the reason it can't be placed, or nil.
    mutating func apply(_ fix: SpecFix, spec: Spec) -> String? {
        switch fix.change {
        case .addField(let container, let name, let entries): addField(container, name: name, entries: entries, note: fix.note, spec: spec)
        case .setFieldKey(let field, let key, let value): setKey(key, to: value, at: field.file, line: field.line - 1, note: fix.note)
        case .addEnumValue(let enumName, let value, let description): addEnumValue(enumName, value: value, description: description, note: fix.note, spec: spec)
        case .addError(let status, let code, let message): addError(status: status, code: code, message: message, note: fix.note, spec: spec)
        case .setRateLimit(let operation, let limit, let per): setRateLimit(operation, limit: limit, per: per, note: fix.note, spec: spec)
        }
    }

    private mutating func addField(_ container: FieldContainer, name: String, entries: [SpecFix.Entry], note: String, spec: Spec) -> String? {
        let mappingLine: Int?
        let path: String
        switch container {
        case .type(let typeName):
            guard let type = spec.types.first(where: { $0.name == typeName }) else { return "\(container) is not in the spec" }
            path = type.location.file
            mappingLine = child("properties", of: type.location.line - 1, in: path)
        case .body(let id):
            guard let operation = spec.operations.first(where: { $0.id == id }) else { return "`\(id)` is not in the spec" }
            path = operation.location.file
            mappingLine = child("body", of: operation.location.line - 1, in: path).flatMap { child("properties", of: $0, in: path) }
        case .query(let id):
            guard let operation = spec.operations.first(where: { $0.id == id }) else { return "`\(id)` is not in the spec" }
            path = operation.location.file
            mappingLine = child("parameters", of: operation.location.line - 1, in: path)
        }
        guard let mappingLine, let mappingText = line(path, mappingLine), Self.valueText(mappingText).isEmpty,
              let end = blockEnd(of: mappingLine, in: path) else {
            return "`\(name)` for \(container): its properties are not a block the editor can add to; add it by hand"
        }
        let flow = "{ " + (entries + [SpecFix.Entry(key: "note", value: YAMLWriter.scalar(note))]).map { "\($0.key): \($0.value)" }.joined(separator: ", ") + " }"
        insert([String(repeating: " ", count: end.indent) + YAMLWriter.scalar(name) + ": " + flow], after: end.last, in: path)
        return nil
    }

    /// Sets a key of the field whose name is written on `index`, and notes the page.
    private mutating func setKey(_ key: String, to value: String, at path: String, line index: Int, note: String) -> String? {
        guard let text = line(path, index) else { return "\(path):\(index + 1) is not in the spec" }
        let rest = Self.valueText(text)
        if var mapping = YAMLFlowMapping(rest) {
            mapping.set(key, to: value)
            mapping.set("note", to: Self.noted(mapping.value(of: "note"), note))
            let prefix = text[..<text.index(text.endIndex, offsetBy: -rest.count)]
            replace(index, in: path, with: prefix + mapping.text)
            return nil
        }
        guard rest.isEmpty else { return "\(path):\(index + 1): `\(key)` can't be set on a value written as `\(rest)`; set it by hand" }
        setBlockKey(key, to: value, under: index, in: path)
        let existing = child("note", of: index, in: path).flatMap { line(path, $0) }.map(Self.valueText)
        setBlockKey("note", to: Self.noted(existing, note), under: index, in: path)
        return nil
    }

    private mutating func setBlockKey(_ key: String, to value: String, under parent: Int, in path: String) {
        if let existing = child(key, of: parent, in: path), let text = line(path, existing) {
            replace(existing, in: path, with: String(repeating: " ", count: Self.indent(text)) + key + ": " + value)
            return
        }
        let indent = blockEnd(of: parent, in: path)?.indent ?? Self.indent(line(path, parent) ?? "") + 2
        insert([String(repeating: " ", count: indent) + key + ": " + value], after: parent, in: path)
    }

    /// An existing note with the page appended.
    private static func noted(_ existing: String?, _ note: String) -> String {
        guard let existing, !existing.isEmpty else { return YAMLWriter.scalar(note) }
        var plain = existing
        if plain.hasPrefix("\""), let decoded = try? JSONDecoder().decode(String.self, from: Data(plain.utf8)) { plain = decoded }
        guard !plain.contains(note) else { return existing }
        return YAMLWriter.scalar(plain + " " + note)
    }

    private mutating func addEnumValue(_ enumName: String, value: String, description: String, note: String, spec: Spec) -> String? {
        guard let enumType = spec.enums.first(where: { $0.name == enumName }) else { return "the enum \(enumName) is not in the spec" }
        let path = enumType.location.file
        guard let values = child("values", of: enumType.location.line - 1, in: path), let text = line(path, values),
              Self.valueText(text).isEmpty, let end = blockEnd(of: values, in: path) else {
            return "the values of \(enumName) are not a block the editor can add to; add \(value) by hand"
        }
        let indent = String(repeating: " ", count: end.indent)
        insert([indent + "# " + note, indent + YAMLWriter.scalar(value) + ": " + YAMLWriter.scalar(description)], after: end.last, in: path)
        return nil
    }

    private mutating func addError(status: Int, code: String, message: String, note: String, spec: Spec) -> String? {
        guard let first = spec.errors.first else { return "the spec has no error table to add \(code) to" }
        let path = first.location.file
        guard let root = lines[path]?.firstIndex(where: { $0.hasPrefix("errors:") }), let end = blockEnd(of: root, in: path),
              line(path, end.last)?.trimmed().hasPrefix("- {") == true else {
            return "the error table is not a list the editor can add to; add \(code) by hand"
        }
        var name = SwiftNames.lowerCamel(message.filter { $0.isLetter || $0.isNumber || $0 == " " }.split(separator: " ").prefix(5).joined(separator: " "))
        if name.isEmpty || !(name.first?.isLetter ?? false) { name = "error" + code }
        while spec.errors.contains(where: { $0.name == name }) { name += code }
        let entry = "{ status: \(status), code: \"\(code)\", name: \(name), message: \(YAMLWriter.scalar(message)), meaning: \(YAMLWriter.scalar(message)), note: \(YAMLWriter.scalar(note)) }"
        let indent = String(repeating: " ", count: end.indent)
        insert([indent + "- " + entry], after: end.last, in: path)
        return nil
    }

    private mutating func setRateLimit(_ id: String, limit: Int, per: String, note: String, spec: Spec) -> String? {
        guard let operation = spec.operations.first(where: { $0.id == id }) else { return "`\(id)` is not in the spec" }
        let path = operation.location.file
        let start = operation.location.line - 1
        if let existing = child("rateLimit", of: start, in: path) {
            guard let text = line(path, existing), var mapping = YAMLFlowMapping(Self.valueText(text)) else {
                return "the rate limit of `\(id)` is written as a block; change it to \(limit) per \(per) by hand"
            }
            mapping.set("limit", to: String(limit))
            mapping.set("per", to: per)
            mapping.set("note", to: Self.noted(mapping.value(of: "note"), note))
            let prefix = text[..<text.index(text.endIndex, offsetBy: -Self.valueText(text).count)]
            replace(existing, in: path, with: prefix + mapping.text)
            return nil
        }
        guard let anchor = child("doc", of: start, in: path) ?? child("path", of: start, in: path), let text = line(path, anchor) else {
            return "`\(id)` has no `doc:` to put a rate limit after"
        }
        insert([String(repeating: " ", count: Self.indent(text)) + "rateLimit: { limit: \(limit), per: \(per), note: \(YAMLWriter.scalar(note)) }"], after: anchor, in: path)
        return nil
    }
}
