import Foundation

/// The words a field row's cells are made of: types as NAVER writes them and required-ness in every wording.
enum CellWords {
    /// `String`, `Integer`, `Array<Integer>`, `Array[enum]`, `List<AttachFile>`, `Map<String, String>` … as a
    /// regular-expression alternative; case-insensitive, since some pages write `string` and `int`.
    static let typePattern = #"(?:(?:Array|List|Map|Set)\s*(?:<[^<>]*(?:<[^<>]*>)?[^<>]*>|\[[^\[\]]*\])|(?:Array|List)\\?|String|Integer|Int(?:32|64)?|Long|Boolean|Bool|Object|Number|Double|Float|Enum|DateTime|Date|Timestamp|File|JSON|TSV|Map|Binary|Byte\[\])"#

    static let requiredPattern = #"(?:Required|Optional|Conditional|Mandatory|Yes|No|Y|N|-)"#

    static let typeRegex = RegexCache.regex("(?i)^" + typePattern + "$")

    /// Whether a cell reads as a type.
    static func isType(_ text: String) -> Bool {
        let text = text.trimmed()
        guard !text.isEmpty, let typeRegex else { return false }
        return typeRegex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Required-ness as a row states it: `Required`, `Mandatory`, `Yes`, `Y` → required; `Optional`, `No`, `N`
    /// → optional; `Conditional` → conditional; `-` or anything else → not stated.
    static func requiredness(_ text: String) -> Requiredness? {
        switch text.trimmed().lowercased() {
        case "required", "mandatory", "yes", "y", "o", "필수": .required
        case "optional", "no", "n", "x", "선택": .optional
        case "conditional", "조건부": .conditional
        default: nil
        }
    }

    /// Whether a cell reads as a required-ness word, `-` included.
    static func isRequiredness(_ text: String) -> Bool {
        let text = text.trimmed()
        return text == "-" || requiredness(text) != nil
    }

    /// Whether text can be a field name as pages write it: `query.textQuery`, `content[].name`,
    /// `serverInstanceNoList.N`, `x-ncp-apigw-timestamp`, `tags[].id`.
    static func isFieldName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.[]-".unicodeScalars.contains($0) }
            && text.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }
}

/// Whether the docs make a field required.
public enum Requiredness: String, Sendable {
    case required, optional, conditional
}
