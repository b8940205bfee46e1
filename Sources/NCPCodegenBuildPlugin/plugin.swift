import Foundation
import PackagePlugin

/// Generates a target's client at build time from the spec it holds.
///
/// Convention: the target's `*.ncp.yaml` files and every YAML file under its `ncp-spec/` folder form one spec;
/// an optional `ncp-codegen-config.json` beside them sets the access level, client name, operations and
/// templates, or names a spec elsewhere (`"spec": ["../../spec"]`); `"serverFor": "ClientModule"` makes the target the
/// server side of that client instead (only `Server.swift`).
@main
struct NCPCodegenBuildPlugin: BuildToolPlugin {
    /// The files `ncp-codegen` always writes; declared up front so SwiftPM can compile them.
    static let outputNames = ["Client.swift", "ClientProtocol.swift", "Models.swift", "Enums.swift", "Inputs.swift", "Operations.swift",
                              "Requests.swift", "RequestBodies.swift", "Errors.swift", "Paging.swift", "Waiters.swift"]
    /// What `"testDouble": true` in the config adds.
    static let testDoubleOutputNames = ["ClientDouble.swift", "ClientExamples.swift"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let inputs = try PluginInputs(target: target)
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        return [.buildCommand(
            displayName: "Generating the \(target.name) client from \(inputs.specFiles.count) spec file(s)",
            executable: try context.tool(named: "ncp-codegen").url,
            arguments: inputs.arguments + ["--output", output.path()],
            inputFiles: inputs.allFiles,
            outputFiles: (inputs.serverFor != nil ? ["Server.swift"] : Self.outputNames + (inputs.testDouble ? Self.testDoubleOutputNames : []))
                .map { output.appending(path: $0) })]
    }
}
