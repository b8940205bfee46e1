import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-ncp-client [--target T]... [--check]`:
/// regenerates each target's client into `<target>/GeneratedClient/`, for teams that commit generated code
/// and review its diff. With `--check` it writes nothing and fails when the committed code is stale.
@main
struct NCPCodegenCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = Set(extractor.extractOption(named: "target"))
        let check = extractor.extractFlag(named: "check") > 0
        let tool = try context.tool(named: "ncp-codegen").url
        var failures: [String] = []
        var generated = 0
        for case let target as SourceModuleTarget in context.package.targets where names.isEmpty || names.contains(target.name) {
            guard let inputs = try? PluginInputs(target: target) else {
                if names.contains(target.name) { failures.append("\(target.name): no spec found") }
                continue
            }
            generated += 1
            let output = target.directoryURL.appending(path: "GeneratedClient")
            let process = Process()
            process.executableURL = tool
            process.arguments = inputs.arguments + ["--output", output.path()] + (check ? ["--check"] : [])
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { failures.append(target.name) }
        }
        if generated == 0 { throw PluginError("no target holds a spec (*.ncp.yaml, ncp-spec/ or ncp-codegen-config.json)") }
        if !failures.isEmpty {
            throw PluginError((check ? "stale or invalid generated code in: " : "generation failed for: ") + failures.joined(separator: ", "))
        }
    }
}
