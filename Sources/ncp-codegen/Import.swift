import ArgumentParser
import CodegenCore
import Foundation

/// `ncp-codegen import (OPENAPI-FILE | PAGES… | --pages-of URL) --output DIR`: a spec folder from an OpenAPI
/// document, or from NAVER's doc pages.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Writes a spec folder in ncp-codegen's format from an OpenAPI document or from NAVER's doc pages.",
        discussion: """
            A .yaml, .yml or .json file is read as an OpenAPI 3.0 or 3.1 document. Anything else — files or folders \
            of doc pages in any layout docs-check reads — is read as NAVER's pages: one operation per page, the \
            service's host, envelope and error codes from its overview. --pages-of URL fetches a service's pages: \
            the overview at URL and every page the site's documentation index (llms.txt) lists beside it. Whatever \
            the format can't express, or a page doesn't show, is a warning at its place; where the importer guessed \
            (names, the envelope, groups, paging), the YAML says so in a `# guessed:` comment. The spec is validated \
            before anything is written: a broken document, or pages without an operation, write nothing.
            """
    )

    @Argument(help: "An OpenAPI document, or doc page files and folders.")
    var inputs: [String] = []

    @Option(name: .customLong("pages-of"), help: "The address of a service's overview page: import every page of the service.")
    var pagesOf: String?

    @Option(name: .long, help: "The folder to write the spec to (created if missing; must not hold a spec).")
    var output: String

    @Option(name: .long, help: "With --pages-of: where fetched pages are cached (default: .build/docs-check-cache).")
    var cache: String = ".build/docs-check-cache"

    func validate() throws {
        if inputs.isEmpty == (pagesOf == nil) { throw ValidationError("give an OpenAPI document, doc pages, or --pages-of URL (one of them)") }
    }

    /// One OpenAPI document, by its extension.
    var isOpenAPI: Bool {
        inputs.count == 1 && ["yaml", "yml", "json"].contains((inputs[0] as NSString).pathExtension.lowercased())
    }

    func run() async throws {
        // A spec already there would be mixed with the new one (stale group files, operations twice): import into
        // a folder of its own, never over someone's edits.
        let existing = FileManager.default.enumerator(atPath: output)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") } ?? []
        if !existing.isEmpty {
            Console.printError("import failed: \(output) already holds a spec (\(existing.sorted().prefix(3).joined(separator: ", "))\(existing.count > 3 ? ", …" : "")); import into an empty or new folder")
            throw ExitCode.failure
        }
        let files: [OutputFile]
        let summary: String
        do {
            if isOpenAPI {
                let result = try OpenAPIImport.importDocument(at: inputs[0])
                Console.print(result.warnings)
                files = result.files
                summary = "\(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")"
            } else {
                let pages = try await readPages()
                let result = try PageImport.importPages(pages)
                Console.print(result.warnings)
                files = result.files
                summary = "from \(pages.count) page\(pages.count == 1 ? "" : "s"), \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")"
            }
        } catch let errors as SpecErrors {
            Console.print(errors.diagnostics)
            let count = errors.diagnostics.filter { $0.severity == .error }.count
            Console.printError("import failed: \(count) error\(count == 1 ? "" : "s"); nothing was written")
            throw ExitCode.failure
        } catch let error as GenerationError {
            Console.printError("import failed: \(error.message); nothing was written")
            throw ExitCode.failure
        }
        do {
            for file in files {
                let path = (output as NSString).appendingPathComponent(file.name)
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            Console.printError("import failed: \(output) can't be written: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        // The promise is a spec that validates; say so, or say what to fix.
        let (spec, diagnostics) = SpecCompiler.compile(paths: [output])
        let errors = diagnostics.filter { $0.severity == .error }
        Console.print(diagnostics)
        guard errors.isEmpty else {
            Console.printError("import wrote \(output), but it doesn't validate yet: \(errors.count) error\(errors.count == 1 ? "" : "s") above")
            throw ExitCode.failure
        }
        print("imported \(spec.operations.count) operations, \(spec.types.count + spec.enums.count) types into \(output) (\(summary)); review it, then `ncp-codegen --spec \(output) --output …`")
    }

    private func readPages() async throws -> [PageModel] {
        guard let pagesOf else { return try PageFiles.read(inputs) }
        let fetcher = PageFetcher(cacheFolder: cache, progress: Console.progressLine)
        let (pages, failures) = try await fetcher.fetchService(of: pagesOf)
        for failure in failures { Console.printError("\(failure.url): warning: \(failure.reason); not imported") }
        return pages
    }
}
