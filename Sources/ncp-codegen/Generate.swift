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
    var output: String = Self.defaultOutput

    @Option(name: .long, help: ArgumentHelp(
        "The directory to write the client's test double to, a module of its own (default with the default --output: Generated/MediaIntelligenceTesting).",
        valueName: "directory"))
    var testDoubleOutput: String?

    @Option(name: .long, help: "The module the test double imports the client from (default: the last component of --output).")
    var clientModule: String?

    @Flag(name: .long, help: "Write the test double among the client's files, in the client's module.")
    var testDoubleInClient = false

    @Option(name: .long, help: ArgumentHelp(
        "The directory to write the server side to (Server.swift: a handler protocol and Hummingbird routes), a module of its own that imports the client's module (--client-module) and NCPServerRuntime.",
        valueName: "directory"))
    var serverOutput: String?

    static let defaultOutput = "Generated/MediaIntelligence"
    static let defaultTestDoubleOutput = "Generated/MediaIntelligenceTesting"

    /// Where the test double goes: asked for, or beside the default output.
    var effectiveTestDoubleOutput: String? {
        testDoubleOutput ?? (output == Self.defaultOutput && !testDoubleInClient ? Self.defaultTestDoubleOutput : nil)
    }

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
        if testDoubleInClient, testDoubleOutput != nil {
            throw ValidationError("--test-double-in-client and --test-double-output both say where the test double goes; give one")
        }
        if let clientModule, GeneratedNames.clientNameProblem(clientModule) != nil {
            throw ValidationError("--client-module must be a module name (letters, digits and '_'), not '\(clientModule)'")
        }
    }

    func run() throws {
        let started = ContinuousClock.now
        var options = GeneratorOptions(
            accessLevel: GeneratorOptions.AccessLevel(rawValue: accessLevel) ?? .public, clientName: clientName,
            operationFilter: group.isEmpty && operation.isEmpty ? nil : OperationFilter(groups: Set(group), operationIDs: Set(operation)))
        if testDoubleInClient {
            options.testDouble = .sameModule
        } else if effectiveTestDoubleOutput != nil {
            options.testDouble = .separateModule(clientModule: clientModule ?? (output as NSString).lastPathComponent)
        }
        if serverOutput != nil {
            options.serverClientModule = clientModule ?? (output as NSString).lastPathComponent
        }
        let result: Generator.Result
        var report: WriteReport
        do {
            let fileConfig = try config.map(GeneratorConfig.load(path:))
            if let fileConfig { options = fileConfig.options(over: options) }
            let templateDirectory = templates ?? fileConfig?.templates
            let loadTemplates: @Sendable () throws -> TemplateSet = { try templateDirectory.map(TemplateSet.load(directory:)) ?? TemplateSet.builtIn() }
            let specPaths = !spec.isEmpty ? spec : (fileConfig.map(\.spec).flatMap { $0.isEmpty ? nil : $0 } ?? ["spec"])
            result = try Generator.generate(specPaths: specPaths, loadingTemplates: loadTemplates, options: options)
            if let fileConfig, let config {
                let unknown = fileConfig.unknownSelections(in: result.spec, configPath: config)
                if !unknown.isEmpty { throw SpecErrors(diagnostics: unknown) }
            }
            Console.print(result.warnings)
            // Each file named by its path, so the two folders' reports read as one.
            func paths(_ report: WriteReport, in directory: String) -> WriteReport {
                func join(_ names: [String]) -> [String] { names.map { (directory as NSString).appendingPathComponent($0) } }
                return WriteReport(changed: join(report.changed), unchanged: join(report.unchanged), removed: join(report.removed))
            }
            // A config that names `serverFor` makes --output a server target: only its Server.swift goes there.
            let serverOnly = fileConfig?.serverFor != nil && serverOutput == nil
            report = paths(try OutputWriter.write(serverOnly ? result.serverFiles : result.files, to: output, checkOnly: check), in: output)
            if let doubleOutput = effectiveTestDoubleOutput, !result.doubleFiles.isEmpty {
                let doubleReport = paths(try OutputWriter.write(result.doubleFiles, to: doubleOutput, checkOnly: check), in: doubleOutput)
                report.changed += doubleReport.changed
                report.unchanged += doubleReport.unchanged
                report.removed += doubleReport.removed
            }
            if let serverOutput, !result.serverFiles.isEmpty {
                let serverReport = paths(try OutputWriter.write(result.serverFiles, to: serverOutput, checkOnly: check), in: serverOutput)
                report.changed += serverReport.changed
                report.unchanged += serverReport.unchanged
                report.removed += serverReport.removed
            }
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
                for path in report.changed { Console.printError("\(path): differs from what the spec and templates produce") }
                for path in report.removed { Console.printError("\(path): no longer produced by the spec") }
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
