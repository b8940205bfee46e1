/// A body built field by field, as generated code fills a form: values by name, a nil value left out, an enum by
/// its raw value, a list as the name repeated.
public protocol NCPFieldCollecting {
    /// Adds one field's text.
    mutating func appendText(_ name: String, _ text: String)
}

extension NCPFieldCollecting {
    /// Adds a value's text; a nil value adds nothing.
    public mutating func append(_ name: String, _ value: (some CustomStringConvertible)?) {
        guard let value else { return }
        appendText(name, value.description)
    }

    /// Adds an enum's raw value.
    public mutating func append<Value: RawRepresentable>(_ name: String, _ value: Value?) where Value.RawValue == String {
        append(name, value?.rawValue)
    }

    /// Adds one field per value, each under `name`.
    public mutating func append(_ name: String, _ values: [some CustomStringConvertible]?) {
        for value in values ?? [] { append(name, value) }
    }

    /// Adds one field per enum value, each under `name`.
    public mutating func append<Value: RawRepresentable>(_ name: String, _ values: [Value]?) where Value.RawValue == String {
        append(name, values?.map(\.rawValue))
    }
}
