/// One disagreement between the spec and a doc page, placed in the spec.
public struct DocFinding: Sendable, Equatable, CustomStringConvertible {
    /// `warning` for drift; `note` for a departure the spec already records.
    public enum Kind: String, Sendable {
        case warning, note
    }

    public var kind: Kind
    /// Where in the spec the change belongs.
    public var location: SourceLocation
    public var message: String
    /// `page:line`.
    public var page: String

    /// `spec/types.yaml:12:7: warning: the docs say … (page.txt:40)`.
    public var description: String {
        "\(location): \(kind.rawValue): \(message) (\(page))"
    }
}
