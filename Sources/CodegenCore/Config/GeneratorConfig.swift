import Foundation

/// The optional config file a package keeps beside its spec (`ncp-codegen-config.json`), described by
/// `spec/ncp-codegen-config.schema.json`. Unknown keys are errors, so a typo can't be silently ignored.
public struct GeneratorConfig: Sendable, Equatable {
    /// `public`, `package` or `internal`.
    public var accessLevel: GeneratorOptions.AccessLevel?
    /// The client type's name.
    public var clientName: String?
    /// API groups to include.
    public var groups: [String]
    /// Operation ids to include.
    public var operations: [String]
    /// A templates directory, relative to the config file.
    public var templates: String?
    /// Spec files or directories, relative to the config file; when empty, the plugin's own convention applies.
    public var spec: [String]
    /// Generate the client's test double into the same target (for a target only tests use).
    public var testDouble = false
    /// This target is the server side of the client in the module named here: only `Server.swift` is generated.
    public var serverFor: String?

    static let keys = ["$schema", "accessLevel", "clientName", "groups", "operations", "templates", "spec", "testDouble", "serverFor"]

    /// Reads and checks a config file; every problem is reported at once as `path:line:col: error: …`, at the key
    /// concerned (or where the JSON stops making sense).
    public static func load(path: String) throws -> GeneratorConfig {
        let start = SourceLocation.start(of: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecErrors(diagnostics: [Diagnostic(.error, at: start, "the config file can't be read")])
        }
        let text = String(decoding: data, as: UTF8.self)
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            let (reason, offset) = JSONErrorText.reasonAndOffset(error)
            let location = offset.map { JSONErrorText.location(ofByte: $0, in: text, file: path) } ?? start
            throw SpecErrors(diagnostics: [Diagnostic(.error, at: location, "the config file isn't valid JSON: \(reason)")])
        }
        guard let object = parsed as? [String: Any] else {
            throw SpecErrors(diagnostics: [Diagnostic(.error, at: start, "the config file must be a JSON object")])
        }
        /// Where `"key":` stands in the file; the config is one flat object, so its first occurrence is the key.
        func at(_ key: String) -> SourceLocation {
            JSONErrorText.location(ofKey: key, in: text, file: path) ?? start
        }
        var diagnostics = Diagnostics()
        var config = GeneratorConfig(groups: [], operations: [], spec: [])
        let base = (path as NSString).deletingLastPathComponent
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : (base as NSString).appendingPathComponent(relative)
        }
        for key in object.keys.sorted() where !keys.contains(key) {
            diagnostics.error("unknown key '\(key)' in the config\(Suggestion.hint(for: key, in: keys))", at: at(key))
        }
        func strings(_ key: String) -> [String] {
            guard let value = object[key] else { return [] }
            guard let list = value as? [String] else {
                diagnostics.error("'\(key)' must be a list of strings", at: at(key))
                return []
            }
            return list
        }
        func string(_ key: String) -> String? {
            guard let value = object[key] else { return nil }
            guard let text = value as? String else {
                diagnostics.error("'\(key)' must be a string", at: at(key))
                return nil
            }
            return text
        }
        if let level = string("accessLevel") {
            config.accessLevel = GeneratorOptions.AccessLevel(rawValue: level)
            if config.accessLevel == nil {
                diagnostics.error("'accessLevel' must be public, package or internal, not '\(level)'", at: at("accessLevel"))
            }
        }
        config.clientName = string("clientName")
        if let name = config.clientName, let problem = GeneratedNames.clientNameProblem(name) {
            diagnostics.error(problem, at: at("clientName"))
        }
        config.groups = strings("groups")
        config.operations = strings("operations")
        config.templates = string("templates").map(resolve)
        config.spec = strings("spec").map(resolve)
        if let value = object["testDouble"] {
            // JSONSerialization reads `1` and `true` alike as numbers; a boolean's number has the type code `c`.
            if let number = value as? NSNumber, String(cString: number.objCType) == "c" {
                config.testDouble = number.boolValue
            } else {
                diagnostics.error("'testDouble' must be true or false", at: at("testDouble"))
            }
        }
        config.serverFor = string("serverFor")
        if let module = config.serverFor, GeneratedNames.clientNameProblem(module) != nil {
            diagnostics.error("'serverFor' must name the client's module (letters, digits and '_'), not '\(module)'", at: at("serverFor"))
        }
        if config.serverFor != nil, config.testDouble {
            diagnostics.error("'serverFor' makes this target a server side, which has no test double; leave 'testDouble' out", at: at("testDouble"))
        }
        if diagnostics.hasErrors { throw SpecErrors(diagnostics: diagnostics.sorted) }
        return config
    }

    /// The generator options this config asks for, on top of `base`.
    public func options(over base: GeneratorOptions = GeneratorOptions()) -> GeneratorOptions {
        var options = base
        if let accessLevel { options.accessLevel = accessLevel }
        if let clientName { options.clientName = clientName }
        if testDouble { options.testDouble = .sameModule }
        if let serverFor { options.serverClientModule = serverFor }
        if !groups.isEmpty || !operations.isEmpty {
            options.operationFilter = OperationFilter(groups: Set(groups), operationIDs: Set(operations))
        }
        return options
    }

    /// Names in `groups` and `operations` that the spec doesn't have.
    public func unknownSelections(in spec: Spec, configPath: String) -> [Diagnostic] {
        let start = SourceLocation.start(of: configPath)
        let text = FileManager.default.contents(atPath: configPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        func at(_ value: String, underKey key: String) -> SourceLocation {
            JSONErrorText.location(ofValue: value, underKey: key, in: text, file: configPath) ?? start
        }
        let groupKeys = spec.groups.map(\.key), ids = spec.operations.map(\.id)
        return groups.filter { !groupKeys.contains($0) }.map {
            Diagnostic(.error, at: at($0, underKey: "groups"), "the config names the group '\($0)', which the spec does not have\(Suggestion.hint(for: $0, in: groupKeys))")
        } + operations.filter { !ids.contains($0) }.map {
            Diagnostic(.error, at: at($0, underKey: "operations"), "the config names the operation '\($0)', which the spec does not have\(Suggestion.hint(for: $0, in: ids))")
        }
    }
}
