@testable import CodegenCore
import Foundation
import Testing

/// The server side (`--server-output`, or a config's `serverFor`): each compiled server golden in `Tests/Servers/`
/// is exactly what its spec generates, and `Package.swift` compiles every one.
@Suite struct ServerGoldenTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/Servers")

    /// A compiled golden's module name → its spec, named as `Package.swift` names the golden targets.
    static var specsByModule: [String: URL] {
        var specs = ["MediaIntelligence": TestPaths.spec]
        for folder in ["NCPAPIs", "Corpus"] {
            for name in GoldenFolder(folder).specNames {
                let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                specs[folder + words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()] =
                    TestPaths.packageRoot.appendingPathComponent("Tests/\(folder)/\(name).yaml")
            }
        }
        return specs
    }

    static let modules: [String] = (try? GoldenFolder("Servers").compiledNames(listedAs: "compiledServers")) ?? []

    @Test func everyServerFolderIsCompiled() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(folders == Self.modules.sorted())
        #expect(Self.modules.count >= 15)
    }

    @Test(arguments: modules)
    func aServerSideIsWhatItsSpecGenerates(_ module: String) throws {
        let spec = try #require(Self.specsByModule[module], "no spec for \(module)")
        let templates = try TemplateSet.load(directory: TestPaths.packageRoot.appendingPathComponent("Templates/swift").path)
        let result = try Generator.generate(specPaths: [spec.path], templates: templates,
                                            options: GeneratorOptions(testDouble: .sameModule, serverClientModule: module))
        #expect(result.serverFiles.map(\.name) == ["Server.swift"])
        try GoldenFiles.check(result.serverFiles, against: Self.folder.appendingPathComponent(module))
    }

    @Test func withoutAClientModuleNoServerSideIsGenerated() throws {
        let result = try Generator.generate(specPaths: [TestPaths.spec.path], templates: TemplateSet.builtIn(), options: GeneratorOptions())
        #expect(result.serverFiles.isEmpty)
    }

    @Test func aConfigMakesATargetTheServerSideOfAClient() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ncp-codegen-config.json").path
        try Data(#"{"serverFor": "MailerAPI"}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try GeneratorConfig.load(path: path).options().serverClientModule == "MailerAPI")
        for (json, problem) in [("{\n  \"serverFor\": \"Mailer API\"\n}\n", "2:3: error: 'serverFor' must name the client's module"),
                                ("{\n  \"serverFor\": \"MailerAPI\",\n  \"testDouble\": true\n}\n", "3:3: error: 'serverFor' makes this target a server side")] {
            try Data(json.utf8).write(to: URL(fileURLWithPath: path))
            #expect {
                _ = try GeneratorConfig.load(path: path)
            } throws: { error in
                (error as? SpecErrors)?.diagnostics.map(\.description).contains { $0.hasPrefix(path + ":" + problem) } == true
            }
        }
    }
}
