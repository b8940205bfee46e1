@testable import CodegenCore
import Foundation
import Testing

/// `ncp-codegen-config.json`: every mistake is refused where it stands, before anything is generated.
@Suite struct GeneratorConfigTests {
    /// The diagnostics `GeneratorConfig.load` throws for a config with this text.
    func problems(_ json: String) throws -> [String] {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ncp-codegen-config.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try GeneratorConfig.load(path: path)
            return []
        } catch let errors as SpecErrors {
            return errors.diagnostics.map { $0.description.replacingOccurrences(of: path, with: "config.json") }
        }
    }

    @Test(arguments: ["Mail Client", "class", "1Mail", "NCPError", ""])
    func aClientNameThatCantNameASwiftTypeIsRefusedAtItsKey(name: String) throws {
        let found = try problems("{\n  \"accessLevel\": \"public\",\n  \"clientName\": \"\(name)\"\n}\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("config.json:3:3: error: the client name") == true)
    }

    @Test func aPlainClientNameIsAccepted() throws {
        #expect(try problems(#"{"clientName": "MailClient"}"#).isEmpty)
        #expect(GeneratedNames.clientNameProblem("_Mail2") == nil)
    }

    @Test func brokenJSONIsReportedWhereItBreaks() throws {
        let found = try problems("{\n  \"clientName\": \"Mail\",\n  \"groups\": [tru]\n}\n")
        // Foundation names the byte where it gave up (the `]` after `tru` here); the line is what matters.
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("config.json:3:") == true)
        #expect(found.first?.contains("error: the config file isn't valid JSON: Invalid value") == true)
    }

    @Test func unknownKeysAndWrongTypesPointAtTheirKeys() throws {
        let found = try problems("{\n  \"clientNmae\": \"Mail\",\n  \"groups\": \"mail\"\n}\n")
        #expect(found == ["config.json:2:3: error: unknown key 'clientNmae' in the config (did you mean 'clientName'?)",
                          "config.json:3:3: error: 'groups' must be a list of strings"])
    }

    @Test func theTestDoubleIsAskedForWithARealBoolean() throws {
        #expect(try problems("{\n  \"testDouble\": 1\n}\n") == ["config.json:2:3: error: 'testDouble' must be true or false"])
        #expect(try problems(#"{"testDouble": "yes"}"#).count == 1)
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ncp-codegen-config.json").path
        try Data(#"{"testDouble": true}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try GeneratorConfig.load(path: path).options().testDouble == .sameModule)
        try Data(#"{"testDouble": false}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try GeneratorConfig.load(path: path).options().testDouble == GeneratorOptions.TestDouble.none)
    }

    @Test func customTemplatesWithoutTheDoublesTemplatesSayWhatIsMissingWhenTheDoubleIsAskedFor() throws {
        var sources = try TemplateSet.builtIn().sources
        sources["double"] = nil
        let templates = TemplateSet(sources: sources, origin: "my-templates")
        // Without the double, the client's templates are enough.
        #expect(throws: Never.self) { try Generator.generate(specPaths: [TestPaths.spec.path], templates: templates) }
        let error = #expect(throws: GenerationError.self) {
            try Generator.generate(specPaths: [TestPaths.spec.path], templates: templates, options: GeneratorOptions(testDouble: .sameModule))
        }
        #expect(error?.message == "my-templates: the template 'double.mustache' is missing, and the test double needs it")
    }

    @Test func aClientNameFromTheOptionsMayNotTakeASpecTypesName() throws {
        var options = GeneratorOptions()
        options.clientName = "UploadStatus"
        let error = #expect(throws: SpecErrors.self) {
            try Generator.generate(specPaths: [TestPaths.spec.path], templates: TemplateSet.builtIn(), options: options)
        }
        let messages = error?.diagnostics.map(\.description) ?? []
        #expect(messages.count == 1)
        #expect(messages.first?.contains("enums.yaml:25:3: error: the enum 'UploadStatus' has the name the options give the client") == true)
        options.clientName = "Not A Name"
        #expect(throws: SpecErrors.self) { try Generator.generate(specPaths: [TestPaths.spec.path], templates: TemplateSet.builtIn(), options: options) }
    }

    @Test func anUnknownGroupIsReportedAtItsItem() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ncp-codegen-config.json").path
        try Data("{\n  \"groups\": [\"persons\",\n             \"personz\"]\n}\n".utf8).write(to: URL(fileURLWithPath: path))
        let config = try GeneratorConfig.load(path: path)
        let spec = SpecCompiler.compile(paths: [TestPaths.spec.path]).spec
        let found = config.unknownSelections(in: spec, configPath: path).map { $0.description.replacingOccurrences(of: path, with: "config.json") }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("config.json:3:14: error: the config names the group 'personz'") == true)
    }
}
