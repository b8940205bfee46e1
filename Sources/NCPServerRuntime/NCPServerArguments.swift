import Foundation
public import NCPRuntime

/// A request's arguments as a generated route reads them into the operation's input: path, query and header
/// parameters as text, the body as the spec says it is sent. A missing required argument or one that can't be
/// read throws `NCPError` of kind `.invalidRequest` naming it, which the route answers as the documented
/// invalid-request error.
public struct NCPServerArguments: Sendable {
    let operationID: String
    let pathParameters: [String: String]
    let queryItems: [(name: String, value: String)]
    let headers: [String: String]
    let body: Data
    let contentType: String?

    init(operationID: String, pathParameters: [String: String], queryItems: [(name: String, value: String)], headers: [String: String],
         body: Data, contentType: String?) {
        self.operationID = operationID
        self.pathParameters = pathParameters
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.contentType = contentType
    }

    // MARK: Parameters

    /// A path parameter.
    public func path<Value: NCPServerValue>(_ name: String) throws -> Value {
        try read(pathParameters[name], name)
    }

    /// A required query parameter.
    public func query<Value: NCPServerValue>(_ name: String) throws -> Value {
        try read(queryItems.first { $0.name == name }?.value, name)
    }

    /// An optional query parameter.
    public func optionalQuery<Value: NCPServerValue>(_ name: String) throws -> Value? {
        guard let text = queryItems.first(where: { $0.name == name })?.value else { return nil }
        return try read(text, name)
    }

    /// A required query list: the name repeated, or one comma-separated value.
    public func queryList<Value: NCPServerValue>(_ name: String, commaSeparated: Bool) throws -> [Value] {
        let values = queryItems.filter { $0.name == name }.map(\.value)
        let texts = commaSeparated ? values.flatMap { $0.split(separator: ",").map(String.init) } : values
        return try texts.map { try read($0, name) }
    }

    /// An optional query list.
    public func optionalQueryList<Value: NCPServerValue>(_ name: String, commaSeparated: Bool) throws -> [Value]? {
        guard queryItems.contains(where: { $0.name == name }) else { return nil }
        return try queryList(name, commaSeparated: commaSeparated)
    }

    /// A required query parameter that holds JSON text (`style: json`).
    public func jsonQuery<Value: Decodable>(_ name: String) throws -> Value {
        guard let value: Value = try optionalJSONQuery(name) else { throw missing(name) }
        return value
    }

    /// An optional query parameter that holds JSON text.
    public func optionalJSONQuery<Value: Decodable>(_ name: String) throws -> Value? {
        guard let text = queryItems.first(where: { $0.name == name })?.value else { return nil }
        return try decode(Data(text.utf8), name)
    }

    /// An object written into the query property by property (`style: form`) or as `name[key]` (`deepObject`):
    /// read back as an object of strings, so only objects of string properties are read this way.
    public func optionalObjectQuery<Value: Decodable>(_ name: String, deepObject: Bool) throws -> Value? {
        var members: [String: JSONValue] = [:]
        for item in queryItems {
            if deepObject, item.name.hasPrefix(name + "["), item.name.hasSuffix("]") {
                members[String(item.name.dropFirst(name.count + 1).dropLast())] = .string(item.value)
            } else if !deepObject {
                members[item.name] = .string(item.value)
            }
        }
        if deepObject, members.isEmpty { return nil }
        return try decode(try JSONEncoder().encode(JSONValue.object(members)), name)
    }

    /// A required object written into the query.
    public func objectQuery<Value: Decodable>(_ name: String, deepObject: Bool) throws -> Value {
        guard let value: Value = try optionalObjectQuery(name, deepObject: deepObject) else { throw missing(name) }
        return value
    }

    /// A required header.
    public func header<Value: NCPServerValue>(_ name: String) throws -> Value {
        try read(headers[name.lowercased()], name)
    }

    /// An optional header.
    public func optionalHeader<Value: NCPServerValue>(_ name: String) throws -> Value? {
        guard let text = headers[name.lowercased()] else { return nil }
        return try read(text, name)
    }

    // MARK: Bodies

    /// A required field of a JSON body.
    public func body<Value: Decodable>(_ name: String) throws -> Value {
        guard let member = try jsonBody()[name], member != .null else { throw missing(name) }
        return try decode(try JSONEncoder().encode(member), name)
    }

    /// An optional field of a JSON body.
    public func optionalBody<Value: Decodable>(_ name: String) throws -> Value? {
        guard let member = try jsonBody()[name], member != .null else { return nil }
        return try decode(try JSONEncoder().encode(member), name)
    }

