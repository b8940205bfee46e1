/// What a template look-up answers: the few kinds of value Mustache distinguishes, said once, so rendering
/// never has to find out what a value is by casting it.
enum TemplateValue {
    /// Printed as it is (escaped under the HTML content type); opens a section once.
    case text(String)
    /// Opens a section when true, an inverted one when false; printed as `true` or `false`.
    case flag(Bool)
    /// A value with members; opens a section once, with its members in scope.
    case object(any TemplateObject)
    /// Opens a section once per element; an empty list opens inverted sections.
    case list(any TemplateList)
    /// A nil optional: prints nothing and opens inverted sections, and ends the look-up where it was found
    /// instead of letting an enclosing object's member of the same name show through.
    case absent
}

/// A value whose members the templates read by name.
protocol TemplateObject {
    /// The member named `key`, or nil when there is none (the look-up then asks the enclosing objects).
    func value(named key: String) -> TemplateValue?
}

/// Elements a section walks, each made when the section reaches it.
protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
}

extension Array: TemplateList where Element: TemplateObject {
    func element(at index: Int) -> TemplateValue { .object(self[index]) }
}

extension LoweredSection: TemplateList where Element: TemplateObject {
    func element(at index: Int) -> TemplateValue { .object(self[index]) }
}

/// Lines a section walks (`{{#docLines}}…{{/docLines}}`), each one text.
struct TextLines: TemplateList {
    let lines: [String]
    var count: Int { lines.count }
    func element(at index: Int) -> TemplateValue { .text(lines[index]) }
}

extension TemplateObject {
    /// How a model's look-up answers with a string.
    func text(_ value: String) -> TemplateValue { .text(value) }
    /// How a model's look-up answers with an optional string.
    func text(_ value: String?) -> TemplateValue { value.map(TemplateValue.text) ?? .absent }
    /// How a model's look-up answers with a flag.
    func flag(_ value: Bool) -> TemplateValue { .flag(value) }
    /// How a model's look-up answers with an optional member object.
    func object(_ value: (any TemplateObject)?) -> TemplateValue { value.map(TemplateValue.object) ?? .absent }
    /// How a model's look-up answers with elements.
    func list(_ value: any TemplateList) -> TemplateValue { .list(value) }
    /// How a model's look-up answers with lines.
    func lines(_ value: [String]) -> TemplateValue { .list(TextLines(lines: value)) }
}
