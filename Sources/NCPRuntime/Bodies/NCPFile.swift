public import Foundation

/// A file to upload: bytes in memory, or a file on disk that is read as the request goes out (never held whole).
public struct NCPFile: Sendable, Hashable, CustomStringConvertible {
    /// Where the bytes come from.
    public enum Source: Sendable, Hashable {
        case data(Data)
        case file(URL)
    }

    /// Where the bytes come from.
    public var source: Source
    /// The file name sent with the bytes.
    public var filename: String
    /// The bytes' media type, such as `image/png`.
    public var contentType: String

    /// Bytes in memory.
    public init(data: Data, filename: String, contentType: String = "application/octet-stream") {
        source = .data(data)
        self.filename = filename
        self.contentType = contentType
    }

    /// A file on disk, read in chunks as the request is sent (again for each retry).
    public init(contentsOf url: URL, filename: String? = nil, contentType: String = "application/octet-stream") {
        source = .file(url)
        self.filename = filename ?? url.lastPathComponent
        self.contentType = contentType
    }

    /// How many bytes it holds; a file that can't be read is an `.invalidRequest` naming it.
    func byteCount(operationID: String) throws -> Int64 {
        switch source {
        case .data(let data):
            return Int64(data.count)
        case .file(let url):
            guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber else {
                throw NCPError(kind: .invalidRequest, operationID: operationID, message: "the file '\(url.lastPathComponent)' to upload can't be read",
                               field: filename, attempts: 0)
            }
            return size.int64Value
        }
    }

    /// `NCPFile(photo.png, image/png, 1,024 bytes in memory)`: never the bytes.
    public var description: String {
        switch source {
        case .data(let data): "NCPFile(\(filename), \(contentType), \(data.count) bytes in memory)"
        case .file(let url): "NCPFile(\(filename), \(contentType), from \(url.lastPathComponent))"
        }
    }
}
