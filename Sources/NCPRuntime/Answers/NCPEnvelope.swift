import Foundation

/// A successful answer taken apart as its `NCPAnswerShape` says: the decoded result, and the envelope's code,
/// message and any other fields beside the result.
public struct NCPEnvelope<Result: Decodable & Sendable>: Sendable {
    /// The envelope's code (`"0"`), when it has one.
    public var code: String?
    /// The envelope's message (`"success"`), when it has one.
    public var message: String?
    /// The decoded result.
    public var result: Result
    /// Fields beside the result (the MI project list documents `totalCount` there); empty for plain answers.
    public var extraFields: [String: JSONValue]

    /// Decodes a 2xx answer; an envelope code that is not a success becomes a `.service` error, a bad body a
    /// `.decoding` error naming the field.
    static func decode(from response: NCPResponse, shape: NCPAnswerShape, operationID: String, keepingExtraFields: Bool = false) throws -> NCPEnvelope {
        // An operation that returns nothing may be answered with nothing (`204 No Content`, or an empty 200), as
        // several NCP services answer deletes, even where its other answers come in an envelope.
        if let none = NCPNoResult() as? Result, response.statusCode == 204 || response.body.allSatisfy(Self.isJSONWhitespace) {
            return NCPEnvelope(code: nil, message: nil, result: none, extraFields: [:])
        }
        guard let envelope = shape.envelope else {
            return NCPEnvelope(code: nil, message: nil, result: try plainResult(from: response, operationID: operationID), extraFields: [:])
        }
        // The common case in one typed pass; anything unusual takes the slower path that explains itself.
        if !keepingExtraFields, Result.self != NCPNoResult.self,
           let typed = try? AnswerDecoders.decoder(for: envelope).decode(ShapedEnvelope<Result>.self, from: response.body),
           typed.isSuccess(envelope), let result = typed.result {
            return NCPEnvelope(code: typed.code, message: nil, result: result, extraFields: [:])
        }
        return try decodeExplaining(from: response, envelope: envelope, operationID: operationID)
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// A plain answer: the whole body is the result.
    static func plainResult(from response: NCPResponse, operationID: String) throws -> Result {
        if let noResult = NCPNoResult() as? Result { return noResult }
        if response.body.isEmpty, let null = JSONValue.null as? Result { return null }
        do {
            return try NCPJSON.sharedDecoder.decode(Result.self, from: response.body)
        } catch let error as DecodingError {
            let (field, reason) = describe(error)
            throw failure(response, operationID, response.body.isEmpty ? "the answer has an empty body" : reason, field: field.isEmpty ? nil : String(field.dropFirst()))
        }
    }

    /// Decodes through open JSON, so every way the answer can be wrong gets its own message.
    static func decodeExplaining(from response: NCPResponse, envelope: NCPAnswerShape.Envelope, operationID: String) throws -> NCPEnvelope {
        guard !response.body.isEmpty else { throw failure(response, operationID, "the answer has an empty body") }
        let top: [String: JSONValue]
        do {
            guard case .object(let members) = try NCPJSON.sharedDecoder.decode(JSONValue.self, from: response.body) else {
                throw failure(response, operationID, "the answer is not a JSON object")
            }
            top = members
        } catch let error as NCPError {
            throw error
        } catch DecodingError.dataCorrupted(let context) where context.debugDescription == JSONValue.tooDeep {
            throw failure(response, operationID, "the answer can't be read: \(context.debugDescription)") // valid JSON, but too deep
        } catch {
            throw failure(response, operationID, "the answer is not valid JSON")
        }
        let message = envelope.messageField.flatMap { top[$0]?.stringValue }
        var code: String?
        if let codeField = envelope.codeField {
            guard let text = ErrorBodyParser.scalarText(top[codeField]) else {
                throw failure(response, operationID, "the answer has no '\(codeField)'", field: codeField)
            }
            code = text
            guard envelope.successCodes.isEmpty || envelope.successCodes.contains(text) else {
                throw NCPError(kind: .service, operationID: operationID, message: message ?? "", statusCode: response.statusCode,
                               serviceCode: ServiceErrorCode(rawValue: text), rawBody: Array(response.body.prefix(NCPError.rawBodyLimit)))
            }
        }
        let resultField = envelope.resultField
        let result: Result
        if let noResult = NCPNoResult() as? Result {
            result = noResult
        } else if top[resultField] == nil || top[resultField] == .null, let null = JSONValue.null as? Result {
            // Undocumented results are open JSON: an answer without one, or with `null`, is `.null`, not an error.
            result = null
        } else {
            guard let resultValue = top[resultField], resultValue != .null else {
                throw failure(response, operationID, "the answer has no '\(resultField)'", field: resultField)
            }
            do {
                result = try NCPJSON.sharedDecoder.decode(Result.self, from: NCPJSON.sharedEncoder.encode(resultValue))
            } catch let error as DecodingError {
                let (field, reason) = describe(error)
                throw failure(response, operationID, reason, field: resultField + field)
            }
        }
        var extra = top
        for key in [envelope.codeField, envelope.messageField, resultField].compactMap({ $0 }) { extra[key] = nil }
        return NCPEnvelope(code: code, message: message, result: result, extraFields: extra)
    }

    static func failure(_ response: NCPResponse, _ operationID: String, _ message: String, field: String? = nil) -> NCPError {
        NCPError(kind: .decoding, operationID: operationID, message: message, statusCode: response.statusCode, field: field,
                 rawBody: Array(response.body.prefix(NCPError.rawBodyLimit)))
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

/// The envelope decoded straight into its result type, its field names read from the decoder's `userInfo`.
private struct ShapedEnvelope<Result: Decodable>: Decodable {
    var code: String?
    var result: Result?

    init(from decoder: any Decoder) throws {
        guard let envelope = decoder.userInfo[AnswerDecoders.envelopeKey] as? NCPAnswerShape.Envelope else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no envelope shape"))
        }
        let container = try decoder.container(keyedBy: NCPCodingKey.self)
        if let codeField = envelope.codeField {
            let key = NCPCodingKey(stringValue: codeField)
            code = try (try? container.decode(String.self, forKey: key)) ?? String(container.decode(Int64.self, forKey: key))
        }
        result = try container.decodeIfPresent(Result.self, forKey: NCPCodingKey(stringValue: envelope.resultField))
    }

    func isSuccess(_ envelope: NCPAnswerShape.Envelope) -> Bool {
        guard envelope.codeField != nil else { return true }
        return code.map { envelope.successCodes.isEmpty || envelope.successCodes.contains($0) } ?? false
    }
}

/// One decoder per envelope shape, made once: the shape travels in `userInfo`, which can't change on a decoder
/// that other threads may be using.
enum AnswerDecoders {
    static let envelopeKey = CodingUserInfoKey(rawValue: "ncp.envelope")!
    private static let lock = NSLock()
    nonisolated(unsafe) private static var decoders: [NCPAnswerShape.Envelope: JSONDecoder] = [:]

    static func decoder(for envelope: NCPAnswerShape.Envelope) -> JSONDecoder {
        lock.withLock {
            if let decoder = decoders[envelope] { return decoder }
            let decoder = JSONDecoder()
            decoder.userInfo[envelopeKey] = envelope
            decoders[envelope] = decoder
            return decoder
        }
    }
}

/// The result of operations that answer with no result.
public struct NCPNoResult: Decodable, Sendable, Equatable {
    /// The only value.
    public init() {}
    public init(from decoder: any Decoder) throws {}
}
