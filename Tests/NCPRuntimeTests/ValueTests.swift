import Foundation
@testable import NCPRuntime
import Testing
import TestSupport

@Suite struct ValueTests {
    /// Each failed container request costs the square of the depth in `JSONDecoder`, so decoding open JSON stays
    /// linear only with at most one failure per level and a bounded depth.
    @Test func openJSONAsksForOneWrongContainerPerLevelAtMost() throws {
        for depth in [10, 40, JSONValue.maximumDepth - 1] {
            let arrays = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
            let objects = String(repeating: #"{"a":"#, count: depth) + #""x""# + String(repeating: "}", count: depth)
            let (decodedArrays, arrayFailures) = try ProbingDecoder.decode(JSONValue.self, from: arrays)
            let (decodedObjects, objectFailures) = try ProbingDecoder.decode(JSONValue.self, from: objects)
            #expect(arrayFailures <= depth + 4, "nested arrays of depth \(depth): \(arrayFailures) failed guesses")
            #expect(objectFailures <= 4, "nested objects of depth \(depth): \(objectFailures) failed guesses")
            // And the real decoder agrees with the tree.
            #expect(try JSONDecoder().decode(JSONValue.self, from: Data(arrays.utf8)) == decodedArrays)
            #expect(try JSONDecoder().decode(JSONValue.self, from: Data(objects.utf8)) == decodedObjects)
        }
    }

    @Test func openJSONDeeperThanTheLimitIsADecodingErrorNotAStall() async throws {
        let tooDeep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONValue.self, from: Data(tooDeep.utf8)) }
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(tooDeep))
        let error = await #expect(throws: NCPError.self) {
            try await server.client().send(NCPRequest(operationID: "getIndex", method: .get, path: "/x"), expecting: JSONValue.self)
        }
        #expect(error?.kind == .decoding)
        #expect(error?.message.contains("nested deeper than 64 levels") == true)
    }

    @Test func openJSONKeepsEveryKindOfValue() throws {
        let text = #"{"s":"x","i":-3,"d":2.5,"t":true,"f":false,"n":null,"a":[1,"2",[3]],"o":{"k":{}}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value == ["s": "x", "i": -3, "d": 2.5, "t": true, "f": false, "n": nil, "a": [1, "2", [3]], "o": ["k": [:]]])
        #expect(try JSONDecoder().decode(JSONValue.self, from: NCPJSON.encoder.encode(value)) == value)
    }

    @Test func dateTimesWithASpaceSeparatorHaveNoZoneAndStillParse() throws {
        let spaced = NCPDateTime(rawValue: "2025-04-23 17:13:48")
        #expect(!spaced.hasTimeZone)
        let seoul = try #require(TimeZone(identifier: "Asia/Seoul"))
        #expect(spaced.date(assuming: seoul) == NCPDateTime(rawValue: "2025-04-23T17:13:48").date(assuming: seoul))
        #expect(spaced.date(assuming: seoul) == NCPDateTime(rawValue: "2025-04-23T08:13:48Z").date())
        #expect(NCPDateTime(rawValue: "2025-04-23T17:13:48+09:00").hasTimeZone)
        #expect(NCPDateTime(rawValue: "2025-04-23 17:13:48-05:00").hasTimeZone)
        #expect(NCPDateTime(rawValue: "2025-04-23T17:13:48.250").date(assuming: seoul) != nil)
        #expect(NCPDateTime(rawValue: "2025-04-23").date() == nil)
        #expect(NCPDateTime(rawValue: "not a date at all").date() == nil)
    }

    @Test func signingTimestampsAreNeverEarlierThanTheClocksMillisecond() {
        // Every millisecond of a few seconds today: a plain floor of `seconds * 1000` loses one on many of them.
        let base: Int64 = 1_763_700_000_000
        for offset in Int64(0)..<5_000 {
            let milliseconds = base + offset
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            #expect(RequestSigner.epochMilliseconds(date) == milliseconds)
        }
        #expect(RequestSigner.epochMilliseconds(Date(timeIntervalSince1970: 1_700_000_000.1239)) == 1_700_000_000_123)
    }

    @Test func httpDatesParseInTheirOneStandardForm() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
        #expect(HTTPDate.parse("Sat, 21 Nov 2026 09:00:00 GMT") == Date(timeIntervalSince1970: 1_795_251_600))
        #expect(HTTPDate.parse("Tue, 29 Feb 2028 23:59:59 GMT") == Date(timeIntervalSince1970: 1_835_481_599))
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("06 Nov 1994 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 25:49:37 GMT") == nil)
    }

    @Test func pathParametersAreAlwaysExactlyOneSegment() {
        #expect(PercentEncoding.pathSegment(".") == "%2E")
        #expect(PercentEncoding.pathSegment("..") == "%2E%2E")
        #expect(PercentEncoding.pathSegment("...") == "...")
        #expect(PercentEncoding.pathSegment("a/../b") == "a%2F..%2Fb")
        #expect(PercentEncoding.pathSegment(Int64(42)) == "42")
    }
}

/// The file name a download's `Content-Disposition` gives: the encoded form first, never a path.
@Suite struct DownloadNameTests {
    @Test(arguments: [
        (#"attachment; filename="report.pdf""#, "report.pdf"),
        (#"attachment; filename=report.pdf"#, "report.pdf"),
        (#"attachment; filename="plain.txt"; filename*=UTF-8''%EB%B3%B4%EA%B3%A0%EC%84%9C.pdf"#, "보고서.pdf"),
        (#"attachment; filename="../../etc/passwd""#, "passwd"),
        (#"attachment; filename="C:\temp\x.png""#, "x.png"),
        (#"attachment; filename="..""#, nil),
        (#"inline"#, nil),
    ] as [(String, String?)])
    func theFileNameIsReadSafely(_ header: String, _ expected: String?) {
        #expect(NCPDownload.filename(inContentDisposition: header) == expected)
    }
}
