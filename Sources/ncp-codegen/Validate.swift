import ArgumentParser
import CodegenCore
import Foundation

/// `ncp-codegen validate [SPEC...]`: reports every problem in a spec and writes nothing.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks a spec and prints every problem as file:line:col: error: message."
    )

    @Argument(help: "Spec files or directories (default: spec).")
    var spec: [String] = ["spec"]

    func run() throws {
        let (compiled, diagnostics) = SpecCompiler.compile(paths: spec)
        Console.print(diagnostics)
        let errorCount = diagnostics.filter { $0.severity == .error }.count
        if errorCount > 0 {
            Console.printError("validation failed: \(errorCount) error\(errorCount == 1 ? "" : "s")")
            throw ExitCode.failure
        }
        print("spec is valid: \(compiled.operations.count) operations, \(compiled.types.count + compiled.enums.count) types, \(Set(compiled.errors.map(\.code)).count) error codes, \(compiled.gatewayErrors.count) gateway error codes")
    }
}

/// Where diagnostics go: standard error, one per line, in the compiler's format.
enum Console {
    /// A spec a command needs valid (`diff`, `docs-check`): its errors are printed and the command fails.
    /// - Parameter what: How the failure names the spec: `the spec`, `the old spec (spec)`.
    static func validSpec(at path: String, command: String, what: String) throws -> Spec {
        let (spec, diagnostics) = SpecCompiler.compile(paths: [path])
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            print(errors)
            printError("\(command) failed: \(what) has \(errors.count) error\(errors.count == 1 ? "" : "s")")
            throw ExitCode.failure
        }
        return spec
    }

    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            printError(diagnostic.description)
        }
    }

    static func printError(_ line: String) {
        // What went to stdout first stays first when both streams go to one file or terminal.
        fflush(nil)
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
