import CodegenCore
import Foundation
import Testing

/// Input that is not a spec at all must end in a clear diagnostic: never a crash, a hang or a silent pass.
@Suite struct HostileInputTests {
    func compile(_ text: String, file: String = "hostile.yaml") -> [Diagnostic] {
        SpecCompiler.compile([SpecSource(path: file, text: text)]).diagnostics
    }

    func compile(bytes: Data) throws -> [Diagnostic] {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("input.yaml")
        try bytes.write(to: file)
        return SpecCompiler.compile(paths: [file.path]).diagnostics
    }

    @Test func emptyFile() {
        let diagnostics = compile("")
        #expect(diagnostics.map(\.description) == ["hostile.yaml:1:1: error: the file is empty"])
    }

    @Test func binaryGarbage() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0])
        let diagnostics = try compile(bytes: bytes)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("binary data") == true)
    }

    @Test func invalidUTF8() throws {
        let diagnostics = try compile(bytes: Data([0x61, 0x3A, 0x20, 0x31, 0x0A, 0x73, 0x65, 0x72, 0xC3, 0x28, 0xFF, 0x0A]))
        // At the bad bytes, as an editor counts: line 2, the fourth character.
        #expect(diagnostics.map(\.message) == ["the file is not UTF-8 text: the bytes here are not valid UTF-8"])
        #expect(diagnostics.first.map { [$0.location.line, $0.location.column] } == [2, 4])
    }

    @Test func controlCharactersAndSeparatorsAreRefusedWhereTheyStand() {
        #expect(compile("service: { name: A }\n# a \u{2028} b\n").map(\.description)
                == ["hostile.yaml:2:5: error: the control character U+2028 can't stand in a YAML file as is; write it as \\u2028 inside a double-quoted string"])
        #expect(compile("a: 1\r\nb: \"x\u{1B}\"\n").map(\.description)
                == ["hostile.yaml:2:6: error: the control character U+001B can't stand in a YAML file as is; write it as \\x1B inside a double-quoted string"])
    }

    @Test func anUnclosedQuoteOrBracketIsReportedWhereItOpens() {
        let quote = compile("service: { name: A, host: a.com, basePath: /v1 }\ngroups:\n  things: { title: \"Things }\nenums: {}\n")
        #expect(quote.map(\.description) == ["hostile.yaml:3:20: error: invalid YAML: this quoted string is never closed (found unexpected end of stream at line 5)"])
        let bracket = compile("groups:\n  things: [ { title: Things }\nenums: {}\n")
        #expect(bracket.first?.location.line == 2)
        #expect(bracket.first?.location.column == 11)
    }

    @Test func tenMegabyteFileIsRefusedBeforeParsing() throws {
        let line = Data("# padding padding padding padding padding padding padding padding padding\n".utf8)
        var bytes = Data(capacity: 10 * 1024 * 1024 + line.count)
        while bytes.count < 10 * 1024 * 1024 { bytes.append(line) }
        let diagnostics = try compile(bytes: bytes)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("larger than 4 MB") == true)
    }

    @Test func deepFlowNesting() {
        let text = "types: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let diagnostics = compile(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "the YAML is nested more than 64 levels deep")
        #expect(diagnostics.first?.location.line == 1)
    }

    @Test func deepBlockNesting() {
        var text = ""
        for depth in 0..<200 {
            text += String(repeating: "  ", count: depth) + "k\(depth):\n"
        }
        let diagnostics = compile(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "the YAML is nested more than 64 levels deep")
    }

    @Test func aliasBombStopsWithinTheNodeBudget() {
        // Each level doubles the tree: 2^30 nodes if walked naively.
        var text = "a0: &a0 [x, x]\n"
        for level in 1...30 {
            text += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]\n"
        }
        text += "service:\n  name: Demo\n  host: h\n  basePath: /v1\ntypes:\n  T:\n    properties:\n      p: { type: string, default: *a30 }\n"
        let diagnostics = compile(text)
        #expect(diagnostics.contains { $0.message.contains("too many nodes") })
        #expect(diagnostics.contains { $0.message.contains("unknown key 'a0'") })
    }

    @Test func missingFolder() {
        let (_, diagnostics) = SpecCompiler.compile(paths: ["/nonexistent/spec-folder"])
        #expect(diagnostics.map(\.description) == ["/nonexistent/spec-folder:1:1: error: no such file or directory"])
    }

    @Test func folderWithoutYAML() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (_, diagnostics) = SpecCompiler.compile(paths: [directory.path])
        #expect(diagnostics.map(\.message) == ["the directory holds no .yaml or .yml file"])
    }

    @Test func aScalarWhereTheTopLevelMappingBelongs() {
        let diagnostics = compile("just a sentence\n")
        #expect(diagnostics.map(\.description) == [
            "hostile.yaml:1:1: error: the top level must be a mapping, not a scalar",
            "hostile.yaml:1:1: error: no file declares 'service'; one file must say what the API is called and where it lives",
        ])
    }

    @Test func problemsInSeveralFilesAreAllReported() {
        let sources = [
            SpecSource(path: "a.yaml", text: "service: { name: Demo, host: h, basePath: /v1 }\ntypes:\n  T:\n    properties: { p: { type: Nope } }\n"),
            SpecSource(path: "b.yaml", text: "enums:\n  E:\n    open: maybe\n    values: { A: a }\n"),
        ]
        let descriptions = SpecCompiler.compile(sources).diagnostics.map(\.description)
        #expect(descriptions == [
            "a.yaml:4:19: error: 'p' of type 'T' has the undefined type 'Nope'",
            "b.yaml:3:11: error: 'open' must be true or false, not 'maybe'",
        ])
    }
}

@Suite struct WarningTests {
    @Test func anOperationHostTheClientCannotHonourIsAWarningNotASilentDrop() throws {
        let text = """
        service: { name: Demo, host: demo.example.com, basePath: /v1 }
        groups: { things: { title: Things } }
        operations:
          listThings: { group: things, summary: List, method: GET, path: /things, doc: https://example.com, host: other.example.com, result: none }
        """
        let (_, diagnostics) = SpecCompiler.compile([SpecSource(path: "w.yaml", text: text)])
        #expect(diagnostics.map(\.description) == [
            "w.yaml:4:3: warning: operation 'listThings' names the host 'other.example.com'; the generated client sends every operation to its one base URL",
        ])
    }
}
