import Foundation

/// Places in a JSON config's text, so its errors point at a line and column instead of `1:1`.
enum JSONErrorText {
    /// Foundation's reason for refusing the JSON ("Invalid value") and the byte offset it names
    /// ("around character 22"), when it names one.
    static func reasonAndOffset(_ error: any Error) -> (reason: String, offset: Int?) {
        let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        guard let range = detail.range(of: " around character ") else { return (detail, nil) }
        let digits = detail[range.upperBound...].prefix { $0.isNumber }
        return (String(detail[..<range.lowerBound]), Int(digits))
    }

    /// The line and column (in characters) of a byte offset.
    static func location(ofByte offset: Int, in text: String, file: String) -> SourceLocation {
        let bytes = Array(text.utf8.prefix(max(0, offset)))
        let line = bytes.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart...], as: UTF8.self).count + 1
        return SourceLocation(file: file, line: line, column: column)
    }

    /// Where `"key"` followed by `:` first stands, or nil.
    static func location(ofKey key: String, in text: String, file: String) -> SourceLocation? {
        offset(ofKey: key, in: text).map { location(ofByte: $0, in: text, file: file) }
    }

    /// Where the string `"value"` first stands after `"key":`, or nil: a list item named in an error.
    static func location(ofValue value: String, underKey key: String, in text: String, file: String) -> SourceLocation? {
        let bytes = Array(text.utf8)
        guard let keyOffset = offset(ofKey: key, in: bytes),
              let valueOffset = firstOffset(of: Array(quoted(value).utf8), in: bytes, from: keyOffset) else { return nil }
        return location(ofByte: valueOffset, in: text, file: file)
    }

    private static func offset(ofKey key: String, in text: String) -> Int? {
        offset(ofKey: key, in: Array(text.utf8))
    }

    /// The first `"key"` followed, after any whitespace, by `:`.
    private static func offset(ofKey key: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(quoted(key).utf8)
        var from = 0
        while let index = firstOffset(of: needle, in: bytes, from: from) {
            var after = index + needle.count
            while after < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[after]) { after += 1 }
            if after < bytes.count, bytes[after] == UInt8(ascii: ":") { return index }
            from = index + 1
        }
        return nil
    }

    private static func firstOffset(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// A string as JSON writes it, for the plain names a config holds.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
