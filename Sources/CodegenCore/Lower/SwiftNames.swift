/// Turns wire names into Swift names that follow the API Design Guidelines.
public enum SwiftNames {
    /// Words Swift reserves; a name equal to one is written in backticks.
    static let reserved: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "any",
        "catch", "false", "is", "nil", "super", "self", "Self", "throw", "throws", "true", "try", "Type", "Protocol",
        "await", "async", "some", "_",
    ]

    /// Acronyms written in one case, as the guidelines ask (`projectID`, `workspaceURL`).
    static let acronyms: [String: String] = ["Id": "ID", "Ids": "IDs", "Url": "URL", "Urls": "URLs"]

    /// `workspace_name` → `workspaceName`, `ANALYZE_COMPLETED` → `analyzeCompleted`, `ZH-CN` → `zhCN`,
    /// `projectId` → `projectID`, `16:9` → `_16_9`, `C++` → `cPlusPlus`, `@type` → `type`; a name with no letter
    /// or digit at all becomes `unnamed`.
    public static func lowerCamel(_ wire: String) -> String {
        let words = split(wire)
        guard let first = words.first else { return "unnamed" }
        var name = first.lowercased()
        var previous = first
        for word in words.dropFirst() {
            // Two numbers in a row keep a separator: `16:9` is not `169`.
            if previous.last?.isNumber == true, word.first?.isNumber == true { name += "_" }
            name += capitalizedWord(word)
            previous = word
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

    /// Symbols that carry meaning in a name, spelled out; every other character that is not a letter or a digit
    /// separates words.
    static let spelledSymbols: [Character: String] = ["+": "Plus", "#": "Sharp", "&": "And", "%": "Percent"]

    /// Splits on every character that is not a letter or a digit, and on lower-to-upper case changes; an
    /// all-caps word stays one word.
    static func split(_ wire: String) -> [String] {
        if wire.utf8.allSatisfy({ $0 < 0x80 }) { return splitASCII(wire) }
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in wire {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                if let spelled = spelledSymbols[character] { words.append(spelled) }
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

    /// `split` over bytes, for the ASCII names nearly every spec uses: Character properties cost a Unicode
    /// look-up each, and names are split many times over.
    private static func splitASCII(_ wire: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previous: UInt8?
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in wire.utf8 {
            let isLower = (0x61...0x7A).contains(byte), isUpper = (0x41...0x5A).contains(byte), isDigit = (0x30...0x39).contains(byte)
            guard isLower || isUpper || isDigit else {
                flush()
                previous = nil
                if let spelled = spelledSymbols[Character(Unicode.Scalar(byte))] { words.append(spelled) }
                continue
            }
            if let previous, (0x61...0x7A).contains(previous) || (0x30...0x39).contains(previous), isUpper, !current.isEmpty { flush() }
            current.append(byte)
            previous = byte
        }
        flush()
        return words
    }

    private static func capitalizedWord(_ word: String) -> String {
        let isAllCaps = word.allSatisfy { !$0.isLowercase }
        if isAllCaps && word.count <= 2 { return word.uppercased() } // CN, TW, ID
        let title = word.prefix(1).uppercased() + (isAllCaps ? word.dropFirst().lowercased() : String(word.dropFirst()))
        return acronyms[title] ?? title
    }
}
