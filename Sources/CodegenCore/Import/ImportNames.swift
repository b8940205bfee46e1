/// The names an importer gives what it makes — operation ids, group keys, type names — decided here for both
/// importers (OpenAPI documents and doc pages), so a spec reads the same whichever it came from.
struct ImportNames {
    /// Type and enum names already given.
    private(set) var taken: Set<String> = []
    /// Operation ids already given.
    private(set) var takenIDs: Set<String> = []

    /// `inline_thing-name` → `InlineThingName`.
    static func upperCamel(_ text: String) -> String {
        let name = words(text).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return name.first?.isLetter == true ? name : "Schema" + name
    }

    /// `Create workspace` → `createWorkspace`; `get /things/{id}` → `getThingsId`; `SMS API` → `smsAPI`.
    static func lowerCamel(_ text: String) -> String {
        let parts = words(text)
        guard let first = parts.first else { return "" }
        // A leading acronym is lowered whole: `SMS` → `sms`, not `sMS`.
        let head = first.count > 1 && first.allSatisfy({ $0.isUppercase || $0.isNumber }) ? first.lowercased() : first.prefix(1).lowercased() + first.dropFirst()
        return head + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The ASCII letters and digits of a text, as words.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init)
    }

    /// A group key from a tag or a section title: `Media assets` → `mediaAssets`.
    static func groupKey(_ text: String) -> String {
        let key = lowerCamel(text)
        return key.first?.isLetter == true ? key : "default"
    }

    /// Registers a name taken by the spec as given (a component's own name).
    mutating func reserve(_ name: String) {
        taken.insert(name)
    }

    /// A type name not yet taken and not one the generated code uses or declares for itself.
    mutating func typeName(_ wanted: String) -> String {
        var base = Self.upperCamel(wanted)
        if GeneratedNames.referencedTypes.contains(base) || GeneratedNames.doubleNestedTypes.contains(base)
            || base.hasSuffix("Body") || base.hasSuffix("Input") || base.hasSuffix("Client") || base.hasSuffix("ClientProtocol") || base.hasSuffix("ClientDouble") {
            base += "Model"
        }
        var name = base
        var number = 2
        while taken.contains(name) {
            name = base + String(number)
            number += 1
        }
        taken.insert(name)
        return name
    }

    /// An operation id from its source text, not yet taken and not a member the generated client declares;
    /// `numbered` when another operation had it and a number was added.
    mutating func operationID(_ source: String) -> (id: String, numbered: Bool) {
        var id = Self.lowerCamel(source)
        if id.first?.isLetter != true { id = "operation" + Self.upperCamel(id) }
        if GeneratedNames.reservedMembers.contains(id) || id.hasSuffix("Pages") || id.hasPrefix("waitUntil") { id += "Operation" }
        var unique = id
        var number = 2
        while takenIDs.contains(unique) { unique = id + String(number); number += 1 }
        takenIDs.insert(unique)
        return (unique, unique != id)
    }
}
