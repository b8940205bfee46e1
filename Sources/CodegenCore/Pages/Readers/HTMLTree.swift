import Foundation

/// A forgiving HTML parse into an element tree: enough of HTML for NAVER's article pages (tables, lists,
/// paragraphs, code, entities), tolerant of the omitted end tags and stray markup real pages have. Scripts,
/// styles and comments are dropped here. Foundation's XML parser is no help: on Linux it rejects real HTML.
final class HTMLNode {
    enum Content {
        case element(name: String, attributes: [String: String])
        case text(String)
    }

    let content: Content
    var children: [HTMLNode] = []
    /// The 1-based source line of the start tag or text.
    let line: Int
    /// The source ended before this element's end tag: a cut-off page.
    var isUnclosed = false

    init(_ content: Content, line: Int) {
        self.content = content
        self.line = line
    }

    var name: String? {
        if case .element(let name, _) = content { return name }
        return nil
    }

    func attribute(_ key: String) -> String? {
        if case .element(_, let attributes) = content { return attributes[key] }
        return nil
    }

    /// The first element, depth first, for which `predicate` holds.
    func first(where predicate: (HTMLNode) -> Bool) -> HTMLNode? {
        if predicate(self) { return self }
        for child in children {
            if let found = child.first(where: predicate) { return found }
        }
        return nil
    }
}

enum HTMLTree {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    /// Elements whose content is not markup.
    static let rawTextElements: Set<String> = ["script", "style", "noscript", "template", "svg", "textarea", "iframe"]

