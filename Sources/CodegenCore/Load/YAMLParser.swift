import Yams

/// Turns a file's text into a YAML node tree, refusing input that would crash or hang the parser.
enum YAMLParser {
    /// Deeper nesting than this is refused before parsing: the composer recurses once per level.
    static let maximumNesting = 64

    /// The root node, or nil with a diagnostic.
    static func parse(_ source: SpecSource, into diagnostics: inout Diagnostics) -> Node? {
        if source.text.allSatisfy(\.isWhitespace) {
            diagnostics.error("the file is empty", at: .start(of: source.path))
            return nil
        }
        if let problem = TextCheck.firstProblem(in: source.text) {
            diagnostics.error(problem.message, at: SourceLocation(file: source.path, line: problem.line, column: problem.column))
            return nil
        }
        if let tooDeep = firstOverlyNestedPlace(in: source.text) {
            diagnostics.error("the YAML is nested more than \(maximumNesting) levels deep", at: SourceLocation(file: source.path, line: tooDeep.line, column: tooDeep.column))
            return nil
        }
        do {
            // The basic resolver tags every scalar a string: the decoder reads scalars itself, and the default
            // resolver's regex per scalar was a third of the load time.
            guard let node = try Yams.compose(yaml: source.text, .basic) else {
                diagnostics.error("the file holds no YAML document", at: .start(of: source.path))
                return nil
            }
            return node
        } catch let error as YamlError {
            let (location, message) = describe(error, file: source.path)
            diagnostics.error(message, at: location)
            return nil
        } catch {
            diagnostics.error("the YAML can't be read: \(error)", at: .start(of: source.path))
            return nil
        }
    }

    /// Where flow brackets or block indentation first go deeper than the limit, if anywhere.
    ///
    /// A cheap pass over the text: it skips quoted strings and comments, counts `[`/`{`, and treats every
    /// two columns of indentation as a level (the real spec never goes past eight).
    static func firstOverlyNestedPlace(in text: String) -> (line: Int, column: Int)? {
        // Bytes, not Characters: every structural character is ASCII, and grapheme breaking cost more than
        // parsing. Columns count bytes here, which only matters for a line that is already far too deep.
        var line = 1, column = 0, depth = 0, indentation = 0
        var atLineStart = true, inComment = false
        var quote: UInt8?
        for byte in text.utf8 {
            column += 1
            if byte == UInt8(ascii: "\n") {
                line += 1; column = 0; atLineStart = true; indentation = 0; inComment = false
                if quote == UInt8(ascii: "'") { quote = nil } // single-quoted strings rarely span lines; don't let one swallow the file
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                    indentation += 1
                    if indentation / 2 > maximumNesting { return (line, column) }
                    continue
                }
                atLineStart = false
            }
            if inComment { continue }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "#"): inComment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumNesting { return (line, column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// libyaml's contexts that name the construct an error happened inside.
    static func opensSomething(_ context: String) -> Bool {
        ["while scanning a quoted scalar", "while parsing a flow sequence", "while parsing a flow mapping"].contains { context.hasPrefix($0) }
    }

    static func openedThing(_ context: String) -> String {
        if context.hasPrefix("while scanning a quoted scalar") { return "quoted string" }
        return context.hasPrefix("while parsing a flow sequence") ? "'['" : "'{'"
    }

    /// A located, readable message for a libyaml or Yams error.
    static func describe(_ error: YamlError, file: String) -> (SourceLocation, String) {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // An unclosed quote or bracket is found only where the file (or the flow) ends; what the user must fix
            // is where it opens, which libyaml gives as the context.
            if let context, opensSomething(context.text) {
                return (at(context.mark), "invalid YAML: this \(openedThing(context.text)) is never closed (\(problem) at line \(mark.line))")
            }
            let contextText = context.map { " \($0.text)" } ?? ""
            return (at(mark), "invalid YAML: \(problem)\(contextText)")
        case .reader(let problem, _, _, _):
            return (.start(of: file), "invalid YAML text: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = Array(Set(duplicates)).sorted().map { "'\($0)'" }.joined(separator: ", ")
            return (at(context.mark), "duplicate key \(names) in one mapping; each key may appear once")
        default:
            return (.start(of: file), "invalid YAML: \(error)")
        }
    }
}
