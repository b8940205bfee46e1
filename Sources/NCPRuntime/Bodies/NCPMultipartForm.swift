public import Foundation
import OpenAPIRuntime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `multipart/form-data` body: text parts and file parts, in order.
///
/// Files on disk are read in 64 KB chunks as the request goes out, and read again for a retry, so an upload of any size
/// is never held in memory; the body's length is known before it is sent.
public struct NCPMultipartForm: Sendable, NCPFieldCollecting {
    /// One part.
    enum Part: Sendable {
        case text(name: String, value: String)
        case json(name: String, Data)
        case file(name: String, NCPFile)
    }

    /// The boundary between parts: random, so it can't occur in a part by accident.
    public let boundary: String
    private(set) var parts: [Part] = []

    /// An empty form.
    public init(boundary: String = "ncp-" + UUID().uuidString) {
        self.boundary = boundary
    }

    /// The `Content-Type` the form goes with.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Adds a text part.
    public mutating func appendText(_ name: String, _ text: String) {
        parts.append(.text(name: name, value: text))
    }

    /// Adds a file part; a nil file adds nothing.
    public mutating func append(_ name: String, _ file: NCPFile?) {
        guard let file else { return }
        parts.append(.file(name: name, file))
    }

    /// Adds a part of JSON text (`Content-Type: application/json`), as services take their options beside a
    /// file (CLOVA Speech's `params`, CLOVA OCR's `message`); a nil value adds nothing.
    public mutating func appendJSON(_ name: String, _ value: (some Encodable)?) throws {
        guard let value else { return }
        parts.append(.json(name: name, try NCPJSON.sharedEncoder.encode(value)))
    }

    /// Adds one file part per file, each under `name`.
    public mutating func append(_ name: String, _ files: [NCPFile]?) {
        for file in files ?? [] { append(name, file) }
    }

    // MARK: Writing

    /// A stretch of the body: bytes, or a file read as it goes out.
    enum Segment: Sendable {
        case bytes(Data)
        case file(URL, length: Int64)
    }

    /// The body as segments, with its whole length.
    func segments(operationID: String) throws -> (segments: [Segment], length: Int64) {
        var segments: [Segment] = []
        var pending = Data()
        for part in parts {
            pending.append(contentsOf: "--\(boundary)\r\n".utf8)
            switch part {
            case .text(let name, let value):
                pending.append(contentsOf: "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n\r\n".utf8)
                pending.append(contentsOf: value.utf8)
            case .json(let name, let data):
                pending.append(contentsOf: "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n".utf8)
                pending.append(contentsOf: "Content-Type: application/json\r\n\r\n".utf8)
                pending.append(data)
            case .file(let name, let file):
                pending.append(contentsOf: "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(file.filename))\"\r\n".utf8)
                pending.append(contentsOf: "Content-Type: \(Self.headerSafe(file.contentType))\r\n\r\n".utf8)
                switch file.source {
                case .data(let data):
                    pending.append(data)
                case .file(let url):
                    segments.append(.bytes(pending))
                    pending = Data()
                    segments.append(.file(url, length: try file.byteCount(operationID: operationID)))
                }
            }
            pending.append(contentsOf: "\r\n".utf8)
        }
        pending.append(contentsOf: "--\(boundary)--\r\n".utf8)
        segments.append(.bytes(pending))
        let length = segments.reduce(Int64(0)) { total, segment in
            switch segment {
            case .bytes(let data): total + Int64(data.count)
            case .file(_, let length): total + length
            }
        }
        return (segments, length)
    }

    /// A fresh body for one attempt: files are opened as the transport reads.
    func makeBody(operationID: String) throws -> HTTPBody {
        let (segments, length) = try segments(operationID: operationID)
        return HTTPBody(SegmentReader(segments: segments, operationID: operationID), length: .known(length), iterationBehavior: .single)
    }

    /// The whole body in memory, for tests and small forms.
    func data(operationID: String) async throws -> Data {
        try await Data(collecting: makeBody(operationID: operationID), upTo: .max)
    }

    /// A name or file name inside `"…"`: quotes and line breaks percent-encoded, as browsers do.
    static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A header value without line breaks, which would start a header of their own.
    static func headerSafe(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }.map(Character.init))
    }
}

/// Reads the segments in order, files in 64 KB chunks read straight into the arrays the transport takes. Measured
/// on loopback: a `Data` in between (a copy per chunk) cost half the rate, and chunks of 128 KB or more a third
/// (glibc maps such blocks afresh, and every page of every chunk faults).
struct SegmentReader: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let segments: [NCPMultipartForm.Segment]
    let operationID: String
    static let chunkSize = 64 * 1024

    func makeAsyncIterator() -> Iterator { Iterator(segments: segments[...], operationID: operationID) }

    struct Iterator: AsyncIteratorProtocol {
        var segments: ArraySlice<NCPMultipartForm.Segment>
        let operationID: String
        var handle: FileHandle?
        var remaining: Int64 = 0
        var fileName = ""

        mutating func next() async throws -> ArraySlice<UInt8>? {
            while true {
                if let handle {
                    guard remaining > 0 else {
                        try? handle.close()
                        self.handle = nil
                        continue
                    }
                    let wanted = Int(Swift.min(Int64(SegmentReader.chunkSize), remaining))
                    let descriptor = handle.fileDescriptor
                    var failure: Int32 = 0
                    let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
                        count = 0
                        while count < wanted {
                            let got = read(descriptor, buffer.baseAddress! + count, wanted - count)
                            if got > 0 {
                                count += got
                            } else if got < 0, errno == EINTR {
                                continue
                            } else {
                                if got < 0 { failure = errno }
                                break
                            }
                        }
                    }
                    guard failure == 0 else {
                        throw NCPError(kind: .invalidRequest, operationID: operationID,
                                       message: "the file '\(fileName)' could not be read: \(String(cString: strerror(failure)))", attempts: 0)
                    }
                    guard !bytes.isEmpty else {
                        throw NCPError(kind: .invalidRequest, operationID: operationID,
                                       message: "the file '\(fileName)' got shorter while it was being uploaded", attempts: 0)
                    }
                    remaining -= Int64(bytes.count)
                    return bytes[...]
                }
                guard let segment = segments.popFirst() else { return nil }
                switch segment {
                case .bytes(let data):
                    if data.isEmpty { continue }
                    return [UInt8](data)[...]
                case .file(let url, let length):
                    fileName = url.lastPathComponent
                    handle = try FileHandle(forReadingFrom: url)
                    remaining = length
                }
            }
        }
    }
}