    /// Parses a page; the root holds the top-level nodes.
    static func parse(_ html: String) -> HTMLNode {
        let root = HTMLNode(.element(name: "#root", attributes: [:]), line: 1)
        var stack: [HTMLNode] = [root]
        let scalars = Array(html.unicodeScalars)
        var position = 0
        var line = 1
        var text = String.UnicodeScalarView()
        var textLine = 1

        func flushText() {
            guard !text.isEmpty else { return }
            let decoded = HTMLEntities.decode(String(text))
            if !decoded.allSatisfy(\.isWhitespace) || stack.last?.name == "pre" || stack.last?.name == "code" {
                stack.last?.children.append(HTMLNode(.text(decoded), line: textLine))
            }
            text = String.UnicodeScalarView()
        }

        func close(_ name: String) {
            guard let index = stack.lastIndex(where: { $0.name == name }), index > 0 else { return }
            stack.removeSubrange(index...)
        }

        /// Start tags that end an open element the way browsers do: a new `<li>` ends the open one, `<td>` the
        /// open cell, `<tr>` the open row, `<p>` an open paragraph.
        func closeImplied(by name: String) {
            let closers: [String: (closes: Set<String>, stopAt: Set<String>)] = [
                "li": (["li"], ["ul", "ol", "table"]),
                "td": (["td", "th"], ["tr", "table"]),
                "th": (["td", "th"], ["tr", "table"]),
                "tr": (["tr", "td", "th"], ["table", "thead", "tbody", "tfoot"]),
                "thead": (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
                "tbody": (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
                "tfoot": (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
                "p": (["p"], ["div", "td", "th", "li", "table", "article", "section", "body"]),
                "dt": (["dt", "dd"], ["dl"]),
                "dd": (["dt", "dd"], ["dl"]),
            ]
            let blockStarts: Set<String> = ["div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section", "blockquote"]
            if blockStarts.contains(name), stack.last?.name == "p" { stack.removeLast() }
            guard let rule = closers[name] else { return }
            var index = stack.count - 1
            while index > 0, let current = stack[index].name, !rule.stopAt.contains(current) {
                if rule.closes.contains(current) {
                    stack.removeSubrange(index...)
                    return
                }
                index -= 1
            }
        }

        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "<", position + 1 < scalars.count {
                let next = scalars[position + 1]
                if next == "!" {
                    flushText()
                    let isComment = position + 3 < scalars.count && scalars[position + 2] == "-" && scalars[position + 3] == "-"
                    let terminator: [Unicode.Scalar] = isComment ? ["-", "-", ">"] : [">"]
                    let end = find(terminator, in: scalars, from: position + 2) ?? scalars.count
                    line += scalars[position..<min(end, scalars.count)].filter { $0 == "\n" }.count
                    position = min(scalars.count, end + terminator.count)
                    textLine = line
                    continue
                }
                if next == "/" || next.properties.isAlphabetic {
                    guard let end = tagEnd(scalars, from: position + 1) else {
                        // A tag cut off by the end of a cut page.
                        flushText()
                        position = scalars.count
                        break
                    }
                    flushText()
                    let tagText = String(String.UnicodeScalarView(scalars[(position + 1)..<end]))
                    let tagLine = line
                    line += tagText.filter { $0 == "\n" }.count
                    position = end + 1
                    if tagText.hasPrefix("/") {
                        let name = tagText.dropFirst().prefix { !$0.isWhitespace && $0 != ">" }.lowercased()
                        close(name)
                    } else {
                        let (name, attributes, selfClosing) = parseTag(tagText)
                        closeImplied(by: name)
                        let node = HTMLNode(.element(name: name, attributes: attributes), line: tagLine)
                        stack.last?.children.append(node)
                        if rawTextElements.contains(name) {
                            // Skip the element's content up to its end tag.
                            let closing = Array("</\(name)".unicodeScalars)
                            let end = findCaseInsensitive(closing, in: scalars, from: position) ?? scalars.count
                            line += scalars[position..<end].filter { $0 == "\n" }.count
                            if end == scalars.count { node.isUnclosed = true }
                            position = end < scalars.count ? (find([">"], in: scalars, from: end) ?? scalars.count) + 1 : end
                        } else if !selfClosing && !voidElements.contains(name) {
                            stack.append(node)
                        }
                    }
                    textLine = line
                    continue
                }
            }
            if text.isEmpty { textLine = line }
            if scalar == "\n" { line += 1 }
            text.append(scalar)
            position += 1
        }
        flushText()
        for node in stack.dropFirst() { node.isUnclosed = true }
        return root
    }

    private static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty, start < scalars.count else { return nil }
        var index = start
        while index + needle.count <= scalars.count {
            if scalars[index] == needle[0], Array(scalars[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }

    private static func findCaseInsensitive(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let lowered = needle.map { Unicode.Scalar(String($0).lowercased()) ?? $0 }
        var index = start
        while index + needle.count <= scalars.count {
            if scalars[index] == "<", (0..<needle.count).allSatisfy({ (Unicode.Scalar(String(scalars[index + $0]).lowercased()) ?? scalars[index + $0]) == lowered[$0] }) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The index of the `>` that ends a tag starting after `<`, skipping quoted attribute values.
    private static func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var quote: Unicode.Scalar?
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func parseTag(_ text: String) -> (String, [String: String], Bool) {
        let selfClosing = text.hasSuffix("/")
        let body = selfClosing ? String(text.dropLast()) : text
        let name = body.prefix { !$0.isWhitespace && $0 != "/" }.lowercased()
        var attributes: [String: String] = [:]
        var rest = Substring(body.dropFirst(name.count))
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard !rest.isEmpty else { break }
            let key = rest.prefix { !$0.isWhitespace && $0 != "=" }.lowercased()
            rest = rest.dropFirst(key.count).drop { $0.isWhitespace }
            guard rest.first == "=" else {
                if !key.isEmpty { attributes[key] = "" }
                if key.isEmpty { rest = rest.dropFirst() }
                continue
            }
            rest = rest.dropFirst().drop { $0.isWhitespace }
            var value: Substring
            if let quote = rest.first, quote == "\"" || quote == "'" {
                value = rest.dropFirst().prefix { $0 != quote }
                rest = rest.dropFirst(value.count + 2)
            } else {
                value = rest.prefix { !$0.isWhitespace }
                rest = rest.dropFirst(value.count)
            }
            attributes[key] = HTMLEntities.decode(String(value))
        }
        return (name, attributes, selfClosing)
    }
}

/// Character references in HTML text.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—", "hellip": "…",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bull": "•", "middot": "·", "times": "×", "copy": "©",
        "reg": "®", "trade": "™", "laquo": "«", "raquo": "»", "tilde": "˜", "sim": "∼", "larr": "←", "rarr": "→",
        "le": "≤", "ge": "≥", "ne": "≠", "minus": "−", "deg": "°", "plusmn": "±", "zwj": "", "zwnj": "", "shy": "",
        "vert": "|", "verbar": "|", "grave": "`", "lbrace": "{", "rbrace": "}", "lsqb": "[", "rsqb": "]", "semi": ";",
        "num": "#", "dollar": "$", "percnt": "%", "excl": "!", "quest": "?", "commat": "@", "ast": "*", "plus": "+",
        "comma": ",", "period": ".", "colon": ":", "lowbar": "_", "equals": "=", "sol": "/", "bsol": "\\", "Hat": "^",
        "lpar": "(", "rpar": ")",
    ]

    /// Replaces `&amp;`, `&#39;`, `&#x7C;` and the other references; an unknown one is kept as written.
    static func decode(_ text: String) -> String {
        guard text.has("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let reference = after[..<semicolon]
            var replacement: String?
            if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
                replacement = UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if reference.hasPrefix("#") {
                replacement = UInt32(reference.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                replacement = named[String(reference)]
            }
            if let replacement {
                result += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }
}
