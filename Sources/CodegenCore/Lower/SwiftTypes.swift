/// Maps spec shapes to Swift types and spec values to Swift literals.
struct SwiftTypes {
    let enums: NamedIndex<EnumType>
    let types: NamedIndex<ObjectType>

    init(spec: Spec) {
        enums = NamedIndex(spec.enums, name: \.name)
        types = NamedIndex(spec.types, name: \.name)
    }

    func name(of shape: Shape) -> String {
        switch shape {
        case .primitive(.string): "String"
        case .primitive(.int32): "Int"
        case .primitive(.int64): "Int64"
        case .primitive(.number): "Double"
        case .primitive(.boolean): "Bool"
        case .primitive(.datetime): "NCPDateTime"
        case .primitive(.json): "JSONValue"
        case .primitive(.file): "NCPFile"
        case .reference(let name): name
        case .array(let items): "[\(name(of: items.shape))]"
        }
    }

    /// The shape a type name in the spec stands for: a primitive, or a named enum or object type.
    static func shape(named name: String) -> Shape {
        Primitive(rawValue: name).map(Shape.primitive) ?? .reference(name)
    }

    /// The Swift name of an enum value.
    static func caseName(_ value: EnumValue) -> String {
        SwiftNames.escaped(value.swiftName ?? SwiftNames.lowerCamel(value.value))
    }

    /// A default value written as Swift: `1000`, `"x"`, `true`, `.medium`.
    func literal(_ value: SpecValue, for shape: Shape) -> String? {
        switch (value, shape) {
        case (.string(let text, _), .reference(let name)):
            guard let enumType = enums[name], let match = enumType.values.first(where: { $0.value == text }) else { return nil }
            return "." + Self.caseName(match)
        case (.string(let text, _), _):
            return Self.stringLiteral(text)
        case (.int(let number, _), _):
            return String(number)
        case (.bool(let flag, _), _):
            return flag ? "true" : "false"
        case (.double(let number, _), _):
            return String(number)
        default:
            return nil
        }
    }

    /// Any text as a Swift string literal: the one place text from a spec becomes a literal.
    static func stringLiteral(_ text: String) -> String {
        "\"" + literalContent(text) + "\""
    }

    /// A raw multi-line string literal (`#"""` … `"""#`) of `lines`, each put after `indentation`, with as many
    /// `#` as it takes that neither the closing delimiter nor an escape can occur in the text. Control and
    /// line-separating characters become `\#u{…}` escapes, so each line stays one line.
    static func rawMultilineLiteral(_ lines: [String], indentation: String) -> String {
        var hashes = "#"
        while lines.contains(where: { $0.contains("\"\"\"" + hashes) || $0.contains("\\" + hashes) }) { hashes += "#" }
        let body = lines.map { line -> String in
            guard TextScan.hasControlOrSeparator(line) else { return indentation + line }
            var safe = ""
            for scalar in line.unicodeScalars {
                if TextScan.isControlOrSeparator(scalar) {
                    safe += "\\" + hashes + "u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    safe.unicodeScalars.append(scalar)
                }
            }
            return indentation + safe
        }
        return hashes + "\"\"\"\n" + body.joined(separator: "\n") + "\n" + indentation + "\"\"\"" + hashes
    }

    /// The inside of a string literal for any text: quotes and backslashes escaped, and every control character,
    /// line or paragraph separator written as an escape, so nothing can end the literal or the line.
    static func literalContent(_ text: String) -> String {
        // Most text needs nothing; a byte scan says so without building a copy.
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C }) || TextScan.hasControlOrSeparator(text) else { return text }
        return TextScan.escaped(text) { scalar in
            scalar == "\0" ? "\\0" : "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// Whether values of this shape carry limits that must be checked before sending.
    func needsValidation(_ type: ObjectType, visiting: Set<String> = []) -> Bool {
        if !type.rules.isEmpty { return true }
        return type.properties.contains { needsValidation($0, visiting: visiting.union([type.name])) }
    }

    func needsValidation(_ field: Field, visiting: Set<String> = []) -> Bool {
        if !field.constraints.isEmpty { return true }
        switch field.shape {
        case .array(let items): return needsValidation(items, visiting: visiting)
        case .reference(let name):
            guard let type = types[name], !visiting.contains(name) else { return false }
            return needsValidation(type, visiting: visiting)
        case .primitive: return false
        }
    }
}

/// Doc comment text from the spec: wrapped, with constraints spelled out.
enum DocText {
    static let width = 100

