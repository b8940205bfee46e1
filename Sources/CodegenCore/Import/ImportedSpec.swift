/// A spec as the importer builds it, before it is written out as YAML files a person will maintain.
struct ImportedSpec {
    struct Field {
        var name: String
        /// `string`, `int64`, `json`, `array`, or a type or enum name.
        var type: String
        var items: [Field] = []
        var required = false
        var nullable = false
        var description = ""
        var defaultValue: JSONText?
        /// `minLength: 1`, `pattern: "^a$"` … in the spec's key order.
        var limits: [(key: String, value: String)] = []
        var wireNames: [String] = []
        var swiftName: String?
        var note: String?
        /// A secret (`writeOnly`, `format: password` or our `x-ncp-sensitive`).
        var sensitive = false
        /// `path`, `query` or `header`, for parameters.
        var location: String?
        var style: String?
        var constant: JSONText?
    }

    struct ObjectType {
        var name: String
        var description: String
        var partial = false
        var properties: [Field] = []
        var rules: [JSONText] = []
        var comments: [String] = []
    }

    struct EnumType {
        var name: String
        var description: String
        var open: Bool
        var values: [(value: String, description: String, swiftName: String?)]
        var comments: [String] = []
    }

    struct Operation {
        var id: String
        var group: String
        var summary: String
        var description = ""
        var method: String
        var path: String
        var doc: String
        var parameters: [Field] = []
        var body: [Field]?
        var bodyPartial = false
        /// `multipart`, `form` or `binary`; nil for JSON.
        var bodyEncoding: String?
        var bodyRules: [JSONText] = []
        /// `none`, a type name, or `undocumented` with `resultDescription`.
        var result = "none"
        var resultDescription = ""
        var extras: [(key: String, value: String)] = []
        var examples: [JSONText] = []
        var notes: [String] = []
        var comments: [String] = []
    }

    var name = "Imported"
    var title = ""
    var description = ""
    var host = "api.example.com"
    var basePath = "/"
    var legacyHosts: [String] = []
    /// Sites and regions, when the document names several: `(site, region, host, basePath)`, host and base path nil
    /// where they are the service's.
    var endpoints: [(site: String, region: String, host: String?, basePath: String?)] = []
    var docs = ""
    var notes: [String] = []
    var authentication: String?
    /// The header of a service's own API key, and of its ID, where it takes one instead of a signature.
    var apiKeyHeader: String?
    var apiKeyIDHeader: String?
    /// Where callers find their own base URL, for a service called at its customers' invoke URLs.
    var invokeURL: String?
    var answers: String?
    var groups: [(key: String, title: String, description: String)] = []
    var types: [ObjectType] = []
    var enums: [EnumType] = []
    var operations: [Operation] = []
    var errors: [JSONText] = []
    var gatewayErrors: [JSONText] = []
    var waiters: [JSONText] = []
    var serviceComments: [String] = []
}

/// An answer's wrapper as the importer found it: in a success schema, or declared by `x-ncp-answers`.
struct ImportedEnvelope: Hashable {
    var result: String
    var code: String?
    var success: [String] = []
    var message: String?

    /// The wrapper whatever success codes it names: what two operations must share to share the service's.
    var fields: ImportedEnvelope {
        var copy = self
        copy.success = []
        return copy
    }

    /// `{"result": "result", "code": "code", "success": ["0"], "message": "message"}`, a YAML flow value.
    var text: String {
        var parts: [(key: String, value: JSONText)] = [("result", .string(result))]
        if let code { parts.append(("code", .string(code))) }
        if !success.isEmpty { parts.append(("success", .array(success.map(JSONText.string)))) }
        if let message { parts.append(("message", .string(message))) }
        return JSONText.object(parts).compact
    }
}
