import Foundation
import MediaIntelligence
import NCPRuntime
import Testing

/// Decoding and encoding of the generated types, without a server.
@Suite struct GeneratedModelTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    func json(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: NCPJSON.encoder.encode(value))
    }

    @Test func openEnumsKeepUnknownValuesAndSendThemBack() throws {
        let progress = try decode(AnalysisProgress.self, #"{"status":"ANALYZE_PAUSED","indexId":7}"#)
        #expect(progress.status == .unknown("ANALYZE_PAUSED"))
        #expect(try json(progress)["status"] == "ANALYZE_PAUSED")
        #expect(try decode(AnalysisProgress.self, #"{"status":"ANALYZE_COMPLETED"}"#).status == .analyzeCompleted)
        #expect(AnalysisStatus(rawValue: "ANALYZING") == .analyzing)
    }

    @Test func closedEnumsRejectUnknownValues() {
        #expect(throws: DecodingError.self) { try decode(SearchOptions.self, #"{"confidenceLevel":"EXTREME"}"#) }
        #expect(SourceLanguage.simplifiedChinese.rawValue == "ZH-CN")
    }

    @Test func bothSpellingsOfTheStatusMessageDecode() throws {
        let documented = try decode(AnalysisProgress.self, #"{"status":"ANALYZE_FAIL","analyzeStatusMessage":"person extraction failure"}"#)
        let example = try decode(AnalysisProgress.self, #"{"status":"ANALYZE_FAIL","analysisStatusMessage":"person extraction failure"}"#)
        #expect(documented.statusMessage == "person extraction failure")
        #expect(example.statusMessage == documented.statusMessage)
        #expect(try json(example)["analyzeStatusMessage"] == "person extraction failure")
        let filter = try decode(SearchFilter.self, #"{"asseTypes":["IMAGE"],"projectIds":[1]}"#)
        #expect(filter.assetTypes == [.image])
    }

    @Test func dateTimesWithAndWithoutAZoneDecodeAndRoundTrip() throws {
        let project = try decode(Project.self, #"{"projectId":1,"name":"p","createdTime":"2025-04-23T17:13:48","updatedTime":"2025-08-01T00:00:00Z"}"#)
        let created = try #require(project.createdTime)
        let updated = try #require(project.updatedTime)
        #expect(!created.hasTimeZone && updated.hasTimeZone)
        let seoul = try #require(TimeZone(identifier: "Asia/Seoul"))
        #expect(created.date(assuming: seoul) == Date(timeIntervalSince1970: 1_745_396_028))
        #expect(updated.date() == Date(timeIntervalSince1970: 1_754_006_400))
        #expect(try json(project)["createdTime"] == "2025-04-23T17:13:48")
    }

    @Test func partiallyDocumentedTypesKeepWhatTheyDoNotKnow() throws {
        let asset = try decode(Asset.self, #"{"assetId":5,"fileName":"a.mp4","updatedTime":"2026-01-01T00:00:00","duration":{"ms":10}}"#)
        #expect(asset.assetID == 5)
        #expect(asset.additionalFields["updatedTime"] == "2026-01-01T00:00:00")
        #expect(asset.additionalFields["duration"]?["ms"] == 10)
        let encoded = try json(asset)
        #expect(encoded["duration"]?["ms"] == 10 && encoded["assetId"] == 5)
    }

    @Test func requiredFieldsAreRequiredAndOptionalOnesAreNot() throws {
        #expect(throws: DecodingError.self) { try decode(Project.self, #"{"name":"no id"}"#) }
        let minimal = try decode(Project.self, #"{"projectId":1,"name":"p"}"#)
        #expect(minimal.isBaseProject == nil)
    }
}
