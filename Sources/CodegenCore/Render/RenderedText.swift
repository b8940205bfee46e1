import Mustache

/// A string the templates print. swift-mustache prints a plain `String` only after three failed dynamic casts
/// and a `String(describing:)`, a third of the rendering time; a value that says how it renders skips them.
struct RenderedText: MustacheCustomRenderable {
    let renderText: String
    var isNull: Bool { false }

    init(_ text: String) {
        renderText = text
    }
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
    /// How a model's look-up answers with an optional string: nil stays nil, so sections skip it.
    func text(_ value: String?) -> RenderedText? { value.map(RenderedText.init) }
    /// How a model's look-up answers with lines.
    func lines(_ value: [String]) -> RenderedLines { RenderedLines(lines: value) }
}
