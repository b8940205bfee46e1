import Foundation

/// The success envelope, `{"code": "0", "message": "success", "result": …}`, with any other top-level fields.
public struct NCPEnvelope<Result: Decodable & Sendable>: Sendable {
    /// `"0"` on success.
    public var code: String
    /// `"success"` on success.
    public var message: String
    /// The decoded `result`.
    public var result: Result
    /// Fields beside `result` (the project list documents `totalCount` there).
    public var extraFields: [String: JSONValue]

    /// Decodes a 2xx answer; a non-zero `code` becomes a `.service` error, a bad body a `.decoding` error
    /// naming the field.
    static func decode(from response: NCPResponse, operationID: String, keepingExtraFields: Bool = false) throws -> NCPEnvelope {
        // The common case in one typed pass; anything unusual takes the slower path that explains itself.
        if !keepingExtraFields, !(Result.self == NCPNoResult.self),
           let typed = try? NCPJSON.sharedDecoder.decode(TypedEnvelope<Result>.self, from: response.body), typed.code == "0",
           let result = typed.result {
            return NCPEnvelope(code: typed.code, message: typed.message ?? "", result: result, extraFields: [:])
        }
        return try decodeExplaining(from: response, operationID: operationID)
    }

    /// Decodes through open JSON, so every way the answer can be wrong gets its own message.
    static func decodeExplaining(from response: NCPResponse, operationID: String) throws -> NCPEnvelope {
        func failure(_ message: String, field: String? = nil) -> NCPError {
            NCPError(kind: .decoding, operationID: operationID, message: message, statusCode: response.statusCode, field: field,
                     rawBody: Array(response.body.prefix(NCPError.rawBodyLimit)))
        }
        guard !response.body.isEmpty else { throw failure("the answer has an empty body") }
        let top: [String: JSONValue]
        do {
            guard case .object(let members) = try NCPJSON.sharedDecoder.decode(JSONValue.self, from: response.body) else {
                throw failure("the answer is not a JSON object")
            }
            top = members
        } catch let error as NCPError {
            throw error
        } catch DecodingError.dataCorrupted(let context) where context.debugDescription == JSONValue.tooDeep {
            throw failure("the answer can't be read: \(context.debugDescription)") // valid JSON, but too deep
        } catch {
            throw failure("the answer is not valid JSON")
        }
        let code: String
        switch top["code"] {
        case .string(let text)?: code = text
        case .integer(let number)?: code = String(number)
        default: throw failure("the answer has no 'code'", field: "code")
        }
        let message = top["message"]?.stringValue ?? ""
        guard code == "0" else {
            throw NCPError(kind: .service, operationID: operationID, message: message, statusCode: response.statusCode,
                           serviceCode: ServiceErrorCode(rawValue: code), rawBody: Array(response.body.prefix(NCPError.rawBodyLimit)))
        }
        let result: Result
        if let noResult = NCPNoResult() as? Result {
            result = noResult
        } else if top["result"] == nil || top["result"] == .null, let null = JSONValue.null as? Result {
            // Undocumented results are open JSON: an answer without one, or with `null`, is `.null`, not an error.
            result = null
        } else {
            guard let resultValue = top["result"], resultValue != .null else {
                throw failure("the answer has no 'result'", field: "result")
            }
            do {
                result = try NCPJSON.sharedDecoder.decode(Result.self, from: NCPJSON.sharedEncoder.encode(resultValue))
            } catch let error as DecodingError {
                let (field, reason) = Self.describe(error)
                throw failure(reason, field: "result" + field)
            }
        }
        var extra = top
        for key in ["code", "message", "result"] { extra[key] = nil }
        return NCPEnvelope(code: code, message: message, result: result, extraFields: extra)
    }

    /// The coding path (`.content[2].assetId`) and a plain reason.
    static func describe(_ error: DecodingError) -> (field: String, reason: String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "a required field is missing")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "expected \(type) but found null")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("", "\(error)")
        }
    }
}

/// The envelope decoded straight into its result type.
private struct TypedEnvelope<Result: Decodable>: Decodable {
    var code: String
    var message: String?
    var result: Result?
}

/// The result of operations that answer with only `code` and `message`.
public struct NCPNoResult: Decodable, Sendable, Equatable {
    /// The only value.
    public init() {}
    public init(from decoder: any Decoder) throws {}
}
