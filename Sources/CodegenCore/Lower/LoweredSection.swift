/// A section of the render model (the types, the operations of a group, …) whose elements are lowered when a
/// template reaches them, not up front.
///
/// Each output file renders on its own thread and walks only its own sections, so lowering runs in parallel
/// with rendering and a section's models live only while their element renders: at 100 times the real spec
/// the whole model would otherwise add tens of megabytes to the peak. An element asked for twice is lowered
/// twice, which no template of ours does.
struct LoweredSection<Element>: RandomAccessCollection, Sendable {
    let startIndex = 0
    let endIndex: Int
    private let lowerElement: @Sendable (Int) -> Element

    /// The section with one element per source, lowered by `lower`.
    init<Source: Sendable>(_ sources: [Source], _ lower: @escaping @Sendable (Source) -> Element) {
        endIndex = sources.count
        lowerElement = { lower(sources[$0]) }
    }

    subscript(position: Int) -> Element {
        lowerElement(position)
    }
}
