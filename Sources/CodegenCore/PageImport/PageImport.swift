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
        let locator = importer
        let files = try spec.validatedFiles(origin: "NAVER's doc pages", shapesSource: "the fields its tables give",
                                            diagnostics: &importer.diagnostics, location: { locator.location(ofOperation: $0) })
        return Result(files: files, warnings: importer.diagnostics.all.sorted { $0.location < $1.location },
                      operationCount: spec.operations.count, typeCount: spec.types.count + spec.enums.count)
    }
}
