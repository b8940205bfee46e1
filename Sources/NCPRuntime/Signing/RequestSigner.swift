import Crypto
public import Foundation

/// NCP API Gateway signature v2.
///
/// `signature = Base64(HMAC-SHA256(secretKey, "METHOD path?query\ntimestamp\naccessKey"))`, computed over the
/// percent-encoded path and query exactly as they go on the wire. The body is not signed.
public enum RequestSigner {
    /// Header names the gateway reads.
    public static let timestampHeader = "x-ncp-apigw-timestamp"
    public static let accessKeyHeader = "x-ncp-iam-access-key"
    public static let signatureHeader = "x-ncp-apigw-signature-v2"

    /// The signature for one request.
    /// - Parameters:
    ///   - method: The upper-case HTTP method.
    ///   - pathAndQuery: The request target as sent: `/api/v1/...` plus `?query` when there is one.
    ///   - timestamp: Epoch milliseconds as a decimal string, the same value as the timestamp header.
    ///   - credentials: The key pair.
    public static func signature(method: String, pathAndQuery: String, timestamp: String, credentials: NCPCredentials) -> String {
        let message = "\(method) \(pathAndQuery)\n\(timestamp)\n\(credentials.accessKey)"
        var hmac = credentials.keyedHMAC
        let hashed: Void? = message.utf8.withContiguousStorageIfAvailable { hmac.update(data: UnsafeRawBufferPointer($0)) }
        if hashed == nil { hmac.update(data: Data(message.utf8)) }
        return Data(hmac.finalize()).base64EncodedString()
    }

    /// The three headers for a request made at `date`.
    public static func headers(method: String, pathAndQuery: String, date: Date, credentials: NCPCredentials) -> [(name: String, value: String)] {
        let timestamp = String(Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
        return [
            (timestampHeader, timestamp),
            (accessKeyHeader, credentials.accessKey),
            (signatureHeader, signature(method: method, pathAndQuery: pathAndQuery, timestamp: timestamp, credentials: credentials)),
        ]
    }
}
