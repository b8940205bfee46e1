import ArgumentParser
import CodegenCore
import Foundation

/// `ncp-codegen import FILE --output DIR`: a spec folder from an OpenAPI 3.0 or 3.1 document.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Writes a spec folder in ncp-codegen's format from an OpenAPI 3.0 or 3.1 document (YAML or JSON).",
        discussion: """
            Everything the format can't express is reported as a warning with the document's JSON pointer and line; \
            where the importer guessed (names of inline schemas, the envelope, ids), the YAML says so in a comment. \
            A broken document writes nothing.
            """
    )

    @Argument(help: "The OpenAPI document.")
    var file: String

    @Option(name: .long, help: "The folder to write the spec to (created if missing).")
    var output: String

    func run() throws {
        // A spec already there would be mixed with the new one (stale group files, operations twice): import into
        // a folder of its own, never over someone's edits.
        let existing = FileManager.default.enumerator(atPath: output)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") } ?? []
        if !existing.isEmpty {
            Console.printError("import failed: \(output) already holds a spec (\(existing.sorted().prefix(3).joined(separator: ", "))\(existing.count > 3 ? ", …" : "")); import into an empty or new folder")
            throw ExitCode.failure
        }
        let result: OpenAPIImport.Result
        do {
            result = try OpenAPIImport.importDocument(at: file)
        } catch let errors as SpecErrors {
            Console.print(errors.diagnostics)
            let count = errors.diagnostics.filter { $0.severity == .error }.count
            Console.printError("import failed: \(count) error\(count == 1 ? "" : "s") in the document; nothing was written")
            throw ExitCode.failure
        }
        Console.print(result.warnings)
        do {
            for file in result.files {
                let path = (output as NSString).appendingPathComponent(file.name)
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            Console.printError("import failed: \(output) can't be written: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        // The promise is a spec that validates; say so, or say what to fix.
        let (spec, diagnostics) = SpecCompiler.compile(paths: [output])
        let errors = diagnostics.filter { $0.severity == .error }
        Console.print(diagnostics)
        guard errors.isEmpty else {
            Console.printError("import wrote \(output), but it doesn't validate yet: \(errors.count) error\(errors.count == 1 ? "" : "s") above")
            throw ExitCode.failure
        }
        print("imported \(spec.operations.count) operations, \(spec.types.count + spec.enums.count) types into \(output) (\(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")); review it, then `ncp-codegen --spec \(output) --output …`")
    }
}
