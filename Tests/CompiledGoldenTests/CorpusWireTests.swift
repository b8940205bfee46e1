import CorpusEnumPathParameter
import CorpusEnumQueryArrays
import CorpusEnvelopeFieldsOdd
@testable import CorpusExampleJsonDelimiters
import CorpusGeneratedLocalNames
import CorpusHeaderParameters
import CorpusListAndBinaryResults
import CorpusObjectAndDatetimeQueries
import CorpusPagingStyles
import CorpusWaitersOnScalars
import CorpusRecursionThroughOptional
import CorpusUploadBodies
import Foundation
import NCPRuntime
import Testing
import TestSupport

/// Compiling is the first check on the corpus; these call a few of its clients on a loopback server to check that
/// what compiles also sends the right request and reads the answer.
@Suite(.serialized) struct CorpusWireTests {
    @Test func enumQueryArraysSendWireValuesAndUnstyledArraysRepeatTheName() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = EnumQueriesClient(configuration: server.client().configuration)
        try await client.listThings(colors: [.red, .green], tags: ["a b", "c"], color: .green)
        #expect(server.requests.first?.target == "/v1/things?colors=RED,GREEN&tags=a%20b&tags=c&color=GREEN")
        #expect(server.requests.first?.signatureIsValid == true)
    }

    @Test func anEnumPathParameterSendsItsWireValue() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        try await EnumPathsClient(configuration: server.client().configuration).getThing(kind: .zhCN)
        #expect(server.requests.first?.target == "/v1/things/ZH-CN")
    }

    @Test func argumentsNamedLikeTheBodysLocalsAreSentAsThemselves() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = LocalsClient(configuration: server.client().configuration)
        let error = await #expect(throws: NCPError.self) { try await client.doThing(client: "c", check: "x") }
        #expect(error?.field == "check") // the argument was checked, not the validator
        try await client.doThing(client: "c1", request: "r", check: "ok", policy: "p", envelope: "e", result: "s")
        #expect(server.requests.first?.target == "/v1/things/c1?request=r&check=ok")
        let body = try JSONDecoder().decode([String: String].self, from: server.requests.first?.body ?? Data())
        #expect(body == ["policy": "p", "envelope": "e", "result": "s"])
    }

    @Test func bareListsBytesAndEmptyAnswersAreRead() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = FilesClient(configuration: server.client().configuration)
        server.enqueue(.json(200, #"[{"id":"a","size":1},{"id":"b"}]"#), .json(200, #"["PDF","SVG"]"#), .json(200, "[]"))
        #expect(try await client.listFiles().map(\.id) == ["a", "b"])
        #expect(try await client.listKinds() == [.pdf, .unknown("SVG")])
        #expect(try await client.listNames() == [])

        let bytes = Data((0...255).map(UInt8.init))
        server.enqueue(LoopbackServer.Answer(status: 200, headers: ["Content-Type": "image/png", "Content-Disposition": #"attachment; filename="../../etc/cat.png""#],
                                             body: bytes))
        let download = try await client.downloadFile(id: "f 1")
        #expect(download == NCPDownload(data: bytes, contentType: "image/png", filename: "cat.png"))
        #expect(server.requests.last?.target == "/v1/files/f%201/content")
        #expect(server.requests.last?.headers["accept"] == "*/*")
        // A download refused in the service's error form is still an error, not bytes.
        server.enqueue(.json(404, #"{"error":{"errorCode":"300","message":"Not Found Exception"}}"#))
        await #expect(throws: NCPError.self) { try await client.downloadFile(id: "gone") }

        // Streamed to a file instead: whole or not at all, and an error answer leaves the file as it was.
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("download-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: destination) }
        server.enqueue(LoopbackServer.Answer(status: 200, headers: ["Content-Type": "image/png"], body: bytes))
        let saved = try await client.downloadFile(DownloadFileInput(id: "f1"), to: destination)
        #expect(saved.byteCount == 256 && saved.contentType == "image/png")
        #expect(try Data(contentsOf: destination) == bytes)
        server.enqueue(.json(404, #"{"error":{"errorCode":"300","message":"Not Found Exception"}}"#))
        await #expect(throws: NCPError.self) { try await client.downloadFile(DownloadFileInput(id: "gone"), to: destination) }
        #expect(try Data(contentsOf: destination) == bytes)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: destination.deletingLastPathComponent().path)
            .filter { $0.contains(destination.lastPathComponent + ".ncp-download") }
        #expect(leftovers.isEmpty)

        server.enqueue(LoopbackServer.Answer(status: 204))
        try await client.deleteFile(id: "a")
        #expect(server.requests.allSatisfy { $0.signatureIsValid })
    }

    @Test func multipartFormAndBinaryBodiesArriveByteForByte() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = UploadsClient(configuration: server.client().configuration)
        // A file on disk, read as the request goes out, with every byte value and more than one read chunk.
        let bytes = Data((0..<(600 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString).bin")
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        server.enqueue(.json(200, #"{"id":"u1"}"#))
        let stored = try await client.uploadFiles(file: NCPFile(contentsOf: file, filename: "clip \"1\".bin", contentType: "video/mp4"),
                                                  extras: [NCPFile(data: Data("hello".utf8), filename: "a.txt", contentType: "text/plain")],
                                                  purpose: .avatar, tags: ["x", "y"], note: "hi")
        #expect(stored.id == "u1")
        let sent = try #require(server.requests.last)
        let contentType = try #require(sent.headers["content-type"])
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
        let parts = Self.multipartParts(sent.body, boundary: boundary)
        #expect(parts.map(\.header) == [
            #"Content-Disposition: form-data; name="file"; filename="clip %221%22.bin"\#r\#nContent-Type: video/mp4"#,
            #"Content-Disposition: form-data; name="extras"; filename="a.txt"\#r\#nContent-Type: text/plain"#,
            #"Content-Disposition: form-data; name="purpose""#,
            #"Content-Disposition: form-data; name="tags""#,
            #"Content-Disposition: form-data; name="tags""#,
            #"Content-Disposition: form-data; name="note""#,
        ])
        #expect(parts.map(\.body) == [bytes, Data("hello".utf8), Data("AVATAR".utf8), Data("x".utf8), Data("y".utf8), Data("hi".utf8)])
        #expect(sent.signatureIsValid) // signing covers method, path and query, whatever the body

        // The whole body, a file's bytes with its media type.
        server.enqueue(LoopbackServer.Answer(status: 204))
        try await client.putContent(id: "u1", content: NCPFile(contentsOf: file, contentType: "application/octet-stream"))
        #expect(server.requests.last?.body == bytes)
        #expect(server.requests.last?.headers["content-type"] == "application/octet-stream")

        // Form fields, percent-encoded.
        try await client.submitForm(name: "a b&c", count: 2, purposes: [.attachment, .avatar])
        #expect(String(decoding: server.requests.last!.body, as: UTF8.self) == "name=a%20b%26c&count=2&purposes=ATTACHMENT&purposes=AVATAR")
        #expect(server.requests.last?.headers["content-type"] == "application/x-www-form-urlencoded")

        // A documented limit on a part is checked before anything is sent; a file that can't be read is named.
        let count = server.requests.count
        await #expect(throws: NCPError.self) {
            try await client.uploadFiles(file: NCPFile(data: Data(), filename: "e"), note: String(repeating: "n", count: 21))
        }
        let missing = await #expect(throws: NCPError.self) {
            try await client.uploadFiles(file: NCPFile(contentsOf: URL(fileURLWithPath: "/nonexistent/clip.mp4")))
        }
        #expect(missing?.message == "the file 'clip.mp4' to upload can't be read")
        #expect(server.requests.count == count)
    }

    /// The parts of a multipart body: each part's header lines and its bytes.
    static func multipartParts(_ body: Data, boundary: String) -> [(header: String, body: Data)] {
        let delimiter = Data("--\(boundary)".utf8)
        var parts: [(String, Data)] = []
        var rest = body[...]
        while let start = rest.firstRange(of: delimiter) {
            rest = rest[start.upperBound...]
            guard rest.starts(with: Data("\r\n".utf8)), let next = rest.firstRange(of: Data("\r\n--\(boundary)".utf8)) else { break }
            let part = rest[rest.index(rest.startIndex, offsetBy: 2)..<next.lowerBound]
            guard let split = part.firstRange(of: Data("\r\n\r\n".utf8)) else { break }
            parts.append((String(decoding: part[..<split.lowerBound], as: UTF8.self), Data(part[split.upperBound...])))
            rest = rest[next.lowerBound...].dropFirst(2)
        }
        return parts
    }

    @Test func objectQueriesAreWrittenInEachStyleAndSignedAsSent() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = QueriesClient(configuration: server.client().configuration)
        let filter = Filter(status: "on air", minSize: 10, range: Range(from: 1, to: 5), tags: ["a", "b"])
        try await client.searchThings(day: NCPDateTime(rawValue: "2025-04-23"), filter: filter, deep: filter,
                                      extra: ["page": 2, "sort": "name"], where: Filter(status: "x"),
                                      since: NCPDateTime(rawValue: "2025-04-23T17:13:48+09:00"), updatedAfter: NCPDateTime(rawValue: "2025-01-01T00:00:00Z"))
        let sent = try #require(server.requests.last)
        #expect(sent.target == "/v1/things/2025-04-23?"
            + "minSize=10&range=%7B%22from%22%3A1%2C%22to%22%3A5%7D&status=on%20air&tags=a&tags=b"
            + "&deep%5BminSize%5D=10&deep%5Brange%5D%5Bfrom%5D=1&deep%5Brange%5D%5Bto%5D=5&deep%5Bstatus%5D=on%20air&deep%5Btags%5D=a&deep%5Btags%5D=b"
            + "&page=2&sort=name"
            + "&where=%7B%22status%22%3A%22x%22%7D"
            + "&since=2025-04-23T17%3A13%3A48%2B09%3A00")
        #expect(sent.headers["updatedafter"] == "2025-01-01T00:00:00Z")
        #expect(sent.signatureIsValid)
    }

    @Test func aRecursiveTypeRoundTrips() throws {
        let tree = Node(name: "leaf", parent: Node(name: "root"), children: [Node(name: "child")])
        let data = try JSONEncoder().encode(tree)
        #expect(try JSONDecoder().decode(Node.self, from: data) == tree)
        #expect(try JSONDecoder().decode(Node.self, from: Data(#"{"name":"a","parent":{"name":"b","parent":{"name":"c"}}}"#.utf8)).parent?.parent?.name == "c")
    }
}

extension CorpusWireTests {
    @Test func aClientReadsItsSpecsOwnEnvelopeAndErrorForm() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = EnvelopeOddClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(200, #"{"status":"ok","data":{"label":"inside"},"total":12}"#))
        let thing = try await client.getThing()
        #expect(thing.label == "inside")
        #expect(thing.total == 12) // documented beside the result, in the envelope
        server.enqueue(.json(404, #"{"fault":{"id":"E404","text":"gone"}}"#))
        let error = await #expect(throws: NCPError.self) { try await client.getThing() }
        #expect(error?.serviceCode == "E404")
        #expect(error?.message == "gone")
    }
}

extension CorpusWireTests {
    @Test func zeroBasedPagesOffsetsAndCursorsWalkEveryPage() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = PagesClient(configuration: server.client(retryPolicy: .none).configuration)
        server.enqueue(.json(200, #"{"content":[{"id":"a"}],"page":0,"more":true}"#), .json(200, #"{"content":[{"id":"b"}],"page":1,"more":false}"#))
        var mails: [String] = []
        for try await mail in client.listMailsPages(size: 1).items { mails.append(mail.id) }
        #expect(mails == ["a", "b"])
        #expect(server.requests.map(\.target) == ["/v1/mails?page=0&size=1", "/v1/mails?page=1&size=1"])

        server.enqueue(.json(200, #"{"items":["x","y"],"total":3}"#), .json(200, #"{"items":["z"],"total":3}"#))
        var window: [String] = []
        for try await item in client.listWindowPages(limit: 2).items { window.append(item) }
        #expect(window == ["x", "y", "z"])
        let bodies = try server.requests.suffix(2).map { try JSONDecoder().decode([String: Int].self, from: $0.body) }
        #expect(bodies == [["offset": 0, "limit": 2], ["offset": 2, "limit": 2]])

        server.enqueue(.json(200, #"{"entries":[{"id":"1"}],"nextToken":"t2"}"#), .json(200, #"{"entries":[{"id":"2"}],"nextToken":null}"#))
        var entries: [String] = []
        for try await entry in client.readFeedPages().items { entries.append(entry.id) }
        #expect(entries == ["1", "2"])
        #expect(server.requests.suffix(2).map(\.target) == ["/v1/feed", "/v1/feed?token=t2"])
    }
}

extension CorpusWireTests {
    @Test func waitersReadBooleansStringsAndIntegers() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = JobsClient(configuration: server.client(retryPolicy: .none).configuration)
        let policy = WaitPolicy(initialDelay: .milliseconds(1), maxDelay: .milliseconds(2), timeout: .seconds(5))
        func job(ready: Bool, phase: String = "running", progress: Int? = nil) -> LoopbackServer.Answer {
            .json(200, #"{"readyCompleted":\#(ready),"phase":"\#(phase)","verdict":"PASS"\#(progress.map { ",\"progress\":\($0)" } ?? "")}"#)
        }
        server.enqueue(job(ready: false), job(ready: false), job(ready: true))
        #expect(try await client.waitUntilReady(id: "1", policy: policy).readyCompleted)
        server.enqueue(job(ready: false, phase: "error"))
        let failed = await #expect(throws: NCPError.self) { try await client.waitUntilPhaseDone(id: "1", policy: policy) }
        #expect(failed?.kind == .jobFailed)
        server.enqueue(job(ready: false), job(ready: false, progress: 50), job(ready: false, progress: 100))
        #expect(try await client.waitUntilFullyProgressed(id: "1", policy: policy).progress == 100)
    }
}

extension CorpusWireTests {
    @Test func headerParametersAreSentAndStayOutOfTheSignature() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        try await HeadersClient(configuration: server.client().configuration).translate(text: "hi", xTraceID: "t-1\r\nX-Evil: 1", acceptLanguage: .ko, xRetryCount: 2)
        let received = try #require(server.requests.first)
        #expect(received.headers["accept-language"] == "ko")
        #expect(received.headers["x-retry-count"] == "2")
        #expect(received.headers["x-evil"] == nil) // a line break in a value can't add a header
        #expect(received.signatureIsValid)
    }
}

/// The test doubles generated beside the corpus clients: their default answers must decode, whatever the text.
@Suite struct CorpusDoubleTests {
    @Test func examplesWithDelimiterCharactersDecodeAsWritten() throws {
        let note = try EchoClientDouble.Examples.getNote()
        #expect(note.text == "ends \"# and \"\"\"# and \\# and \\## and a tab\there, a line\u{2028}separator, \u{1} and 😀")
        #expect(note.tags == ["\"##", "\\(x)"])
        // The example that failed (its envelope code isn't a success) is passed over.
        #expect(note.text != "failure")
        for example in EchoClientDouble.Examples.all { _ = try example.decode() }
    }

    @Test func anAnswerBuiltFromTheShapesMeetsItsOwnLimits() async throws {
        let detail = try await EchoClientDouble().getDetail()
        #expect(detail.count == 5) // the documented minimum
        #expect(detail.notes.count == 2) // minItems
        #expect(detail.shade == .light)
        #expect(detail.skipped == nil)
    }

    @Test func everyWaiterOnTheDoublesDefaultAnswerEndsAtItsFirstPoll() async throws {
        let double = JobsClientDouble()
        #expect(try await double.waitUntilReady(id: "1").readyCompleted)
        #expect(try await double.waitUntilPhaseDone(id: "1").phase == "done")
        #expect(try await double.waitUntilFullyProgressed(id: "1").progress == 100)
        #expect(try await double.waitUntilJudged(id: "1").verdict == .pass)
        #expect(double.calls.count == 4)
    }
}
