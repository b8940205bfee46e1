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
        library = try templates.parsed.get()
    }

    /// Renders every output file; the files are independent, so they render in parallel.
    func render(_ model: RenderModel) -> [OutputFile] {
        let results = RenderResults(count: Self.outputs.count)
        DispatchQueue.concurrentPerform(iterations: Self.outputs.count) { index in
            let output = Self.outputs[index]
            results.store(Self.tidy(library.render(model, withTemplate: output.template) ?? ""), at: index)
        }
        return zip(Self.outputs, results.values).map { OutputFile(name: $0.file, contents: $1) }
    }

    /// Trailing spaces off, runs of blank lines folded to one, no blank line before a closing brace, exactly one
    /// final newline: templates can stay readable without their whitespace leaking into the output.
    static func tidy(_ text: String) -> String {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), brace = UInt8(ascii: "}")
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var previousBlank = true // no blank line at the start
        for line in text.utf8.split(separator: newline, omittingEmptySubsequences: false) {
            var content = line[...]
            while content.last == space { content = content.dropLast() }
            if content.isEmpty {
                if !previousBlank { output.append(newline) }
                previousBlank = true
                continue
            }
            let isClosingBrace = content.drop(while: { $0 == space }).elementsEqual([brace])
            if isClosingBrace, previousBlank, output.count >= 2, output[output.count - 2] == newline {
                output.removeLast() // the blank line before a closing brace
            }
            output.append(contentsOf: content)
            output.append(newline)
            previousBlank = false
        }
        while output.count >= 2, output[output.count - 1] == newline, output[output.count - 2] == newline {
            output.removeLast()
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Rendered texts written from several threads, each to its own slot.
private final class RenderResults: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String]

    init(count: Int) {
        texts = Array(repeating: "", count: count)
    }

    func store(_ text: String, at index: Int) {
        lock.withLock { texts[index] = text }
    }

    var values: [String] { lock.withLock { texts } }
}
