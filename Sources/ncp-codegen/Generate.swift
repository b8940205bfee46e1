import ArgumentParser
import CodegenCore
import Foundation

/// `ncp-codegen [generate]`: spec → Swift client, writing only files whose bytes changed.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generates the Swift client from the spec (the default command)."
    )

    @Option(name: .long, help: "A spec file or directory; repeat for several (default: spec).")
    var spec: [String] = []

    @Option(name: .long, help: "A directory of .mustache templates to use instead of the built-in ones.")
    var templates: String?

    @Option(name: .long, help: "The directory to write the Swift files to.")
    var output: String = "Generated/MediaIntelligence"

    @Option(name: .long, help: "Access level of the generated code: public, package or internal.")
    var accessLevel: String = "public"

    @Option(name: .long, help: "The client type's name (default: <service name>Client).")
    var clientName: String?

    @Option(name: .long, help: "Only the operations of this API group; repeatable.")
    var group: [String] = []

    @Option(name: .long, help: "Only this operation; repeatable.")
    var operation: [String] = []

    @Option(name: .long, help: "A JSON config file (ncp-codegen-config.json): accessLevel, clientName, groups, operations, templates.")
    var config: String?

    @Flag(name: .long, help: "Write nothing; exit 1 and name the files that differ from what the spec produces.")
    var check = false

    /// The command a stale `--check` tells people to run; the command plugin passes its own.
    @Option(name: .long, help: .hidden)
    var regenerateHint = "swift run ncp-codegen"

    func validate() throws {
        guard GeneratorOptions.AccessLevel(rawValue: accessLevel) != nil else {
            throw ValidationError("--access-level must be public, package or internal, not '\(accessLevel)'")
        }
        if let clientName, let problem = GeneratedNames.clientNameProblem(clientName) {
            throw ValidationError("--client-name: " + problem)
        }
    }

    func run() throws {
        let started = ContinuousClock.now
        var options = GeneratorOptions(
            accessLevel: GeneratorOptions.AccessLevel(rawValue: accessLevel) ?? .public, clientName: clientName,
            operationFilter: group.isEmpty && operation.isEmpty ? nil : OperationFilter(groups: Set(group), operationIDs: Set(operation)))
        let result: Generator.Result
        let report: WriteReport
        do {
            let fileConfig = try config.map(GeneratorConfig.load(path:))
            if let fileConfig { options = fileConfig.options(over: options) }
            let templateDirectory = templates ?? fileConfig?.templates
            let templateSet = try templateDirectory.map(TemplateSet.load(directory:)) ?? TemplateSet.builtIn()
            let specPaths = !spec.isEmpty ? spec : (fileConfig.map(\.spec).flatMap { $0.isEmpty ? nil : $0 } ?? ["spec"])
            result = try Generator.generate(specPaths: specPaths, templates: templateSet, options: options)
            if let fileConfig, let config {
                let unknown = fileConfig.unknownSelections(in: result.spec, configPath: config)
                if !unknown.isEmpty { throw SpecErrors(diagnostics: unknown) }
            }
            Console.print(result.warnings)
            report = try OutputWriter.write(result.files, to: output, checkOnly: check)
        } catch let errors as SpecErrors {
            Console.print(errors.diagnostics)
            let count = errors.diagnostics.filter { $0.severity == .error }.count
            Console.printError("generation failed: \(count) error\(count == 1 ? "" : "s") in the spec; nothing was written")
            throw ExitCode.failure
        } catch let error as GenerationError {
            Console.printError(error.description)
            throw ExitCode.failure
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let operations = result.operationCount, types = result.typeCount
        if check {
            let stale = report.changed + report.removed
            if !stale.isEmpty {
                for name in report.changed { Console.printError("\(output)/\(name): differs from what the spec and templates produce") }
                for name in report.removed { Console.printError("\(output)/\(name): no longer produced by the spec") }
                Console.printError("check failed: \(stale.count) file\(stale.count == 1 ? "" : "s") out of date; run `\(regenerateHint)` to regenerate")
                throw ExitCode.failure
            }
            print("check passed: \(operations) operations, \(types) types, \(report.unchanged.count) files up to date in \(milliseconds) ms")
        } else {
            let written = report.changed.count
            print("generated \(operations) operations, \(types) types: \(written) file\(written == 1 ? "" : "s") written, \(report.unchanged.count) unchanged, \(report.removed.count) removed in \(milliseconds) ms")
        }
    }
}
