public import Foundation

/// An answer that is bytes rather than JSON: a file the service hands back.
public struct NCPDownload: Sendable, Equatable, Decodable {
    /// The bytes.
    public var data: Data
    /// The answer's `Content-Type`, such as `image/png`.
    public var contentType: String?
    /// The file name the answer's `Content-Disposition` gives, if any.
    public var filename: String?

    /// A download.
    public init(data: Data, contentType: String? = nil, filename: String? = nil) {
        self.data = data
        self.contentType = contentType
        self.filename = filename
    }

    /// From an example in JSON: the bytes as Base64 text, or `null` for none (what a test double answers when the
    /// spec has no example download).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self.init(data: Data())
        } else {
            let text = try container.decode(String.self)
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "an example download must be Base64 text")
            }
            self.init(data: data)
        }
    }

    /// The file name in a `Content-Disposition` value: `filename*=UTF-8''…` (percent-decoded) before
    /// `filename="…"`. Only the last path component is kept, so a name can't point outside a folder.
    static func filename(inContentDisposition value: String) -> String? {
        var plain: String?
        var extended: String?
        for part in value.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "filename*":
                let encoded = pair[1].split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false).last.map(String.init) ?? pair[1]
                extended = encoded.removingPercentEncoding
            case "filename":
                plain = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
            default:
                continue
            }
        }
        guard let name = extended ?? plain else { return nil }
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return last.isEmpty || last == "." || last == ".." ? nil : last
    }
}
