import Foundation

/// The spec's `pattern`s, each compiled once for the process: a generated method checks its arguments on every
/// call, and compiling the expression again each time cost more than the rest of the check.
final class CompiledPatterns: @unchecked Sendable {
    static let shared = CompiledPatterns()

    private let lock = NSLock()
    // Guarded by `lock`; nil for a pattern that doesn't compile, which then matches nothing, as before.
    private var compiled: [String: NSRegularExpression?] = [:]

    /// Whether `pattern` matches somewhere in `value`, as `range(of:options: .regularExpression)` finds it.
    func matches(_ value: String, _ pattern: String) -> Bool {
        let regex: NSRegularExpression? = lock.withLock {
            if let known = compiled[pattern] { return known }
            let made = try? NSRegularExpression(pattern: pattern)
            compiled[pattern] = made
            return made
        }
        guard let regex else { return false }
        return regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }
}
