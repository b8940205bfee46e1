/// Turns wire names into Swift names that follow the API Design Guidelines.
public enum SwiftNames {
    /// Words Swift reserves; a name equal to one is written in backticks.
    static let reserved: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "any",
        "catch", "false", "is", "nil", "super", "self", "Self", "throw", "throws", "true", "try", "Type", "Protocol",
    ]

    /// Acronyms written in one case, as the guidelines ask (`projectID`, `workspaceURL`).
    static let acronyms: [String: String] = ["Id": "ID", "Ids": "IDs", "Url": "URL", "Urls": "URLs"]

    /// `workspace_name` → `workspaceName`, `ANALYZE_COMPLETED` → `analyzeCompleted`, `ZH-CN` → `zhCN`,
    /// `projectId` → `projectID`.
    public static func lowerCamel(_ wire: String) -> String {
        let words = split(wire)
        guard let first = words.first else { return "_" }
        var name = first.lowercased()
        for word in words.dropFirst() {
            name += capitalizedWord(word)
        }
        if let digit = name.first, digit.isNumber { name = "_" + name }
        return name
    }

    /// `sceneRange` → `SceneRange`.
    public static func upperCamel(_ wire: String) -> String {
        let lower = lowerCamel(wire)
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    /// The name as written in Swift source: backticked when reserved.
    public static func escaped(_ name: String) -> String {
        reserved.contains(name) ? "`\(name)`" : name
    }

    /// Splits on `_`, `-`, spaces and lower-to-upper case changes; an all-caps word stays one word.
    static func split(_ wire: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in wire {
            if character == "_" || character == "-" || character == " " || character == "." {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let previous, previous.isLowercase || previous.isNumber, character.isUppercase, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func capitalizedWord(_ word: String) -> String {
        let isAllCaps = word.allSatisfy { !$0.isLowercase }
        if isAllCaps && word.count <= 2 { return word.uppercased() } // CN, TW, ID
        let title = word.prefix(1).uppercased() + (isAllCaps ? word.dropFirst().lowercased() : String(word.dropFirst()))
        return acronyms[title] ?? title
    }
}