    /// The JSON body's fields the operation doesn't declare (a partial body's `additionalFields`).
    public func additionalBodyFields(known: Set<String>) throws -> [String: JSONValue] {
        try jsonBody().filter { !known.contains($0.key) }
    }

    /// A required form field or multipart text part.
    public func formField<Value: NCPServerValue>(_ name: String) throws -> Value {
        try read(try formValues(name).first, name)
    }

    /// An optional form field or multipart text part.
    public func optionalFormField<Value: NCPServerValue>(_ name: String) throws -> Value? {
        guard let text = try formValues(name).first else { return nil }
        return try read(text, name)
    }

    /// A form field or text part repeated.
    public func optionalFormFields<Value: NCPServerValue>(_ name: String) throws -> [Value]? {
        let values = try formValues(name)
        return values.isEmpty ? nil : try values.map { try read($0, name) }
    }

    /// A required form field or text part repeated.
    public func formFields<Value: NCPServerValue>(_ name: String) throws -> [Value] {
        try formValues(name).map { try read($0, name) }
    }

    /// A required multipart part of JSON text.
    public func jsonPart<Value: Decodable>(_ name: String) throws -> Value {
        guard let part = try parts().first(where: { $0.name == name }) else { throw missing(name) }
        return try decode(part.data, name)
    }

    /// An optional multipart part of JSON text.
    public func optionalJSONPart<Value: Decodable>(_ name: String) throws -> Value? {
        guard let part = try parts().first(where: { $0.name == name }) else { return nil }
        return try decode(part.data, name)
    }

    /// A required file part.
    public func file(_ name: String) throws -> NCPFile {
        guard let file = try files(name).first else { throw missing(name) }
        return file
    }

    /// An optional file part.
    public func optionalFile(_ name: String) throws -> NCPFile? {
        try files(name).first
    }

    /// Every file part of this name.
    public func files(_ name: String) throws -> [NCPFile] {
        try parts().filter { $0.name == name && $0.filename != nil }.map {
            NCPFile(data: $0.data, filename: $0.filename ?? name, contentType: $0.contentType ?? "application/octet-stream")
        }
    }

    /// Every file part of this name, or nil when there is none.
    public func optionalFiles(_ name: String) throws -> [NCPFile]? {
        let found = try files(name)
        return found.isEmpty ? nil : found
    }

    /// The whole body as one file (`encoding: binary`).
    public func binaryBody() throws -> NCPFile {
        NCPFile(data: body, filename: "body", contentType: contentType ?? "application/octet-stream")
    }

    /// The whole body as one file, or nil when it is empty.
    public func optionalBinaryBody() throws -> NCPFile? {
        body.isEmpty ? nil : try binaryBody()
    }

    // MARK: Reading

    private func read<Value: NCPServerValue>(_ text: String?, _ name: String) throws -> Value {
        guard let text else { throw missing(name) }
        guard let value = Value(serverText: text) else {
            throw NCPError(kind: .invalidRequest, operationID: operationID, message: "'\(name)' can't be read from '\(text)'", field: name, attempts: 0)
        }
        return value
    }

    private func decode<Value: Decodable>(_ data: Data, _ name: String) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: data)
        } catch {
            throw NCPError(kind: .invalidRequest, operationID: operationID, message: "'\(name)' is not what the spec describes", field: name, attempts: 0)
        }
    }

    private func missing(_ name: String) -> NCPError {
        NCPError(kind: .invalidRequest, operationID: operationID, message: "'\(name)' is required", field: name, attempts: 0)
    }

    private func jsonBody() throws -> [String: JSONValue] {
        if body.isEmpty { return [:] }
        guard case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            throw NCPError(kind: .invalidRequest, operationID: operationID, message: "the body must be a JSON object", field: "body", attempts: 0)
        }
        return members
    }

    private func formValues(_ name: String) throws -> [String] {
        if contentType?.lowercased().hasPrefix("multipart/") == true {
            return try parts().filter { $0.name == name && $0.filename == nil }.map { String(decoding: $0.data, as: UTF8.self) }
        }
        return PercentEncoding.formItems(String(decoding: body, as: UTF8.self)).filter { $0.name == name }.map(\.value)
    }

    private func parts() throws -> [MultipartPart] {
        guard let contentType, let boundary = MultipartPart.boundary(in: contentType) else {
            throw NCPError(kind: .invalidRequest, operationID: operationID, message: "the body must be multipart/form-data with a boundary", field: "body", attempts: 0)
        }
        return MultipartPart.parse(body, boundary: boundary)
    }
}
