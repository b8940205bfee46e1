import ArgumentParser
import CodegenCore
import Foundation

/// `ncp-codegen docs-check [PAGES…] [--fetch]`: where the spec and NAVER's doc pages disagree.
struct DocsCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs-check",
        abstract: "Compares the spec with NAVER's doc pages and reports every disagreement at the spec's file:line:col.",
        discussion: """
            PAGES are files or folders of pages in the text or Markdown form NAVER's site serves. Each page is matched \
            to the operation whose method and path it documents; the overview page by its error table. With --fetch, \
            each operation's doc: URL is downloaded instead. Departures the spec records (note, wireNames) are \
            reported once as notes. Exit 1 when anything drifted.
            """
    )

    @Argument(help: "Doc page files or folders.")
    var pages: [String] = []

    @Option(name: .long, help: "The spec (default: spec).")
    var spec: String = "spec"

    @Flag(name: .long, help: "Download each operation's doc: page instead of reading files.")
    var fetch = false

    func validate() throws {
        if pages.isEmpty && !fetch { throw ValidationError("give doc pages (files or folders), or --fetch") }
    }

    func run() throws {
        let compiled = try Console.validSpec(at: spec, command: "docs-check", what: "the spec")
        let read: [DocPage]
        do {
            read = fetch ? try DocPages.fetch(for: compiled) : try DocPages.read(pages)
        } catch let error as GenerationError {
            Console.printError("docs-check failed: \(error.message)")
            throw ExitCode.failure
        }
        let findings = DocsChecker.check(compiled, pages: read)
        for finding in findings { print(finding.description) }
        let drift = findings.filter { $0.kind == .warning }.count
        let notes = findings.count - drift
        Console.printError("docs-check: \(read.count) page\(read.count == 1 ? "" : "s"), \(drift) disagreement\(drift == 1 ? "" : "s"), \(notes) recorded departure\(notes == 1 ? "" : "s")")
        if drift > 0 { throw ExitCode.failure }
    }
}