    /// Splits text into lines of at most `width` characters at spaces.
    /// The one way spec text becomes doc-comment lines: every kind of line break (CR, CRLF, U+2028 …) ends a line,
    /// and other control characters become spaces, so no text can end the comment and turn into code.
    static func wrap(_ text: String, width: Int = width) -> [String] {
        let text = commentSafe(text)
        if text.utf8.count <= width, !text.utf8.contains(UInt8(ascii: "\n")) { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            // Lengths counted once per word: `String.count` walks the grapheme clusters every time it is asked.
            var length = 0
            for word in paragraph.split(separator: " ") {
                let wordLength = word.count
                if length > 0 && length + 1 + wordLength > width {
                    lines.append(line)
                    line = ""
                    length = 0
                }
                if length == 0 {
                    line = String(word)
                    length = wordLength
                } else {
                    line += " " + word
                    length += 1 + wordLength
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Text that must stay on one doc-comment line (a title inside a sentence): every line break becomes a space.
    static func oneLine(_ text: String) -> String {
        let safe = commentSafe(text)
        return safe.utf8.contains(UInt8(ascii: "\n")) ? safe.split(separator: "\n").joined(separator: " ") : safe
    }

    /// Lines assembled from spec text (a list item with a description, say) made safe: any line break inside one
    /// starts a new doc line instead of ending the comment.
    static func lines(_ lines: [String]) -> [String] {
        guard lines.contains(where: { TextScan.hasControlOrSeparator($0) }) else { return lines }
        return lines.flatMap { line in commentSafe(line).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Line breaks as `\n`, other control characters as spaces.
    static func commentSafe(_ text: String) -> String {
        guard TextScan.hasControlOrSeparator(text) else { return text }
        var safe = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasCR: continue // the LF of a CRLF
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: safe += "\n"
            case 0..<0x20, 0x7F...0x9F: safe += " "
            default: safe.unicodeScalars.append(scalar)
            }
        }
        return safe
    }

    /// `1–100 characters. Must not contain `;`, `|` or a backtick.`
    static func constraints(of field: Field, defaultLiteral: String?) -> String {
        let c = field.constraints
        var parts: [String] = []
        switch (c.minLength, c.maxLength) {
        case let (low?, high?): parts.append("\(low)–\(high) characters.")
        case let (low?, nil): parts.append("At least \(low) character\(low == 1 ? "" : "s").")
        case let (nil, high?): parts.append("At most \(high) characters.")
        default: break
        }
        switch (c.minimum, c.maximum) {
        case let (low?, high?): parts.append("From \(low) to \(high).")
        case let (low?, nil): parts.append("At least \(low).")
        case let (nil, high?): parts.append("At most \(high).")
        default: break
        }
        switch (c.minItems, c.maxItems) {
        case let (low?, high?): parts.append("\(low) to \(high) items.")
        case let (low?, nil): parts.append("At least \(low) item\(low == 1 ? "" : "s").")
        case let (nil, high?): parts.append("At most \(high) items.")
        default: break
        }
        if let pattern = c.pattern { parts.append("Matches `\(pattern)`.") }
        if let forbidden = c.forbiddenCharacters {
            // A backtick can't sit in a code span DocC reads (``…`` is its symbol-link syntax): it is named instead.
            let list = forbidden.map { $0 == "`" ? "a backtick" : "`\($0)`" }
            parts.append("Must not contain " + (list.count > 1 ? list.dropLast().joined(separator: ", ") + " or " + list.last! : list.joined()) + ".")
        }
        if c.notBlank { parts.append("Not blank.") }
        if let defaultLiteral { parts.append("Left out when nil; the service's default is `\(defaultLiteral)`.") }
        if !field.wireNames.isEmpty {
            parts.append("Also read from " + field.wireNames.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        return parts.joined(separator: " ")
    }

    /// The description, its constraints and its note, as one paragraph.
    static func field(_ field: Field, defaultLiteral: String?) -> String {
        var text = field.description
        let limits = constraints(of: field, defaultLiteral: defaultLiteral)
        if !limits.isEmpty { text += (text.isEmpty ? "" : " ") + limits }
        if let note = field.note { text += " Note: " + note }
        return text
    }

    /// `2027-01` → `January 2027`.
    static func month(_ removal: String) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let parts = removal.split(separator: "-")
        guard parts.count >= 2, let month = Int(parts[1]), (1...12).contains(month) else { return removal }
        return "\(names[month - 1]) \(parts[0])"
    }
}
