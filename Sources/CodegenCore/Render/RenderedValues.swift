import Mustache

/// A string the templates print. swift-mustache prints a plain `String` only after three failed dynamic casts
/// and a `String(describing:)`, a third of the rendering time; a value that says how it renders skips them.
struct RenderedText: MustacheCustomRenderable, MustacheParent {
    let renderText: String
    var isNull: Bool { false }

    init(_ text: String) {
        renderText = text
    }

    /// Text has no members. Answering (rather than not being a parent) spares swift-mustache's `Mirror` fallback
    /// for every look-up inside a section opened on text, such as `{{#inputType}}`.
    func child(named key: String) -> Any? { nil }
}

/// What a look-up answers for a nil optional. swift-mustache reads a nil answer as "not mine" and asks every
/// enclosing object in turn (a quarter of all look-ups walked the whole stack that way); an explicit null ends
/// the search where it belongs and renders exactly as nil would: empty, skipping `{{#…}}`, entering `{{^…}}`.
struct RenderedAbsence: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// Lines the templates walk with a section (`{{#docLines}}…{{/docLines}}`), each one a `RenderedText`.
struct RenderedLines: Sequence, MustacheSequence {
    let lines: [String]

    func makeIterator() -> LazyMapSequence<[String], RenderedText>.Iterator {
        lines.lazy.map(RenderedText.init).makeIterator()
    }
}

extension MustacheParent {
    /// How a model's look-up answers with a string.
    func text(_ value: String) -> RenderedText { RenderedText(value) }
    /// How a model's look-up answers with an optional string.
    func text(_ value: String?) -> any MustacheCustomRenderable { value.map(RenderedText.init) ?? RenderedAbsence() }
    /// How a model's look-up answers with an optional value of another kind.
    func present(_ value: (some Any)?) -> Any { value.map { $0 as Any } ?? RenderedAbsence() }
    /// How a model's look-up answers with lines.
    func lines(_ value: [String]) -> RenderedLines { RenderedLines(lines: value) }
}
