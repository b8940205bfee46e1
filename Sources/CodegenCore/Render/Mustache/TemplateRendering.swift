/// Renders parsed templates against a render model.
///
/// One rendering walks one template (and the partials it names) on one thread: the stack of values in scope is
/// pushed and popped in place and the output grows in one string, so a look-up costs a protocol call and a
/// string switch, never a cast or a copy of the stack.
struct TemplateRendering {
    private let library: TemplateLibrary
    private var scope: [TemplateValue]
    private(set) var output = ""

    init(library: TemplateLibrary, root: any TemplateObject, capacity: Int = 0) {
        self.library = library
        scope = [.object(root)]
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [TemplateNode], contentType: TemplateContentType = .html) {
        var contentType = contentType
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let name, let escaped):
                switch lookUp(name) {
                case .text(let text):
                    if escaped, contentType == .html {
                        TextScan.appendEscapingHTML(text, to: &output)
                    } else {
                        output += text
                    }
                case .flag(let flag):
                    output += flag ? "true" : "false"
                case .object, .list, .absent, nil:
                    break
                }
            case .section(let name, let children, let inverted):
                let value = lookUp(name)
                if inverted {
                    if Self.isEmpty(value) { render(children, contentType: contentType) }
                } else {
                    renderSection(value, children, contentType: contentType)
                }
            case .partial(let name, let indentation):
                guard let partial = library.templates[name] else { continue }
                if indentation.isEmpty {
                    render(partial.nodes) // a partial starts in Mustache's default content type, as in swift-mustache
                } else {
                    renderIndented(partial.nodes, by: indentation)
                }
            case .contentType(let type):
                contentType = type
            }
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, _ children: [TemplateNode], contentType: TemplateContentType) {
        switch value {
        case .flag(true):
            render(children, contentType: contentType)
        case .list(let list):
            for index in 0..<list.count {
                scope.append(list.element(at: index))
                render(children, contentType: contentType)
                scope.removeLast()
            }
        case .some(let opened) where Self.opensOnce(opened):
            scope.append(opened)
            render(children, contentType: contentType)
            scope.removeLast()
        default:
            break
        }
    }

    /// A partial alone on an indented line: every line it renders starts with that indentation (the first line's
    /// is the text before the tag).
    private mutating func renderIndented(_ nodes: [TemplateNode], by indentation: String) {
        // An offset, not an index: the index of the end would not be guaranteed to stay valid as the text grows.
        let offset = output.utf8.count
        render(nodes)
        let start = output.utf8.index(output.startIndex, offsetBy: offset)
        var indented = String.UnicodeScalarView()
        var atLineStart = false
        for scalar in output.unicodeScalars[start...] {
            if atLineStart {
                indented.append(contentsOf: indentation.unicodeScalars)
                atLineStart = false
            }
            indented.append(scalar)
            atLineStart = scalar == "\n" // the end of CRLF too
        }
        output.replaceSubrange(start..., with: String(indented))
    }

    /// Text and objects open a section once, with themselves in scope.
    private static func opensOnce(_ value: TemplateValue) -> Bool {
        switch value {
        case .text, .object: true
        case .flag, .list, .absent: false
        }
    }

    /// Inverted sections render for nothing, false, and an empty list.
    private static func isEmpty(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .absent, .flag(false): true
        case .list(let list): list.count == 0
        case .text, .object, .flag(true): false
        }
    }

    /// `.` is the current value; otherwise the first name is found in the nearest value that has it (or only in
    /// the current one for `.name`), and each further name in what the previous one found.
    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.path.first else { return scope.last }
        var found: TemplateValue?
        if name.anchored {
            found = scope.last.flatMap { Self.member(first, of: $0) }
        } else {
            for value in scope.reversed() {
                if let member = Self.member(first, of: value) {
                    found = member
                    break
                }
            }
        }
        for key in name.path.dropFirst() {
            guard let current = found else { return nil }
            found = Self.member(key, of: current)
        }
        return found
    }

    private static func member(_ key: String, of value: TemplateValue) -> TemplateValue? {
        if case .object(let object) = value { object.value(named: key) } else { nil }
    }
}

/// Templates by name, parsed once.
struct TemplateLibrary: Sendable {
    var templates: [String: Template] = [:]

    /// The template `name` rendered for `root`; nil when there is no such template.
    func render(_ root: any TemplateObject, template name: String, capacity: Int = 0) -> String? {
        guard let template = templates[name] else { return nil }
        var rendering = TemplateRendering(library: self, root: root, capacity: capacity)
        rendering.render(template.nodes)
        return rendering.output
    }
}
