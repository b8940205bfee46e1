import Foundation
import NCPAsyncHTTPClient
import NCPRuntime

extension Benchmarks {
    /// `ncp-benchmarks upload [MB]`: a multipart upload of a file of that size through the client on AsyncHTTPClient
    /// to a loopback server, against `curl -F` uploading the same file to the same server; and the client's peak
    /// memory above what the process held before (the file is streamed from disk, never held). curl goes without
    /// `Expect: 100-continue`, which it would otherwise wait a second for: the server never answers it.
    static func upload(megabytes: Int) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ncp-upload-\(megabytes)MB.bin")
        let chunk = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        for _ in 0..<megabytes { try handle.write(contentsOf: chunk) }
        try handle.close()
        defer { try? FileManager.default.removeItem(at: file) }

        try await withLoopbackServer { baseURL in
            let client = client(NCPTransport.asyncHTTPClient(), baseURL: baseURL)
            func ours() async throws -> (seconds: Double, peakMB: Double) {
                var request = NCPRequest(operationID: "upload", method: .post, path: "/upload")
                var form = NCPMultipartForm()
                form.append("file", NCPFile(contentsOf: file, contentType: "application/octet-stream"))
                request.setMultipartBody(form)
                let baseline = resetPeakMemory()
                let start = ContinuousClock.now
                _ = try await client.send(request)
                return (milliseconds(ContinuousClock.now - start) / 1000, peakMemoryMB() - baseline)
            }
            func curl() throws -> Double {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["curl", "-s", "-o", "/dev/null", "-H", "Expect:", "-F", "file=@\(file.path)", baseURL.appendingPathComponent("upload").absoluteString]
                let start = ContinuousClock.now
                try process.run()
                process.waitUntilExit()
                return milliseconds(ContinuousClock.now - start) / 1000
            }
            _ = try await ours() // warm-up: connection, first allocations
            var ourTimes: [Double] = [], curlTimes: [Double] = [], peaks: [Double] = []
            for _ in 0..<5 {
                let (seconds, peak) = try await ours()
                ourTimes.append(seconds)
                peaks.append(peak)
                curlTimes.append(try curl())
            }
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            let size = Double(megabytes)
            print(String(format: "upload of a %d MB file as multipart, loopback (median of 5, alternating): client on AsyncHTTPClient %.0f MB/s, curl -F %.0f MB/s (%.0f%%); client's peak memory above the process before %.1f MB (largest %.1f MB)",
                         megabytes, size / median(ourTimes), size / median(curlTimes), 100 * median(curlTimes) / median(ourTimes),
                         median(peaks), peaks.max() ?? .nan))
        }
    }
}
