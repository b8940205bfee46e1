import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-ncp-client [--target T]... [--check]`:
/// regenerates each target's client into `<target>/GeneratedClient/`, for teams that commit generated code
/// and review its diff. With `--check` it writes nothing and fails when the committed code is stale.
///
/// Without `--target` it only touches targets that already have a `GeneratedClient/` folder, so a target that
/// uses the build plugin (whose generated files would then be produced twice) is never written into by accident.
@main
struct NCPCodegenCommandPlugin: CommandPlugin {
    static let usage = """
        USAGE: swift package --allow-writing-to-package-directory generate-ncp-client [--target <name>]... [--check]

        Generates each target's NCP client from its spec (*.ncp.yaml, ncp-spec/, or the spec named in
        ncp-codegen-config.json) into Sources/<target>/GeneratedClient/.

        OPTIONS:
          --target <name>  A target to generate; repeat for several. Needed the first time: without it, only targets
                           that already have a GeneratedClient/ folder are regenerated.
          --check          Write nothing; fail and name the files that differ from what the spec produces (for CI).
          -h, --help       Show this help.

        Use this plugin or the build plugin (NCPCodegenBuildPlugin) on a target, never both: the same files would
        then have two producers. A target using this plugin should exclude its config file in Package.swift:
        exclude: ["ncp-codegen-config.json"].
        """

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        // ArgumentExtractor only knows `--name`, so the short `-h` is looked for by hand.
        var extractor = ArgumentExtractor(arguments.filter { $0 != "-h" })
        if extractor.extractFlag(named: "help") > 0 || arguments.contains("-h") {
            print(Self.usage)
            return
        }
        let names = extractor.extractOption(named: "target")
        let check = extractor.extractFlag(named: "check") > 0
        if let unknown = extractor.remainingArguments.first {
            let hint = ["--check", "--target", "--help"].first { Self.closeEnough(unknown, $0) }.map { "; did you mean '\($0)'?" } ?? ""
            throw PluginError("unknown argument '\(unknown)'\(hint)\n\n\(Self.usage)")
        }
        let modules = context.package.targets.compactMap { $0 as? SourceModuleTarget }
        let missing = names.filter { name in !modules.contains { $0.name == name } }
        if let name = missing.first(where: { FileManager.default.fileExists(atPath: context.package.directoryURL.appending(path: "Sources/\($0)").path()) }) {
            // SwiftPM leaves out a target folder that holds no Swift file yet, which is exactly a spec-only target.
            throw PluginError("SwiftPM leaves out the target '\(name)' because Sources/\(name)/ holds no Swift file yet; add one "
                              + "(Sources/\(name)/\(name).swift, even just a comment) and declare the target in Package.swift, then run this again")
        }
        if !missing.isEmpty {
            throw PluginError("no target named \(missing.map { "'\($0)'" }.joined(separator: ", ")) in this package; its targets are "
                              + modules.map(\.name).sorted().joined(separator: ", "))
        }
        let chosen = names.isEmpty
            ? modules.filter { FileManager.default.fileExists(atPath: $0.directoryURL.appending(path: "GeneratedClient").path()) }
            : modules.filter { names.contains($0.name) }
        if chosen.isEmpty {
            throw PluginError("no target has a GeneratedClient/ folder yet; name the first one: generate-ncp-client --target <name>")
        }
        let tool = try context.tool(named: "ncp-codegen").url
        var failures: [String] = []
        for target in chosen {
            let inputs = try PluginInputs(target: target)
            let output = target.directoryURL.appending(path: "GeneratedClient")
            let process = Process()
            process.executableURL = tool
            process.arguments = inputs.arguments + ["--output", output.path()] + (check ? ["--check"] : [])
                + ["--regenerate-hint", "swift package --allow-writing-to-package-directory generate-ncp-client --target \(target.name)"]
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { failures.append(target.name) }
        }
        if !failures.isEmpty {
            throw PluginError((check ? "stale or invalid generated code in: " : "generation failed for: ") + failures.joined(separator: ", "))
        }
    }

    /// A mistyped option: one edit away, or the same letters (`--chek`, `--taget`, `check`).
    static func closeEnough(_ typed: String, _ option: String) -> Bool {
        let typed = typed.hasPrefix("--") ? typed : "--" + typed
        if typed == option { return true }
        let a = Array(typed), b = Array(option)
        guard abs(a.count - b.count) <= 1 else { return false }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count] <= 1
    }
}
