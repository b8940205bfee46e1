/// Byte scans that tell whether text needs any care before it reaches Swift source, without decoding it: most
/// text needs none, and these run over every description, name and literal of a spec.
enum TextScan {
    /// Whether the text holds a control character (C0, DEL, C1) or U+2028/U+2029, which end a line or a literal.
    /// - Parameter allowingLineBreaks: Let tabs, LF and CR pass, as a YAML file may hold them.
    static func hasControlOrSeparator(_ text: String, allowingLineBreaks: Bool = false) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x09, 0x0A, 0x0D:
                if !allowingLineBreaks { return true }
            case 0x00..<0x20, 0x7F: return true
            case 0xC2: // U+0080...U+009F are C2 80...C2 9F
                if let next = utf8.next(), (0x80...0x9F).contains(next) { return true }
            case 0xE2: // U+2028 and U+2029 are E2 80 A8 and E2 80 A9
                if utf8.next() == 0x80, let last = utf8.next(), last == 0xA8 || last == 0xA9 { return true }
            default: break
            }
        }
        return false
    }

    /// The same test for one scalar: C0, DEL, C1, U+2028 or U+2029.
    static func isControlOrSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// `text` with backslashes, double quotes, newlines, returns and tabs escaped as C-family languages write
    /// them, and every other control or line-separating character by `escape`: the part Swift literals and JSON
    /// strings share.
    static func escaped(_ text: String, control escape: (Unicode.Scalar) -> String) -> String {
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where isControlOrSeparator(scalar): escaped += escape(scalar)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `text` as HTML text, what Mustache's `{{name}}` prints under its default content type: `<`, `>`, `&`, and
    /// both quotes as entities.
    static func appendEscapingHTML(_ text: String, to output: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
