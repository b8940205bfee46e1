import Foundation

/// The answers a generated test double gives when a test doesn't answer an operation itself: each is the
/// spec's documented example (or one built from the documented shapes), kept as the result's JSON.
public enum NCPExampleAnswer {
    /// Decodes an example result as the client would decode the service's answer.
    /// - Parameters:
    ///   - type: The operation's result type.
    ///   - operationID: The operation, named in the error when the example doesn't decode.
    ///   - json: The result's JSON, without any envelope.
    /// - Throws: `NCPError` of kind `.decoding` naming the field, when the example doesn't fit the type (a spec
    ///   edited by hand after the example was written).
    public static func decode<Result: Decodable & Sendable>(_ type: Result.Type, operationID: String, json: String) throws -> Result {
        try NCPEnvelope<Result>.plainResult(from: NCPResponse(statusCode: 200, body: Data(json.utf8)), operationID: operationID)
    }
}
