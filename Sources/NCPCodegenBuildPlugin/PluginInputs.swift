import Foundation
import PackagePlugin

/// What a target gives the generator: spec files, the config and templates, as paths and as arguments.
struct PluginInputs {
    var specFiles: [URL] = []
    var config: URL?
    var templateFiles: [URL] = []
    var arguments: [String] = ["generate"]
    /// The config asks for the client's test double among the target's generated files.
    var testDouble = false
    /// The config makes the target the server side of the client in this module (`"serverFor"`).
    var serverFor: String?

    init(target: SourceModuleTarget) throws {
        let directory = target.directoryURL
        let manager = FileManager.default
        let configURL = directory.appending(path: "ncp-codegen-config.json")
        var specRoots: [URL] = []
        if manager.fileExists(atPath: configURL.path()) {
            config = configURL
            arguments += ["--config", configURL.path()]
            let object = (try? JSONSerialization.jsonObject(with: Data(contentsOf: configURL))) as? [String: Any]
            testDouble = object?["testDouble"] as? Bool ?? false
            serverFor = object?["serverFor"] as? String
            specRoots = ((object?["spec"] as? [String]) ?? []).map { URL(filePath: $0, relativeTo: directory).standardizedFileURL }
            if let templates = object?["templates"] as? String {
                templateFiles = Self.files(under: URL(filePath: templates, relativeTo: directory).standardizedFileURL, ending: ".mustache")
            }
        }
        if specRoots.isEmpty {
            specFiles = Self.files(under: directory, ending: ".ncp.yaml") + Self.files(under: directory.appending(path: "ncp-spec"), ending: ".yaml")
        } else {
            specFiles = specRoots.flatMap { root in
                var isDirectory: ObjCBool = false
                let exists = manager.fileExists(atPath: root.path(), isDirectory: &isDirectory)
                return exists && isDirectory.boolValue ? Self.files(under: root, ending: ".yaml") : [root]
            }
        }
        guard !specFiles.isEmpty else {
            throw PluginError("target '\(target.name)' has no spec: add *.ncp.yaml files or an ncp-spec/ folder, or name one in ncp-codegen-config.json")
        }
        arguments += specFiles.flatMap { ["--spec", $0.path()] }
    }

    var allFiles: [URL] { specFiles + templateFiles + (config.map { [$0] } ?? []) }

    static func files(under directory: URL, ending suffix: String) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.path() < $1.path() }
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
