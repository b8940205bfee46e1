/// A spec `note` records why the spec departs from the docs on purpose. It turns a disagreement into a note only
/// for what it speaks of: a note about a field's default doesn't hide the page dropping the field, and a note
/// about where a length comes from doesn't hide a page that now states a different type.
enum RecordedDeparture {
    /// Words that show a note speaks of an aspect, in lower case. Decided here, once, and listed in FORMAT.md.
    static let vocabulary: [DocFinding.Category: [String]] = [
        .type: ["type", "documented as", "as string", "as integer", "array<", "opaque", "returned as"],
        .requiredness: ["required", "optional", "requires"],
        .limit: ["length", "character", "limit", "maximum", "minimum", "at most", "at least", "up to", "items", "blank"],
        .defaultValue: ["default"],
        .forbiddenCharacters: ["character", "forbid"],
        .field: ["not listed", "doesn't list", "don't list", "not documented", "undocumented", "documented beside", "not on the page",
                 "missing from", "spells"],
        .error: ["message", "word", "spell", "lists", "table", "under both"],
    ]

    /// Whether `note` records a departure of this kind.
    static func covers(_ note: String, _ category: DocFinding.Category) -> Bool {
        let text = note.lowercased()
        return vocabulary[category, default: []].contains { text.contains($0) }
    }
}
