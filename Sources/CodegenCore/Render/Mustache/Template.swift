/// A parsed Mustache template: text, look-ups, sections and partials, with the whitespace rules already applied
/// (a line holding only a section, comment, partial or set-delimiter tag is gone from the text).
struct Template: Sendable {
    let nodes: [TemplateNode]
    /// The partials the template names, for a check that each exists before anything renders.
    var partialNames: [String] { TemplateNode.partialNames(in: nodes) }
}

enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped under the HTML content type) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`; a partial alone on its line is indented as that line was.
    case partial(String, indentation: String)
    /// `{{% CONTENT_TYPE: TEXT}}`: whether the rest of this template escapes for HTML.
    case contentType(TemplateContentType)

    static func partialNames(in nodes: [TemplateNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .partial(let name, _): [name]
            case .section(_, let children, _): partialNames(in: children)
            default: []
            }
        }
    }
}

/// How a look-up's text is escaped. Mustache's default is HTML; generated Swift says `TEXT` in every template.
enum TemplateContentType: Sendable {
    case html, text
}

/// A tag's name: `.` (the current value), `a.b` (`a` found in any enclosing value, then its `b`), or `.a`
/// (`a` of the current value only).
struct TemplateName: Sendable, Equatable {
    let path: [String]
    /// Whether the first name is looked up in the current value only, not in the enclosing ones too.
    let anchored: Bool
    let spelling: String

    init(_ spelling: String) {
        self.spelling = spelling
        anchored = spelling.first == "." && spelling != "."
        path = spelling == "." ? [] : spelling.split(separator: ".").map(String.init)
    }
}
