import ArgumentParser
import CodegenCore

/// `ncp-codegen show-page PAGES…`: what the page reader makes of doc pages.
struct ShowPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show-page",
        abstract: "Prints what docs-check and import read from doc pages: endpoint, fields with their limits, errors, examples, cuts.",
        discussion: "Use it when a docs-check finding looks wrong, to see whether the page was read as it means."
    )

    @Argument(help: "Doc page files or folders (HTML, Markdown export or text).")
    var pages: [String]

    func run() throws {
        do {
            for page in try PageFiles.read(pages) { print(page.summary) }
        } catch let error as GenerationError {
            Console.printError("show-page failed: \(error.message)")
            throw ExitCode.failure
        }
    }
}
