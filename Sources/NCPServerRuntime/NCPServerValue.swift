import Foundation
public import NCPRuntime

/// A value a path, query or header parameter (or a form field) carries as text.
public protocol NCPServerValue: Sendable {
    /// The value the text stands for, or nil when it can't.
    init?(serverText: String)
}

extension String: NCPServerValue {
    public init?(serverText: String) { self = serverText }
}

extension Int: NCPServerValue {
    public init?(serverText: String) { self.init(serverText) }
}

extension Int32: NCPServerValue {
    public init?(serverText: String) { self.init(serverText) }
}

extension Int64: NCPServerValue {
    public init?(serverText: String) { self.init(serverText) }
}

extension Double: NCPServerValue {
    public init?(serverText: String) { self.init(serverText) }
}

extension Bool: NCPServerValue {
    public init?(serverText: String) {
        switch serverText {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension NCPDateTime: NCPServerValue {
    public init?(serverText: String) { self.init(rawValue: serverText) }
}

/// Generated enums conform with no code of their own: their raw value is their text.
extension NCPServerValue where Self: RawRepresentable, RawValue == String {
    public init?(serverText: String) { self.init(rawValue: serverText) }
}
