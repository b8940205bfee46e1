/// Percent-encoding for request targets, done once so that the bytes signed are the bytes sent.
public enum PercentEncoding {
    /// RFC 3986 unreserved characters; everything else is encoded, `/` included, so a path parameter can't
    /// add a path segment and a query value can't add a parameter.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// `홍길동` → `%ED%99%8D%EA%B8%B8%EB%8F%99`, `a/b` → `a%2Fb`.
    public static func encode(_ value: String) -> String {
        let utf8 = value.utf8
        if utf8.allSatisfy(isUnreserved) { return value }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count * 3)
        for byte in utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension PercentEncoding {
    /// A path parameter as exactly one path segment, whatever its value: encoded as `encode(_:)` does, and `.`
    /// and `..` as `%2E` and `%2E%2E`, which no transport or server resolves as "this" or "parent" segment.
    public static func pathSegment(_ value: String) -> String {
        switch value {
        case ".": "%2E"
        case "..": "%2E%2E"
        default: encode(value)
        }
    }

    /// An integer path parameter.
    public static func pathSegment(_ value: some BinaryInteger) -> String {
        String(value)
    }

    /// Any other value, by its text: a `Double`, a `Bool`, an `NCPDateTime`.
    public static func pathSegment(_ value: some CustomStringConvertible) -> String {
        pathSegment(value.description)
    }
}

extension PercentEncoding {
    /// The name–value pairs of a query or a form body (`a=1&b=two%20words`), percent-decoded (`+` as a space), in
    /// order: how servers — the emulator, generated server sides — read back what the client wrote.
    public static func formItems(_ text: some StringProtocol) -> [(name: String, value: String)] {
        String(text).split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part) }
            return (decode(pieces[0]), pieces.count > 1 ? decode(pieces[1]) : "")
        }
    }
}
