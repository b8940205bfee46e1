import Foundation

/// Writes a first spec for a service from NAVER's doc pages, in any layout `docs-check` reads: the overview gives
/// the host, the answers' envelope and the error codes; each operation page an operation with its parameters,
/// body, result types, limits, enums, defaults, paging, rate limit and examples. Every guess is a `# guessed:`
/// comment in the YAML; every loss (a cut page, a type the format can't hold) a warning at the page's line.
public enum PageImport {
    /// What an import produced: the files to write, and what it lost or couldn't read.
    public struct Result: Sendable {
        /// The spec's YAML files: `service.yaml`, `types.yaml`, `enums.yaml`, `errors.yaml`, `operations/*.yaml`.
        public var files: [OutputFile]
        /// What was lost or couldn't be read, each at its page and line.
        public var warnings: [Diagnostic]
        /// How many operations the spec has.
        public var operationCount: Int
        /// How many types and enums it has.
        public var typeCount: Int
    }

    /// Imports the pages.
    /// - Throws: `SpecErrors` when no page documents an operation, or (a bug of ours) when the spec made from
    ///   them doesn't validate; nothing is produced then.
    public static func importPages(_ pages: [PageModel]) throws -> Result {
        guard !pages.isEmpty else { throw SpecErrors(diagnostics: [Diagnostic(.error, at: .start(of: "pages"), "no pages were given")]) }
        var importer = PageImporter(pages: pages)
        var spec = importer.run()
        guard !spec.operations.isEmpty else {
            let problem = "none of the \(pages.count) page\(pages.count == 1 ? "" : "s") documents an operation (a method and a path)"
            throw SpecErrors(diagnostics: importer.diagnostics.all + [Diagnostic(.error, at: .start(of: pages.first?.source ?? "pages"), problem)])
        }
        // The spec is checked as the loader will read it. Examples are the one part made from the pages' own
        // values, which may not fit the shapes read from their tables: an operation whose examples don't is
        // written without them, and the loss is said.
        var compiled = compile(spec)
        if !compiled.errors.isEmpty {
            let failing = operationsWithErrors(compiled.errors, in: spec, files: compiled.files)
            for index in spec.operations.indices where !spec.operations[index].examples.isEmpty {
                guard let problem = failing[spec.operations[index].id] else { continue }
                spec.operations[index].examples = []
                importer.diagnostics.warning("the examples of `\(spec.operations[index].id)` don't fit the fields its tables give (\(problem)); they were left out",
                                             at: importer.location(ofOperation: spec.operations[index].id))
            }
            compiled = compile(spec)
        }
        guard compiled.errors.isEmpty else {
            throw SpecErrors(diagnostics: compiled.errors.map {
                Diagnostic(.error, at: $0.location, "the imported spec doesn't validate (please report this): \($0.message)")
            })
        }
        return Result(files: compiled.files, warnings: importer.diagnostics.all.sorted { $0.location < $1.location },
                      operationCount: spec.operations.count, typeCount: spec.types.count + spec.enums.count)
    }

    private static func compile(_ spec: ImportedSpec) -> (files: [OutputFile], errors: [Diagnostic]) {
        let files = YAMLWriter.files(spec, origin: "NAVER's doc pages")
        let (_, diagnostics) = SpecCompiler.compile(files.map { SpecSource(path: $0.name, text: $0.contents) })
        return (files, diagnostics.filter { $0.severity == .error })
    }

    /// The operations whose YAML holds an error, with the first: each operation's lines run from its id to the next one's.
    private static func operationsWithErrors(_ errors: [Diagnostic], in spec: ImportedSpec, files: [OutputFile]) -> [String: String] {
        var failing: [String: String] = [:]
        for error in errors {
            guard let file = files.first(where: { $0.name == error.location.file }) else { continue }
            let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false)
            var owner: String?
            for (index, line) in lines.enumerated() where index < error.location.line {
                if line.hasPrefix("  "), !line.hasPrefix("   "), !line.hasPrefix("  #"), let colon = line.firstIndex(of: ":") {
                    owner = String(line[line.index(line.startIndex, offsetBy: 2)..<colon])
                }
            }
            if let owner, spec.operations.contains(where: { $0.id == owner }), failing[owner] == nil { failing[owner] = error.message }
        }
        return failing
    }
}
