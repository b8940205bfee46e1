public import HTTPTypes
public import Foundation
import OpenAPIRuntime

/// One API call, built by a generated method: its target already percent-encoded, its body already JSON.
public struct NCPRequest: Sendable {
    /// The operation id, for errors and logs.
    public var operationID: String
    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// The percent-encoded path, starting with `/`.
    public var path: String
    /// Percent-encoded `name=value` pairs, in order.
    public private(set) var queryItems: [String] = []
    /// The body in memory, if any: JSON unless `contentType` says otherwise.
    public var body: Data?
    /// The media type of `body`.
    public var contentType = "application/json"
    /// A body read as it goes out (a multipart form, a file), made afresh for each attempt.
    public private(set) var streamedBody: NCPStreamedBody?
    /// Whether repeating the request is harmless; non-idempotent requests are retried only when the server
    /// certainly did not run them, unless the retry policy says otherwise.
    public var isIdempotent: Bool
    /// How this operation's answers look, when they differ from the rest of its API's.
    public var answers: NCPAnswerShape?
    /// Header fields the operation sends, in order (never the signing headers, which the client adds).
    public private(set) var headers: [(name: String, value: String)] = []
    /// The `Accept` header: JSON unless the answer is a download.
    public var accept = "application/json"
    /// Where a download's bytes are written as they arrive, instead of memory.
    var downloadDestination: URL?

    /// Creates a request. `GET`, `PUT` and `DELETE` count as idempotent unless told otherwise.
    public init(operationID: String, method: HTTPRequest.Method, path: String, body: Data? = nil, isIdempotent: Bool? = nil) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.body = body
        self.isIdempotent = isIdempotent ?? [.get, .put, .delete, .head, .options].contains(method)
    }

    /// Adds `name=value`, percent-encoding both; a nil value adds nothing.
    public mutating func appendQuery(_ name: String, _ value: (some CustomStringConvertible)?) {
        guard let value else { return }
        queryItems.append(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value.description))
    }

    /// Adds `name=a,b,c`: each value encoded, the separating commas left as they are, as the docs send them.
    public mutating func appendCommaSeparatedQuery(_ name: String, _ values: [some CustomStringConvertible]?) {
        guard let values, !values.isEmpty else { return }
        queryItems.append(PercentEncoding.encode(name) + "=" + values.map { PercentEncoding.encode($0.description) }.joined(separator: ","))
    }

    /// Adds `name=a,b,c` for enums: each wire value encoded, the commas left as they are.
    public mutating func appendCommaSeparatedQuery<Value: RawRepresentable>(_ name: String, _ values: [Value]?) where Value.RawValue == String {
        appendCommaSeparatedQuery(name, values?.map(\.rawValue))
    }

    /// Adds `name=a&name=b`: one pair per value, for query arrays without a style.
    public mutating func appendRepeatedQuery(_ name: String, _ values: [some CustomStringConvertible]?) {
        for value in values ?? [] { appendQuery(name, value) }
    }

    /// Adds `name=a&name=b` for enums.
    public mutating func appendRepeatedQuery<Value: RawRepresentable>(_ name: String, _ values: [Value]?) where Value.RawValue == String {
        appendRepeatedQuery(name, values?.map(\.rawValue))
    }

    /// Adds a header; a nil value adds nothing.
    public mutating func setHeader(_ name: String, _ value: (some CustomStringConvertible)?) {
        guard let value else { return }
        headers.append((name, value.description))
    }

    /// Adds a header with an enum's raw value.
    public mutating func setHeader<Value: RawRepresentable>(_ name: String, _ value: Value?) where Value.RawValue == String {
        setHeader(name, value?.rawValue)
    }

    /// Adds an enum's raw value.
    public mutating func appendQuery<Value: RawRepresentable>(_ name: String, _ value: Value?) where Value.RawValue == String {
        appendQuery(name, value?.rawValue)
    }

    /// The request target exactly as sent and signed: path, then `?query` when there is one.
    public var pathAndQuery: String {
        queryItems.isEmpty ? path : path + "?" + queryItems.joined(separator: "&")
    }

    /// Encodes a body as JSON.
    public mutating func setJSONBody(_ value: some Encodable) throws {
        body = try NCPJSON.sharedEncoder.encode(value)
        contentType = "application/json"
        streamedBody = nil
    }

    /// Sends a `multipart/form-data` body; its files are read as the request goes out.
    public mutating func setMultipartBody(_ form: NCPMultipartForm) {
        body = nil
        streamedBody = .multipart(form)
        contentType = form.contentType
    }

    /// Sends `application/x-www-form-urlencoded` fields: each name and value percent-encoded.
    public mutating func setFormBody(_ fields: NCPFormFields) {
        body = Data(fields.encoded.utf8)
        contentType = "application/x-www-form-urlencoded"
        streamedBody = nil
    }

    /// Sends a file's bytes as the whole body, with its media type; a file on disk is read as it goes out.
    public mutating func setBinaryBody(_ file: NCPFile) {
        switch file.source {
        case .data(let data):
            body = data
            streamedBody = nil
        case .file:
            body = nil
            streamedBody = .file(file)
        }
        contentType = file.contentType
    }
}

/// One answer: status, headers and the whole body.
public struct NCPResponse: Sendable {
    /// The HTTP status code.
    public var statusCode: Int
    /// The header fields.
    public var headerFields: HTTPFields
    /// The body bytes.
    public var body: Data

    /// Creates a response.
    public init(statusCode: Int, headerFields: HTTPFields = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headerFields = headerFields
        self.body = body
    }
}

/// The JSON coders every request and response goes through.
public enum NCPJSON {
    /// Sorted keys, so request bodies are deterministic (and tests can compare them). A new encoder each time,
    /// yours to change.
    public static var encoder: JSONEncoder { makeEncoder() }

    /// A plain decoder; date-times stay strings (`NCPDateTime`). A new decoder each time, yours to change.
    public static var decoder: JSONDecoder { JSONDecoder() }

    /// The encoder and decoder the runtime itself uses, made once: making one costs about as much as decoding a
    /// small answer, and neither is ever changed after it is made, so sharing them across threads is safe.
    static let sharedEncoder = makeEncoder()
    static let sharedDecoder = JSONDecoder()

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// `application/x-www-form-urlencoded` fields, in order.
public struct NCPFormFields: Sendable, NCPFieldCollecting {
    private var pairs: [String] = []

    /// No fields yet.
    public init() {}

    /// Adds `name=text`, both percent-encoded.
    public mutating func appendText(_ name: String, _ text: String) {
        pairs.append(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(text))
    }

    /// The encoded fields, joined by `&`.
    var encoded: String { pairs.joined(separator: "&") }
}

/// A request body read as it goes out.
public enum NCPStreamedBody: Sendable {
    case multipart(NCPMultipartForm)
    case file(NCPFile)

    /// A fresh body for one attempt.
    func makeBody(operationID: String) throws -> HTTPBody {
        switch self {
        case .multipart(let form):
            return try form.makeBody(operationID: operationID)
        case .file(let file):
            let length = try file.byteCount(operationID: operationID)
            let segment: NCPMultipartForm.Segment
            switch file.source {
            case .data(let data): segment = .bytes(data)
            case .file(let url): segment = .file(url, length: length)
            }
            return HTTPBody(SegmentReader(segments: [segment], operationID: operationID), length: .known(length), iterationBehavior: .single)
        }
    }
}
