import Foundation

/// Renders the model into the fixed set of output files.
struct Renderer {
    /// Output file name → template name. Fixed, so a build plugin can declare its outputs up front.
    static let outputs: [(file: String, template: String)] = [
        ("Client.swift", "client"),
        ("ClientProtocol.swift", "protocol"),
        ("Models.swift", "models"),
        ("Enums.swift", "enums"),
        ("Inputs.swift", "inputs"),
        ("Operations.swift", "operations"),
        ("Requests.swift", "requests"),
        ("RequestBodies.swift", "bodies"),
        ("Errors.swift", "errors"),
        ("Paging.swift", "paging"),
        ("Waiters.swift", "waiters"),
    ]

    /// The test double's files: in the client's module, or in a module of their own.
    static let doubleOutputs: [(file: String, template: String)] = [
        ("ClientDouble.swift", "double"),
        ("ClientExamples.swift", "examples"),
    ]

    /// The server side's file, for a module that imports the client's and Hummingbird.
    static let serverOutputs: [(file: String, template: String)] = [("Server.swift", "server")]

    let library: TemplateLibrary

    /// Each template's share of the output, in kilobytes of the Media Intelligence client: only the order matters.
    static let typicalSize: [String: Int] = [
        "inputs": 98, "operations": 88, "double": 60, "models": 58, "requests": 45, "examples": 30, "protocol": 21, "waiters": 21,
        "errors": 16, "enums": 14, "bodies": 7, "paging": 5, "client": 2,
    ]

    init(templates: TemplateSet) throws {
        library = try templates.parsed.get()
    }

    /// Renders every output file; the files are independent, so they render in parallel.
    /// - Parameter outputs: Which files: `outputs`, `doubleOutputs`, or both.
    func render(_ model: RenderModel, outputs: [(file: String, template: String)] = Self.outputs) -> [OutputFile] {
        let results = RenderResults(count: outputs.count)
        // Largest files first, so the last file a thread picks up is a small one and the threads finish together.
        let order = outputs.indices.sorted { (Self.typicalSize[outputs[$0].template] ?? 0) > (Self.typicalSize[outputs[$1].template] ?? 0) }
        DispatchQueue.concurrentPerform(iterations: outputs.count) { position in
            let index = order[position]
            let output = outputs[index]
            let capacity = (Self.typicalSize[output.template] ?? 16) * 1024
            results.store(Self.tidy(library.render(model, template: output.template, capacity: capacity) ?? ""), at: index)
        }
        return zip(outputs, results.values).map { OutputFile(name: $0.file, contents: $1) }
    }

    /// Trailing spaces off, runs of blank lines folded to one, no blank line before a closing brace, exactly one
    /// final newline: templates can stay readable without their whitespace leaking into the output.
    ///
    /// One pass straight into the result's storage: the output is never longer than the input plus a final
    /// newline, and a generated file can be megabytes, so no line array or byte copy is made on the way.
    static func tidy(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            String(unsafeUninitializedCapacity: input.count + 1) { output in
                tidy(input, into: output)
            }
        }
    }

    private static func tidy(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), brace = UInt8(ascii: "}")
        var written = 0
        var previousBlank = true // no blank line at the start
        var lineStart = 0
        while lineStart <= input.count {
            var lineEnd = lineStart
            while lineEnd < input.count, input[lineEnd] != newline { lineEnd += 1 }
            var contentEnd = lineEnd
            while contentEnd > lineStart, input[contentEnd - 1] == space { contentEnd -= 1 }
            if contentEnd == lineStart {
                if !previousBlank {
                    output[written] = newline
                    written += 1
                }
                previousBlank = true
            } else {
                var firstNonSpace = lineStart
                while input[firstNonSpace] == space { firstNonSpace += 1 }
                let isClosingBrace = contentEnd - firstNonSpace == 1 && input[firstNonSpace] == brace
                if isClosingBrace, previousBlank, written >= 2, output[written - 2] == newline {
                    written -= 1 // the blank line before a closing brace
                }
                for index in lineStart..<contentEnd {
                    output[written] = input[index]
                    written += 1
                }
                output[written] = newline
                written += 1
                previousBlank = false
            }
            lineStart = lineEnd + 1
        }
        while written >= 2, output[written - 1] == newline, output[written - 2] == newline {
            written -= 1
        }
        return written
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
