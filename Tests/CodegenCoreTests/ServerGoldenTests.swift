@testable import CodegenCore
import Foundation
import Testing

/// The server side (`--server-output`, or a config's `serverFor`): each compiled server golden in `Tests/Servers/`
/// is exactly what its spec generates, and `Package.swift` compiles every one.
@Suite struct ServerGoldenTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/Servers")

    /// Where a compiled client comes from: a spec, a spec with options, or an OpenAPI document imported first.
    enum Source {
        case spec(URL, GeneratorOptions)
        case openAPI(String)
    }

    /// Every compiled client's module name → its source, named as `Package.swift` names the golden targets.
    static let sources: [String: Source] = {
        var sources: [String: Source] = ["MediaIntelligence": .spec(TestPaths.spec, GeneratorOptions())]
        for folder in ["Snippets", "Corpus", "NCPAPIs", "OpenAPI", "PageImports"] {
            let list = "compiled" + folder
            for name in (try? GoldenFolder(folder).compiledNames(listedAs: list)) ?? [] {
                let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                let module = folder + words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
                let base = TestPaths.packageRoot.appendingPathComponent("Tests/\(folder)/\(name)")
                switch folder {
                case "OpenAPI": sources[module] = .openAPI(OpenAPITests.document(name))
                case "PageImports": sources[module] = .spec(base.appendingPathExtension("spec"), GeneratorOptions())
                default:
                    let spec = base.appendingPathExtension("yaml")
                    sources[module] = .spec(spec, GoldenFolder.options(from: (try? String(contentsOf: spec, encoding: .utf8)) ?? ""))
                }
            }
        }
        return sources
    }()

    /// The modules whose clients are generated `internal`: no server side can see them.
    static let internalClients: Set<String> = ["SnippetsSwiftNameCollisionFix", "CorpusInternalAccess"]
    static let modules: [String] = sources.keys.filter { !internalClients.contains($0) }.sorted()

    /// The server side of `module`'s client, as `--server-output` writes it.
    static func serverSide(of module: String) throws -> Generator.Result {
        let templates = try TemplateSet.load(directory: TestPaths.packageRoot.appendingPathComponent("Templates/swift").path)
        switch try #require(sources[module]) {
        case .spec(let url, var options):
            options.serverClientModule = module
            return try Generator.generate(specPaths: [url.path], templates: templates, options: options)
        case .openAPI(let document):
            let (directory, _, _) = try OpenAPITests.importAndCompile(document)
            defer { try? FileManager.default.removeItem(at: directory) }
            return try Generator.generate(specPaths: [directory.path], templates: templates,
                                          options: GeneratorOptions(testDouble: .sameModule, serverClientModule: module))
        }
    }

    @Test func everyCompiledClientButTheInternalOnesHasACompiledServerSide() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(folders == Self.modules)
        #expect(Self.modules.count >= 75)
        let manifest = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(Self.internalClients.allSatisfy { manifest.contains("\"\($0)\"") })
    }

    @Test(arguments: modules)
    func aServerSideIsWhatItsSpecGenerates(_ module: String) throws {
        let result = try Self.serverSide(of: module)
        #expect(result.serverFiles.map(\.name) == ["Server.swift"])
        try GoldenFiles.check(result.serverFiles, against: Self.folder.appendingPathComponent(module))
    }

    @Test(arguments: internalClients.sorted())
    func anInternalClientGetsNoServerSideAndIsToldWhy(_ module: String) throws {
        #expect(throws: GenerationError(message: "the server side lives in a module of its own, so it needs the client generated public or package, not internal")) {
            _ = try Self.serverSide(of: module)
        }
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
