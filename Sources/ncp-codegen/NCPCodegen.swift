import ArgumentParser
import CodegenCore

/// `ncp-codegen`: compiles a NAVER Cloud API spec into a Swift client.
@main
struct NCPCodegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ncp-codegen",
        abstract: "Generates a Swift client for a NAVER Cloud Platform API from its YAML spec.",
        subcommands: [Generate.self, Validate.self, Diff.self, DocsCheck.self, ShowPage.self, Import.self, Export.self],
        defaultSubcommand: Generate.self
    )

    static func main() async {
        ProcessMemory.returnLargeBlocksPromptly()
        await main(nil)
    }
}
