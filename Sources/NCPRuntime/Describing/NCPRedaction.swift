/// How generated types that hold a secret (a field the spec marks `sensitive`) describe themselves: every field
/// as usual, the secret ones as `<redacted>`, in `print`, string interpolation, `dump` and debuggers alike.
public enum NCPRedaction {
    /// What a secret reads as.
    public static let marker = "<redacted>"

    /// `Name(a: 1, secret: <redacted>)`.
    public static func description(of typeName: String, _ fields: [(label: String, text: String)]) -> String {
        typeName + "(" + fields.map { "\($0.label): \($0.text)" }.joined(separator: ", ") + ")"
    }

    /// A value as a description shows it: an optional's value, or `nil`.
    public static func text<Value>(_ value: Value?) -> String {
        value.map { String(describing: $0) } ?? "nil"
    }

    /// The mirror `dump` and debuggers walk: the same fields, as text, so nothing reaches the secret.
    public static func mirror(of subject: Any, _ fields: [(label: String, text: String)]) -> Mirror {
        Mirror(subject, children: fields.map { (label: Optional($0.label), value: $0.text as Any) }, displayStyle: .struct)
    }
}
