import Foundation

/// How the runtime's types describe what they hold without showing a secret or walking into a transport.
enum SafeDescription {
    /// A value's type name: all that is shown of transports, middlewares and user-supplied providers, whose
    /// own reflection may hold sessions, headers or keys.
    static func typeName(of value: Any) -> String {
        String(describing: type(of: value))
    }

    /// A transport: our own by their description, which we control; any other by its type name.
    static func transport(_ transport: Any) -> String {
        (transport as? RedirectRefusingTransport)?.description ?? typeName(of: transport)
    }

    /// A URL without its user name and password, if it has any.
    static func url(_ url: URL) -> String {
        guard url.user != nil || url.password != nil,
              var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        components.user = nil
        components.password = nil
        return components.string ?? "<url>"
    }

    /// `Name(label: value, …)`, the form every runtime type prints in.
    static func render(_ typeName: String, _ fields: KeyValuePairs<String, String>) -> String {
        typeName + "(" + fields.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }
}
