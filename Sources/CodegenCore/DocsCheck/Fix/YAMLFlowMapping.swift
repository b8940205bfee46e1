/// A one-line YAML flow mapping (`{ type: string, maxLength: 30, description: "A, B." }`) split into its
/// entries, so one value can be changed or one entry added while every other character of the line stays.
struct YAMLFlowMapping {
    struct Entry {
        var key: String
        /// The value's text as written, quotes included.
        var value: String
    }

    var entries: [Entry]

    /// The entries of the mapping that spans `text` (the braces included), or nil when it is not a flat flow
    /// mapping this editor can rewrite.
    init?(_ text: String) {
        let trimmed = text.trimmed()
        guard trimmed.hasPrefix("{"), trimmed.hasSuffix("}") else { return nil }
        let inner = trimmed.dropFirst().dropLast()
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var escaped = false
        for character in inner {
            if let open = quote {
                current.append(character)
                if escaped { escaped = false } else if character == "\\" && open == "\"" { escaped = true } else if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character; current.append(character)
            case "{", "[": depth += 1; current.append(character)
            case "}", "]": depth -= 1; current.append(character)
            case "," where depth == 0: parts.append(current); current = ""
            default: current.append(character)
            }
        }
        guard quote == nil, depth == 0 else { return nil }
        if !current.trimmed().isEmpty { parts.append(current) }
        var entries: [Entry] = []
        for part in parts {
            let trimmedPart = part.trimmed()
            guard let colon = trimmedPart.firstIndex(of: ":") else { return nil }
            entries.append(Entry(key: trimmedPart[..<colon].trimmed(),
                                 value: trimmedPart[trimmedPart.index(after: colon)...].trimmed()))
        }
        self.entries = entries
    }

    /// Sets a key, where it is or before `description`/`note` (or at the end) when it is new.
    mutating func set(_ key: String, to value: String) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
            return
        }
        let before = key == "note" ? nil : entries.firstIndex { $0.key == "description" || $0.key == "note" }
        entries.insert(Entry(key: key, value: value), at: before ?? entries.count)
    }

    func value(of key: String) -> String? {
        entries.first { $0.key == key }?.value
    }

    var text: String {
        "{ " + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + " }"
    }
}
