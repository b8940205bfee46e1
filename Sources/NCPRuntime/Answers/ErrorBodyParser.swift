import Foundation
import HTTPTypes

/// Reads an error answer in the forms its `NCPAnswerShape` lists, or none of them.
enum ErrorBodyParser {
    /// Header names that may carry a request id (the docs name none; these are the gateway's usual ones).
    static let requestIDHeaders = ["x-ncp-trace-id", "x-ncp-apigw-request-id", "x-request-id"]

    /// The first request-id header an answer carries.
    static func requestID(in fields: HTTPFields) -> String? {
        requestIDHeaders.lazy.compactMap { HTTPField.Name($0).flatMap { fields[$0] } }.first
    }

    static func error(for response: NCPResponse, forms: [NCPAnswerShape.ErrorForm], operationID: String, attempts: Int) -> NCPError {
        let requestID = requestID(in: response.headerFields)
        let raw = Array(response.body.prefix(NCPError.rawBodyLimit))
        let object = try? NCPJSON.sharedDecoder.decode(JSONValue.self, from: response.body)
        for form in forms {
            guard let holder = form.container.map({ object?[$0] }) ?? object, let code = scalarText(holder[form.codeField]) else { continue }
            let message = form.messageField.flatMap { holder[$0]?.stringValue } ?? ""
            switch form.source {
            case .gateway:
                return NCPError(kind: .gateway, operationID: operationID, message: message, statusCode: response.statusCode,
                                gatewayCode: GatewayErrorCode(rawValue: code), requestID: requestID, rawBody: raw, attempts: attempts)
            case .service:
                return NCPError(kind: .service, operationID: operationID, message: message, statusCode: response.statusCode,
                                serviceCode: ServiceErrorCode(rawValue: code), requestID: requestID, rawBody: raw, attempts: attempts)
            }
        }
        let reason = response.body.isEmpty ? "an empty body" : "a body in no documented error form"
        return NCPError(kind: .httpStatus, operationID: operationID, message: "HTTP \(response.statusCode) with \(reason)",
                        statusCode: response.statusCode, requestID: requestID, rawBody: raw, attempts: attempts)
    }

    /// A JSON string or number as text: `"210"` and `210` both read as `210`.
    static func scalarText(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: text
        case .integer(let number)?: String(number)
        default: nil
        }
    }
}
