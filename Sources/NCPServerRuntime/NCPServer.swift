import Foundation
public import Hummingbird
import HTTPTypes
public import NCPRuntime
import NIOCore

/// What a generated route answers: a result for the envelope, nothing, or bytes.
public enum NCPServerAnswer: Sendable {
    case value(any Encodable & Sendable)
    case none
    case download(NCPDownload)
}

/// A documented service error a handler answers with: its HTTP status, its code and its message, written in the
/// service's own error form.
public struct NCPServerError: Error, Sendable, Equatable {
    public var status: Int
    public var code: String
    public var message: String

    /// An error as the service's error table documents it.
    public init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }
}

/// What generated routes stand on: reading a request's arguments, running the handler, and writing its answer —
/// or its error — as the service writes them.
public struct NCPServer: Sendable {
    /// How the service wraps answers and writes errors: the generated client's `answers`.
    public let answers: NCPAnswerShape
    /// The error a request that breaks a documented limit gets.
    public let invalidRequest: NCPServerError

    /// The largest request body read.
    public static let maximumBodySize = 64 * 1024 * 1024

    public init(answers: NCPAnswerShape, invalidRequest: NCPServerError) {
        self.answers = answers
        self.invalidRequest = invalidRequest
    }

    /// Answers one request of `operationID` with `handle`'s result; an argument it can't read or a limit it breaks
    /// answers `invalidRequest`, a thrown `NCPServerError` its own code.
    public func respond<Context: RequestContext>(to request: Request, context: Context, operationID: String, answers operationAnswers: NCPAnswerShape? = nil,
                                                 _ handle: (NCPServerArguments) async throws -> NCPServerAnswer) async throws -> Response {
        let shape = operationAnswers ?? answers
        var request = request
        let body = (try? await request.collectBody(upTo: Self.maximumBodySize)).map { Data($0.readableBytesView) } ?? Data()
        var pathParameters: [String: String] = [:]
        for (key, value) in context.parameters { pathParameters[String(key)] = String(value).removingPercentEncoding ?? String(value) }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let arguments = NCPServerArguments(operationID: operationID, pathParameters: pathParameters, queryItems: Self.queryItems(request.uri.query),
                                           headers: headers, body: body, contentType: request.headers[.contentType])
        do {
            switch try await handle(arguments) {
            case .value(let value): return try success(JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value)), shape: shape)
            case .none: return try success(nil, shape: shape)
            case .download(let download):
                var fields = HTTPFields()
                fields[.contentType] = download.contentType ?? "application/octet-stream"
                return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: download.data)))
            }
        } catch let error as NCPServerError {
            return try failure(error, details: nil, shape: shape)
        } catch let error as NCPError where error.kind == .invalidRequest {
            return try failure(invalidRequest, details: error.message, shape: shape)
        }
    }

    private func success(_ result: JSONValue?, shape: NCPAnswerShape) throws -> Response {
        guard let envelope = shape.envelope else {
            guard let result else { return Response(status: .noContent) }
            return try json(.ok, result)
        }
        var members: [String: JSONValue] = [:]
        if let code = envelope.codeField { members[code] = .string(envelope.successCodes.sorted().first ?? "0") }
        if let message = envelope.messageField { members[message] = .string("Success") }
        if let result { members[envelope.resultField] = result }
        return try json(.ok, .object(members))
    }

    private func failure(_ error: NCPServerError, details: String?, shape: NCPAnswerShape) throws -> Response {
        let form = shape.errorForms.first { $0.source == .service } ?? .gateway
        var fields: [String: JSONValue] = [form.codeField: .string(error.code)]
        if let message = form.messageField { fields[message] = .string(error.message) }
        if let details { fields["details"] = .string(details) }
        return try json(HTTPResponse.Status(code: error.status), form.container.map { .object([$0: .object(fields)]) } ?? .object(fields))
    }

    private func json(_ status: HTTPResponse.Status, _ value: JSONValue) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// The query's name–value pairs, percent-decoded, in order.
    static func queryItems(_ query: String?) -> [(name: String, value: String)] {
        PercentEncoding.formItems(query ?? "")
    }
}
