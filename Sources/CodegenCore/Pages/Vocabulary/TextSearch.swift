#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// Whether `other` occurs in the text, compared byte for byte. Foundation's `contains(_:)` on Linux goes
    /// through a locale-aware search that made reading a page several times slower; pages are compared exactly.
    func has(_ other: some StringProtocol) -> Bool {
        var text = String(self), needle = String(other)
        return text.withUTF8 { text in
            needle.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= text.count, let base = text.baseAddress, let wanted = needle.baseAddress else { return false }
                var offset = 0
                let last = text.count - needle.count
                while offset <= last {
                    guard let found = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                    let position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + position, wanted, needle.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}

extension StringProtocol {
    /// The text without white space or line breaks at either end; Foundation's `trimmingCharacters(in:)` copies
    /// through `NSString` on Linux.
    func trimmed() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
