import CodegenCore
import Foundation
import Testing

/// The committed client must be exactly what the spec and the templates produce.
@Suite struct GoldenTests {
    @Test func generatedClientMatchesTheSpec() throws {
        let templates = try TemplateSet.load(directory: TestPaths.packageRoot.appendingPathComponent("Templates/swift").path)
        let result = try Generator.generate(specPaths: [TestPaths.spec.path], templates: templates)
        #expect(result.warnings.isEmpty)
        try GoldenFiles.check(result.files, against: TestPaths.packageRoot.appendingPathComponent("Generated/MediaIntelligence"))
    }

    @Test func generationIsDeterministic() throws {
        let templates = try TemplateSet.load(directory: TestPaths.packageRoot.appendingPathComponent("Templates/swift").path)
        let first = try Generator.generate(specPaths: [TestPaths.spec.path], templates: templates).files
        let second = try Generator.generate(specPaths: [TestPaths.spec.path], templates: templates).files
        #expect(first == second)
        #expect(first.map(\.name) == ["Client.swift", "Models.swift", "Enums.swift", "Operations.swift", "RequestBodies.swift", "Errors.swift", "Paging.swift", "Waiters.swift"])
    }
}

/// One small spec per construct, each with its expected Swift in `Tests/Snippets/NAME/`.
@Suite struct SnippetTests {
    static let directory = TestPaths.packageRoot.appendingPathComponent("Tests/Snippets")
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()

    /// `# options: access-level=internal client-name=Foo` on the first line.
    static func options(from text: String) -> GeneratorOptions {
        var options = GeneratorOptions()
        guard let first = text.split(separator: "\n").first, first.hasPrefix("# options:") else { return options }
        for pair in first.dropFirst("# options:".count).split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "access-level": options.accessLevel = GeneratorOptions.AccessLevel(rawValue: parts[1]) ?? .public
            case "client-name": options.clientName = parts[1]
            default: Issue.record("unknown snippet option \(parts[0])")
            }
        }
        return options
    }

    @Test func thereIsASnippetPerConstruct() {
        #expect(Self.names.count >= 10)
        #expect(Self.names.contains("kitchen-sink"))
    }

    @Test(arguments: names)
    func snippetMatchesItsGolden(_ name: String) throws {
        let spec = Self.directory.appendingPathComponent(name + ".yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        let templates = try TemplateSet.load(directory: TestPaths.packageRoot.appendingPathComponent("Templates/swift").path)
        let result = try Generator.generate(specPaths: [spec.path], templates: templates, options: Self.options(from: text))
        try GoldenFiles.check(result.files, against: Self.directory.appendingPathComponent(name))
    }
}
