import ArgumentParser
import CodegenCore
import Foundation

/// `ncp-codegen docs-check [PAGES…] [--fetch] [--fix [--dry-run]]`: where the spec and NAVER's doc pages disagree.
struct DocsCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs-check",
        abstract: "Compares the spec with NAVER's doc pages and reports every disagreement at the spec's file:line:col.",
        discussion: """
            PAGES are files or folders of pages in any layout NAVER's site serves: the HTML article, the Markdown \
            export (<page-url>.md) or a text rendering. Each operation a page documents is matched to the spec's \
            operation with the same method and path; an overview page by its error table and API URL. With --fetch, \
            each operation's doc: page is downloaded (the Markdown export first, then the HTML page), and the site's \
            documentation index lists the service's pages that no operation cites. Departures the spec records (note, \
            wireNames) are notes. --fix writes the mechanical findings into the spec (new optional fields, limits, \
            defaults, enum values, error rows, rate limits), each with a note naming the page; --dry-run prints them \
            as a diff instead. Exit 0 with no drift, 1 when anything drifted, 2 when a page can't be read.
            """
    )

    @Argument(help: "Doc page files or folders.")
    var pages: [String] = []

    @Option(name: .long, help: "The spec (default: spec).")
    var spec: String = "spec"

    @Flag(name: .long, help: "Download each operation's doc: page instead of reading files.")
    var fetch = false

    @Flag(name: .long, help: "Write the mechanical findings into the spec files.")
    var fix = false

    @Flag(name: .long, help: "With --fix: print the edits as a unified diff and write nothing.")
    var dryRun = false

    @Option(name: .long, help: "With --fetch: where fetched pages are cached (default: .build/docs-check-cache).")
    var cache: String = ".build/docs-check-cache"

    @Option(name: .long, help: "With --fetch: seconds to wait for each page (default: 20).")
    var timeout: Double = 20

    func validate() throws {
        if pages.isEmpty && !fetch { throw ValidationError("give doc pages (files or folders), or --fetch") }
        if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
    }

    func run() async throws {
        let compiled = try Console.validSpec(at: spec, command: "docs-check", what: "the spec")
        var read: [PageModel] = []
        var uncited: [String] = []
        var fetchFailed = false
        do {
            if !pages.isEmpty { read += try PageFiles.read(pages) }
            if fetch {
                let fetched = try await PageFetcher(cacheFolder: cache, timeout: timeout, progress: Console.progressLine).fetch(for: compiled)
                read += fetched.pages
                uncited = fetched.uncitedPages
                for failure in fetched.failures { Console.printError("\(failure.url): error: \(failure.reason)") }
                fetchFailed = !fetched.failures.isEmpty
            }
        } catch let error as GenerationError {
            Console.printError("docs-check failed: \(error.message)")
            throw ExitCode.failure
        }
        let report = DocsChecker.check(compiled, pages: read)
        for finding in report.findings {
            if finding.kind == .error { Console.printError(finding.description) } else { print(finding.description) }
        }
        for page in uncited { print("\(compiled.service.location): note: the site's documentation index lists \(page), which no operation cites (a new operation?)") }
        Console.printError("docs-check: " + report.summary + (uncited.isEmpty ? "" : "; \(uncited.count) uncited page\(uncited.count == 1 ? "" : "s") in the index"))
        if fix { try applyFixes(report) }
        if !report.errors.isEmpty || fetchFailed { throw ExitCode(2) }
        if !report.warnings.isEmpty { throw ExitCode.failure }
    }

    private func applyFixes(_ report: DocsCheckReport) throws {
        let fixes = report.findings.compactMap(\.fix)
        guard !fixes.isEmpty else {
            Console.printError("docs-check --fix: nothing mechanical to write; the warnings above need a person")
            return
        }
        do {
            let result = try SpecEditor.apply(fixes, toSpecAt: [spec])
            if dryRun {
                print(result.diff, terminator: "")
                Console.printError("docs-check --fix --dry-run: \(result.applied) edit\(result.applied == 1 ? "" : "s") to \(result.files.count) file\(result.files.count == 1 ? "" : "s"); nothing written")
            } else {
                try result.write()
                Console.printError("docs-check --fix: wrote \(result.applied) edit\(result.applied == 1 ? "" : "s") to \(result.files.map(\.path).joined(separator: ", ")); run `ncp-codegen diff --against HEAD` to see what they mean for the Swift API")
            }
            for skipped in result.skipped { Console.printError("docs-check --fix: left for a person: \(skipped)") }
        } catch let error as SpecErrors {
            Console.print(error.diagnostics)
            Console.printError("docs-check --fix: the edited spec would not validate, so nothing was written")
            throw ExitCode.failure
        }
    }
}

extension Console {
    /// A line per page while fetching, on a terminal only.
    static func progressLine(_ line: String) {
        guard isatty(STDERR_FILENO) != 0 else { return }
        printError(line)
    }
}
