import Crypto
public import Foundation

/// NCP API Gateway signature v2.
///
/// `signature = Base64(HMAC-SHA256(secretKey, "METHOD path?query\ntimestamp\naccessKey"))`, computed over the
/// percent-encoded path and query exactly as they go on the wire. The body is not signed.
public enum RequestSigner {
    /// The header that carries the timestamp, in epoch milliseconds.
    public static let timestampHeader = "x-ncp-apigw-timestamp"
    /// The header that carries the access key.
    public static let accessKeyHeader = "x-ncp-iam-access-key"
    /// The header that carries the signature.
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
        let timestamp = String(epochMilliseconds(date))
        return [
            (timestampHeader, timestamp),
            (accessKeyHeader, credentials.accessKey),
            (signatureHeader, signature(method: method, pathAndQuery: pathAndQuery, timestamp: timestamp, credentials: credentials)),
        ]
    }

    /// Whole milliseconds since the epoch, never earlier than the clock's millisecond.
    ///
    /// `timeIntervalSince1970 * 1000` of a time on an exact millisecond can land just below it
    /// (`…122.99999` for `….123`), which a plain floor turns into the millisecond before. Rounding to the
    /// microsecond first absorbs that error: a `Double` of today's epoch seconds is exact to about 0.24 µs.
    static func epochMilliseconds(_ date: Date) -> Int64 {
        let microseconds = (date.timeIntervalSince1970 * 1_000_000).rounded()
        return Int64((microseconds / 1000).rounded(.down))
    }
}
