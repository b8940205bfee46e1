/// Elements of a spec array found by name. It keeps positions, not copies: a dictionary of the elements
/// themselves (an `Operation` is almost 600 bytes) took ten megabytes at a hundred times the real spec.
struct NamedIndex<Element: Sendable>: Sendable {
    private let elements: [Element]
    private let positions: [String: Int]

    /// Indexes `elements` by `name`; when two share a name the first wins (the validator reports the second).
    init(_ elements: [Element], name: (Element) -> String) {
        self.elements = elements
        positions = Dictionary(elements.indices.map { (name(elements[$0]), $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(name: String) -> Element? {
        positions[name].map { elements[$0] }
    }

    /// Every name, for "did you mean" suggestions.
    var names: Dictionary<String, Int>.Keys { positions.keys }
}
