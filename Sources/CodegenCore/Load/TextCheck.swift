/// Finds what makes a spec file's text unfit for YAML, and where, counting lines and columns as an editor does.
///
/// libyaml counts U+2028, U+2029 and NEL as line breaks, so its line numbers drift from an editor's after one;
/// YAML forbids most other control characters. Both are refused here, at their place, before parsing.
enum TextCheck {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first character the file may not hold as written.
    static func firstProblem(in text: String) -> Problem? {
        // A quick pass over the bytes first: nearly every file holds none of these characters (tabs and line
        // breaks are fine, and U+FEFF starts with 0xEF).
        guard text.utf8.contains(0xEF) || TextScan.hasControlOrSeparator(text, allowingLineBreaks: true) else { return nil }
        var line = 1, column = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            column += 1
            switch scalar.value {
            case 0x0A:
                if !previousWasCR { line += 1 }
                column = 0
            case 0x0D:
                line += 1
                column = 0
            case 0x09:
                break
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029:
                let code = "U+" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count)) + String(scalar.value, radix: 16, uppercase: true)
                let escape = scalar.value > 0xFF ? "\\u" + code.dropFirst(2) : "\\x" + code.suffix(2)
                return Problem(line: line, column: column,
                               message: "the control character \(code) can't stand in a YAML file as is; write it as \(escape) inside a double-quoted string")
            case 0xFEFF where line > 1 || column > 1:
                return Problem(line: line, column: column, message: "a byte-order mark (U+FEFF) can only open a file; remove this one")
            default:
                break
            }
            previousWasCR = scalar.value == 0x0D
        }
        return nil
    }

    /// Where the first invalid UTF-8 sequence starts, as a line and column of the valid text before it.
    static func firstInvalidUTF8(in bytes: some Collection<UInt8>) -> (line: Int, column: Int)? {
        var line = 1, column = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                column += 1
                if scalar == "\n" { line += 1; column = 0 }
            case .emptyInput:
                return nil
            case .error:
                return (line, column + 1)
            }
        }
    }
}
