import Foundation
import Mustache

/// Renders the model into the fixed set of output files.
struct Renderer {
    /// Output file name → template name. Fixed, so a build plugin can declare its outputs up front.
    static let outputs: [(file: String, template: String)] = [
        ("Client.swift", "client"),
        ("Models.swift", "models"),
        ("Enums.swift", "enums"),
        ("Operations.swift", "operations"),
        ("RequestBodies.swift", "bodies"),
        ("Errors.swift", "errors"),
        ("Paging.swift", "paging"),
        ("Waiters.swift", "waiters"),
    ]

    let library: MustacheLibrary

    init(templates: TemplateSet) throws {
        var library = MustacheLibrary()
        for (name, text) in templates.sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw GenerationError(message: "\(templates.origin)/\(name).mustache: the template does not parse: \(error)")
            }
        }
        for output in Self.outputs where library.getTemplate(named: output.template) == nil {
            throw GenerationError(message: "\(templates.origin): the template '\(output.template).mustache' is missing")
        }
        self.library = library
    }

    func render(_ model: RenderModel) -> [OutputFile] {
        Self.outputs.map { output in
            OutputFile(name: output.file, contents: Self.tidy(library.render(model, withTemplate: output.template) ?? ""))
        }
    }

    /// Trailing spaces off, runs of blank lines folded to one, exactly one final newline: templates can stay
    /// readable without their whitespace leaking into the output.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var previousBlank = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            let blank = trimmed.isEmpty
            if blank && previousBlank { continue }
            // A blank line right before a closing brace reads as a stray gap.
            if trimmed.trimmingCharacters(in: .whitespaces) == "}", lines.last?.isEmpty == true { lines.removeLast() }
            lines.append(trimmed)
            previousBlank = blank
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
