/// Reads Mustache text into a `Template`: the tags of the Mustache specification (variables, sections, inverted
/// sections, comments, partials, set delimiters) and swift-mustache's `{{% CONTENT_TYPE: … }}`, which the
/// built-in templates and any copy of them start with.
///
/// Whitespace follows the specification: a line that holds only a section, inverted section, closing, comment,
/// partial, set-delimiter or content-type tag (and spaces or tabs) leaves nothing behind, its newline included.
struct TemplateParser {
    private let characters: [Character]
    private var position = 0
    private var opening = "{{"
    private var closing = "}}"

    init(_ text: String) {
        characters = Array(text)
    }

    /// Parses the whole text.
    /// - Throws: `TemplateSyntaxError` at the first problem, with its line and column.
    static func parse(_ text: String) throws(TemplateSyntaxError) -> Template {
        var parser = TemplateParser(text)
        return Template(nodes: try parser.nodes(closing: nil, startsLine: true))
    }

    // MARK: Structure

    /// Nodes up to the end of the text, or up to `{{/name}}` when inside the section `name`.
    private mutating func nodes(closing section: (name: String, start: Int)?, startsLine: Bool) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var atLineStart = startsLine
        var indentation = ""
        while position < characters.count {
            if atLineStart {
                indentation = readBlanks()
            }
            let text = readText()
            if position < characters.count, isNewline(characters[position]) {
                nodes.append(.text(indentation + text + String(characters[position])))
                position += 1
                atLineStart = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(indentation + text))
                indentation = ""
                atLineStart = false
            }
            guard position < characters.count else { break }
            // `readText` stopped on an opening delimiter and consumed it.
            let tagStart = position - opening.count
            var standalone = false
            switch characters[position] {
            case "#", "^":
                let inverted = characters[position] == "^"
                position += 1
                let name = try readName(at: tagStart)
                standalone = atLineStart && finishLineIfBlank()
                if !standalone, !indentation.isEmpty {
                    nodes.append(.text(indentation))
                    indentation = ""
                }
                let children = try self.nodes(closing: (name.spelling, tagStart), startsLine: standalone)
                nodes.append(.section(name, children, inverted: inverted))
            case "/":
                position += 1
                let name = try readName(at: tagStart)
                guard let section, name.spelling == section.name else {
                    throw error(section.map { "'{{/\(name.spelling)}}' closes '{{#\($0.name)}}'" }
                        ?? "'{{/\(name.spelling)}}' closes a section that was never opened", at: tagStart)
                }
                if !(atLineStart && finishLineIfBlank()), !indentation.isEmpty {
                    nodes.append(.text(indentation))
                }
                return nodes
            case "!":
                position += 1
                guard let end = find(closing, from: position) else { throw error("the comment is never closed", at: tagStart) }
                position = end + closing.count
                standalone = atLineStart && finishLineIfBlank()
            case "{", "&":
                let triple = characters[position] == "{"
                if !indentation.isEmpty {
                    nodes.append(.text(indentation))
                    indentation = ""
                }
                position += 1
                let name = try readName(at: tagStart, before: triple ? "}" + closing : closing)
                nodes.append(.variable(name, escaped: false))
            case ">":
                position += 1
                let name = try readPartialName(at: tagStart)
                if !indentation.isEmpty {
                    nodes.append(.text(indentation))
                }
                standalone = atLineStart && finishLineIfBlank()
                nodes.append(.partial(name, indentation: standalone ? indentation : ""))
                indentation = ""
            case "=":
                position += 1
                try readDelimiters(at: tagStart)
                standalone = atLineStart && finishLineIfBlank()
            case "%":
                position += 1
                nodes.append(.contentType(try readContentType(at: tagStart)))
                standalone = atLineStart && finishLineIfBlank()
            case "<", "$":
                throw error("template inheritance ('{{\(characters[position])…}}') is not supported; use partials", at: tagStart)
            default:
                if !indentation.isEmpty {
                    nodes.append(.text(indentation))
                    indentation = ""
                }
                nodes.append(.variable(try readName(at: tagStart), escaped: true))
            }
            atLineStart = standalone
        }
        if let section {
            throw error("'{{#\(section.name)}}' is never closed", at: section.start)
        }
        return nodes
    }

    // MARK: Text

    /// Spaces and tabs at the start of a line.
    private mutating func readBlanks() -> String {
        let start = position
        while position < characters.count, characters[position] == " " || characters[position] == "\t" { position += 1 }
        return String(characters[start..<position])
    }

    /// Text up to a newline (not consumed) or an opening delimiter (consumed), or the end.
    private mutating func readText() -> String {
        let start = position
        while position < characters.count {
            if isNewline(characters[position]) {
                return String(characters[start..<position])
            }
            if matches(opening, at: position) {
                let text = String(characters[start..<position])
                position += opening.count
                return text
            }
            position += 1
        }
        return String(characters[start..<position])
    }

    /// After a tag: when only blanks follow before the line ends, consumes them and the newline.
    private mutating func finishLineIfBlank() -> Bool {
        var end = position
        while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
        if end == characters.count {
            position = end
            return true
        }
        guard isNewline(characters[end]) else { return false }
        position = end + 1
        return true
    }

    private func isNewline(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n"
    }

    // MARK: Tags

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    /// A tag's name and its closing delimiter (`terminator`).
    private mutating func readName(at tagStart: Int, before terminator: String? = nil) throws(TemplateSyntaxError) -> TemplateName {
        let terminator = terminator ?? closing
        guard let end = find(terminator, from: position) else {
            throw error("the tag is never closed with '\(terminator)'", at: tagStart)
        }
        let spelling = String(characters[position..<end]).trimmingBlanks
        if spelling.contains("(") {
            throw error("'\(spelling)': transforms are not supported; the render model offers what templates print", at: tagStart)
        }
        guard !spelling.isEmpty, spelling.allSatisfy(Self.nameCharacters.contains) else {
            throw error("'\(spelling)' is not a name: letters, digits, '.', '-', '_', '?' and '*'", at: tagStart)
        }
        position = end + terminator.count
        return TemplateName(spelling)
    }

    private mutating func readPartialName(at tagStart: Int) throws(TemplateSyntaxError) -> String {
        guard let end = find(closing, from: position) else { throw error("the partial tag is never closed", at: tagStart) }
        let name = String(characters[position..<end]).trimmingBlanks
        if name.hasPrefix("*") {
            throw error("dynamic partials ('{{>*…}}') are not supported", at: tagStart)
        }
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
            throw error("'\(name)' is not a partial's name", at: tagStart)
        }
        position = end + closing.count
        return name
    }

    /// `{{=<% %>=}}`: the delimiters from here on.
    private mutating func readDelimiters(at tagStart: Int) throws(TemplateSyntaxError) {
        guard let end = find("=" + closing, from: position) else {
            throw error("a set-delimiter tag is '\(opening)=OPEN CLOSE=\(closing)'", at: tagStart)
        }
        let parts = String(characters[position..<end]).split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error("a set-delimiter tag is '\(opening)=OPEN CLOSE=\(closing)'", at: tagStart)
        }
        position = end + 1 + closing.count
        opening = String(parts[0])
        closing = String(parts[1])
    }

    /// `{{% CONTENT_TYPE: TEXT}}` or `HTML`.
    private mutating func readContentType(at tagStart: Int) throws(TemplateSyntaxError) -> TemplateContentType {
        guard let end = find(closing, from: position) else { throw error("the '%' tag is never closed", at: tagStart) }
        let parts = String(characters[position..<end]).split(separator: ":", maxSplits: 1).map { String($0).trimmingBlanks }
        position = end + closing.count
        guard parts.count == 2, parts[0] == "CONTENT_TYPE" else {
            throw error("the only setting is 'CONTENT_TYPE: TEXT' or 'CONTENT_TYPE: HTML'", at: tagStart)
        }
        switch parts[1] {
        case "TEXT": return .text
        case "HTML": return .html
        default: throw error("'\(parts[1])' is not a content type: TEXT or HTML", at: tagStart)
        }
    }

    // MARK: Helpers

    private func matches(_ delimiter: String, at index: Int) -> Bool {
        var index = index
        for character in delimiter {
            guard index < characters.count, characters[index] == character else { return false }
            index += 1
        }
        return true
    }

    private func find(_ delimiter: String, from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            if matches(delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func error(_ message: String, at index: Int) -> TemplateSyntaxError {
        var line = 1, column = 1
        for character in characters[..<min(index, characters.count)] {
            if isNewline(character) {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return TemplateSyntaxError(message: message, line: line, column: column)
    }
}

/// A template that doesn't parse, and where.
struct TemplateSyntaxError: Error, Equatable {
    let message: String
    let line: Int
    let column: Int
}

private extension String {
    var trimmingBlanks: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
