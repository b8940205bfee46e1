import ArgumentParser
import CodegenCore
import Foundation

/// `ncp-codegen export`: the spec as an OpenAPI 3.1 document, for API explorers, contract testers and other
/// languages' generators.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes an OpenAPI 3.1 document (JSON) of the spec; what OpenAPI can't say travels in x-ncp-… extensions."
    )

    @Option(name: .long, help: "The spec (default: spec).")
    var spec: String = "spec"

    @Option(name: .long, help: "Where to write the document (default: standard output).")
    var output: String?

    func run() throws {
        let compiled = try Console.validSpec(at: spec, command: "export", what: "the spec")
        let document = OpenAPIExport.document(of: compiled)
        guard let output else {
            print(document, terminator: "")
            return
        }
        do {
            try Data(document.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Console.printError("export failed: \(output) can't be written: \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }
}
