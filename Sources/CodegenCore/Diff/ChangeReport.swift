/// The changes between two specs as people read them: one line each, or a changelog section.
public enum ChangeReport {
    /// The semantic-version bump the changes call for: `major` for any breaking change, `minor` for additions,
    /// `patch` for documentation alone, `none` when nothing changed.
    public static func suggestedBump(_ changes: [SpecChange]) -> String {
        if changes.contains(where: { $0.kind == .breaking }) { return "major" }
        if changes.contains(where: { $0.kind == .compatible }) { return "minor" }
        return changes.isEmpty ? "none" : "patch"
    }

    /// `1 breaking, 3 compatible, 2 docs`: counts first, so no summary line starts like a change line does
    /// (`breaking: …`), and a script that counts lines by their kind counts only changes.
    static func counts(_ changes: [SpecChange]) -> String {
        SpecChange.Kind.allCases.map { kind in "\(changes.filter { $0.kind == kind }.count) \(kind.rawValue)" }.joined(separator: ", ")
    }

    /// One line per change, then a summary line starting `summary:`.
    public static func text(_ changes: [SpecChange]) -> String {
        guard !changes.isEmpty else { return "summary: no changes to the generated API\n" }
        return changes.map(\.description).joined(separator: "\n") + "\nsummary: \(counts(changes)); suggested version bump: \(suggestedBump(changes))\n"
    }

    /// A changelog section: the suggested bump, then the changes under a heading per kind.
    public static func markdown(_ changes: [SpecChange], title: String) -> String {
        var lines = ["## \(title)", ""]
        guard !changes.isEmpty else { return (lines + ["No changes to the generated API.", ""]).joined(separator: "\n") }
        lines += ["Suggested version bump: **\(suggestedBump(changes))** (\(counts(changes))).", ""]
        let headings: [SpecChange.Kind: String] = [.breaking: "Breaking changes", .compatible: "Compatible changes", .docs: "Documentation"]
        for kind in SpecChange.Kind.allCases {
            let some = changes.filter { $0.kind == kind }
            guard !some.isEmpty else { continue }
            lines += ["### \(headings[kind]!)", ""]
            lines += some.map { "- `\($0.symbol)`: \(escaped($0.message)) (`\($0.location)`)" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Markdown that would otherwise start emphasis or a link inside a message.
    static func escaped(_ text: String) -> String {
        var result = ""
        var inCode = false
        for character in text {
            if character == "`" { inCode.toggle() }
            if !inCode, "*_[]<>|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
