import Foundation
import NCPRuntime

/// Why the gateway refused a request before the service saw it.
struct GatewayRefusal: Error, Sendable, Equatable {
    /// The gateway error's `errorCode`: `200` for authentication, `300` for an unknown path, `4xx` for throttling.
    var code: String
    /// A sentence for `details`: what was wrong, never a key or a signature.
    var details: String
}

/// The API Gateway's checks: a signature v2 over method, path and query with a known key and a timestamp within
/// five minutes, or a service's own API key in its header.
struct GatewayGuard: Sendable {
    let keys: GatewayKeys
    let now: @Sendable () -> Date
    /// How far a timestamp may be from the gateway's clock.
    static let window: Double = 300

    func check(_ request: EmulatorRequest, apiKeyHeader: String?, apiKeyIDHeader: String?) -> GatewayRefusal? {
        if let apiKeyHeader {
            guard let key = request.headers[apiKeyHeader.lowercased()], keys.apiKeys.contains(key) else {
                return GatewayRefusal(code: "200", details: "the \(apiKeyHeader) header is missing or holds an unknown key")
            }
            if let apiKeyIDHeader, request.headers[apiKeyIDHeader.lowercased()]?.isEmpty != false {
                return GatewayRefusal(code: "200", details: "the \(apiKeyIDHeader) header is missing")
            }
            return nil
        }
        guard let timestamp = request.headers[RequestSigner.timestampHeader],
              let accessKey = request.headers[RequestSigner.accessKeyHeader],
              let signature = request.headers[RequestSigner.signatureHeader] else {
            return GatewayRefusal(code: "200", details: "the request is not signed: x-ncp-apigw-timestamp, x-ncp-iam-access-key and x-ncp-apigw-signature-v2 are all required")
        }
        guard let milliseconds = Int64(timestamp) else {
            return GatewayRefusal(code: "200", details: "x-ncp-apigw-timestamp must be milliseconds since 1970")
        }
        let offset = Double(milliseconds) / 1000 - now().timeIntervalSince1970
        guard abs(offset) <= Self.window else {
            return GatewayRefusal(code: "200", details: "the timestamp is \(Int(abs(offset)))s \(offset < 0 ? "old" : "ahead"); the gateway accepts 300s either way")
        }
        guard let secret = keys.secrets[accessKey] else {
            return GatewayRefusal(code: "200", details: "the access key \(GatewayKeys.abbreviate(accessKey)) is not known")
        }
        let expected = RequestSigner.signature(method: request.method, pathAndQuery: request.target, timestamp: timestamp,
                                               credentials: NCPCredentials(accessKey: accessKey, secretKey: secret))
        guard Self.constantTimeEqual(expected, signature) else {
            return GatewayRefusal(code: "200", details: "the signature does not match the method, path and query signed with that key")
        }
        return nil
    }

    /// Compares without stopping at the first difference, so timing says nothing about a signature.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
