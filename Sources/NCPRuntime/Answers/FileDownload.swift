public import Foundation
import OpenAPIRuntime

/// A download written to a file.
public struct NCPDownloadedFile: Sendable, Equatable {
    /// Where the bytes are.
    public var url: URL
    /// How many bytes were written.
    public var byteCount: Int64
    /// The answer's `Content-Type`.
    public var contentType: String?
    /// The file name the answer's `Content-Disposition` gives, if any (never a path).
    public var filename: String?
}

/// Writes an answer's body to a file as it arrives: to a temporary file beside the destination, renamed over it
/// once complete, so a failed or cancelled download leaves no half file behind.
enum FileDownload {
    static func write(_ body: HTTPBody, to destination: URL, operationID: String) async throws {
        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent("." + destination.lastPathComponent + ".ncp-download-" + UUID().uuidString)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil), let handle = try? FileHandle(forWritingTo: temporary) else {
            throw NCPError(kind: .invalidRequest, operationID: operationID,
                           message: "the download can't be written to \(folder.path)", attempts: 0)
        }
        do {
            for try await chunk in body {
                try handle.write(contentsOf: chunk)
            }
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            if error is CancellationError { throw error }
            throw NCPError(kind: .transport, operationID: operationID, message: "the download was cut off: \(error)", underlying: SendableError(error))
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw NCPError(kind: .invalidRequest, operationID: operationID,
                           message: "the download can't be moved to \(destination.lastPathComponent): \(String(cString: strerror(code)))", attempts: 0)
        }
    }
}
