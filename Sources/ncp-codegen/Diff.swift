import ArgumentParser
import CodegenCore
import Foundation

/// `ncp-codegen diff OLD NEW`: what a spec change does to the generated Swift API.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lists every change to the generated Swift API between two specs, as breaking, compatible or docs.",
        discussion: """
            OLD and NEW are spec files or folders. With --against REF, OLD is NEW as it was at the git revision REF \
            (NEW defaults to spec). Each line names the Swift symbol and the new spec's file:line:col.
            """
    )

    @Argument(help: "The old and new spec (files or folders); with --against, only the new one (default: spec).")
    var specs: [String] = []

    @Option(name: .long, help: "Compare with the spec at this git revision (a commit, tag or branch).")
    var against: String?

    @Option(name: .long, help: "text (one line per change) or markdown (a changelog section with a suggested version bump).")
    var format: String = "text"

    @Flag(name: .long, help: "Exit 1 when any change is breaking.")
    var failOnBreaking = false

    func validate() throws {
        guard ["text", "markdown"].contains(format) else { throw ValidationError("--format must be text or markdown, not '\(format)'") }
        if against != nil {
            guard specs.count <= 1 else { throw ValidationError("with --against, give at most the new spec (the old one comes from git)") }
        } else {
            guard specs.count == 2 else { throw ValidationError("give the old and the new spec, or --against REF") }
        }
    }

    func run() throws {
        let newPath = against == nil ? specs[1] : specs.first ?? "spec"
        var checkout: String?
        defer { if let checkout { try? FileManager.default.removeItem(atPath: checkout) } }
        let oldPath: String
        if let against {
            do {
                let (directory, path) = try GitRevision.extract(newPath, at: against)
                checkout = directory
                oldPath = path
            } catch let error as GenerationError {
                Console.printError("diff failed: \(error.message)")
                throw ExitCode.failure
            }
        } else {
            oldPath = specs[0]
        }
        // Both must be valid: the diff compares what each would generate.
        let old = try Console.validSpec(at: oldPath, command: "diff", what: "the old spec (\(oldPath))")
        let new = try Console.validSpec(at: newPath, command: "diff", what: "the new spec (\(newPath))")
        let changes = SpecDiff.compare(old: old, new: new)
        switch format {
        case "markdown":
            let title = (new.service.title.isEmpty ? new.service.name : new.service.title) + ": API changes"
            print(ChangeReport.markdown(changes, title: title), terminator: "")
        default:
            print(ChangeReport.text(changes), terminator: "")
        }
        if failOnBreaking, changes.contains(where: { $0.kind == .breaking }) {
            throw ExitCode.failure
        }
    }
}
