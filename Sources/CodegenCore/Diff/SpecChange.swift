/// One change between two specs, as it affects the generated Swift API.
public struct SpecChange: Sendable, Equatable, CustomStringConvertible {
    /// What a change means for code that uses the client.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        /// Code that compiled or worked may no longer: a removed or renamed symbol, a changed type, a narrower limit.
        case breaking
        /// Additions, wider limits, new optional fields, new error codes, wire renames that keep the Swift name.
        case compatible
        /// Descriptions, notes, doc links.
        case docs

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var kind: Kind
    /// The Swift symbol concerned: `listAssets(workspaceName:projectID:)`, `Asset.assetID`, `AnalysisStatus.analyzeFail`.
    public var symbol: String
    /// What changed, in words.
    public var message: String
    /// Where the change is in the new spec (for a removal, the nearest place that remains).
    public var location: SourceLocation

    /// Creates a change.
    public init(_ kind: Kind, _ symbol: String, _ message: String, at location: SourceLocation) {
        self.kind = kind
        self.symbol = symbol
        self.message = message
        self.location = location
    }

    /// `breaking: Asset.assetID: removed (spec/types.yaml:12:3)`.
    public var description: String {
        "\(kind.rawValue): \(symbol): \(message) (\(location))"
    }
}
