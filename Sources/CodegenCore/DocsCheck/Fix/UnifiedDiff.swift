/// A unified diff of two texts, as `diff -u` prints it, for `docs-check --fix --dry-run`.
enum UnifiedDiff {
    static func make(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a != b else { return "" }
        // The longest common subsequence, by dynamic programming: spec files are a few hundred lines.
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        enum Line { case same(String), removed(String), added(String) }
        var lines: [(Line, Int, Int)] = [] // the line, and its number in the old and new text
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append((.same(a[i]), i, j)); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Removed lines before added ones, as `diff -u` prints a changed line.
                lines.append((.removed(a[i]), i, j)); i += 1
            } else {
                lines.append((.added(b[j]), i, j)); j += 1
            }
        }
        let changed = lines.indices.filter { if case .same = lines[$0].0 { false } else { true } }
        // `a/` and `b/` prefix a relative path, as git writes them; an absolute path stays as it is.
        let (oldName, newName) = path.hasPrefix("/") ? (path, path) : ("a/" + path, "b/" + path)
        var text = "--- \(oldName)\n+++ \(newName)\n"
        var start = 0
        while start < changed.count {
            var end = start
            while end + 1 < changed.count, changed[end + 1] - changed[end] <= context * 2 + 1 { end += 1 }
            let first = max(0, changed[start] - context), last = min(lines.count - 1, changed[end] + context)
            let hunk = lines[first...last]
            let oldCount = hunk.filter { if case .added = $0.0 { false } else { true } }.count
            let newCount = hunk.filter { if case .removed = $0.0 { false } else { true } }.count
            text += "@@ -\(hunk.first!.1 + (oldCount == 0 ? 0 : 1)),\(oldCount) +\(hunk.first!.2 + (newCount == 0 ? 0 : 1)),\(newCount) @@\n"
            for (line, _, _) in hunk {
                switch line {
                case .same(let value): text += " \(value)\n"
                case .removed(let value): text += "-\(value)\n"
                case .added(let value): text += "+\(value)\n"
                }
            }
            start = end + 1
        }
        return text
    }
}
