import CodegenCore
import Foundation
import Testing

/// The real spec against the reference's tables (`../shared/reference/media-intelligence-api.md`):
/// every endpoint row, every error row and every enum value must be in `spec/`.
@Suite struct SpecCoverageTests {
    static let spec: Spec = SpecCompiler.compile(paths: [TestPaths.spec.path]).spec

    static func referenceLines() throws -> [Substring] {
        let text = try String(contentsOf: TestPaths.reference, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The table cells of a Markdown row, trimmed.
    static func cells(_ line: Substring) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// `GET /api/v1/workspaces/{}/projects` — placeholder names differ between the reference and the spec.
    static func route(method: String, path: String) -> String {
        let bare = path.split(separator: "?").first.map(String.init) ?? path
        return method + " " + bare.replacingOccurrences(of: #"\{[^}]*\}"#, with: "{}", options: .regularExpression)
    }

    static func firstCode(in cell: String) -> String? {
        guard let start = cell.firstIndex(of: "`") else { return nil }
        let rest = cell[cell.index(after: start)...]
        return rest.firstIndex(of: "`").map { String(rest[..<$0]) }
    }

    @Test func theSpecIsValid() {
        let (_, diagnostics) = SpecCompiler.compile(paths: [TestPaths.spec.path])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyEndpointRowIsAnOperation() throws {
        let specRoutes = Set(Self.spec.operations.map { Self.route(method: $0.method, path: Self.spec.service.basePath + $0.path) })
        var referenceRoutes: [String] = []
        for line in try Self.referenceLines() {
            let cells = Self.cells(line)
            // Main table: | # | Group | Name | Method | `URI` | …; video table: | V1 | Name | Method | `URI` | ….
            if cells.count >= 12, Int(cells[0]) != nil, let uri = Self.firstCode(in: cells[4]) {
                let method = cells[3].split(separator: " ").first.map(String.init) ?? cells[3]
                referenceRoutes.append(Self.route(method: method, path: uri))
            } else if cells.count == 5, cells[0].hasPrefix("V"), Int(cells[0].dropFirst()) != nil, let uri = Self.firstCode(in: cells[3]) {
                referenceRoutes.append(Self.route(method: cells[2], path: uri))
            }
        }
        #expect(referenceRoutes.count == 69)
        for route in referenceRoutes {
            #expect(specRoutes.contains(route), "missing from spec/: \(route)")
        }
        #expect(Self.spec.operations.count == 69)
    }

    @Test func everyErrorRowIsAnErrorCode() throws {
        var rows: [(status: Int, code: String, message: String)] = []
        var inServiceTable = false
        for line in try Self.referenceLines() {
            if line.hasPrefix("### 4.1") { inServiceTable = true }
            if line.hasPrefix("### 4.2") { break }
            let cells = Self.cells(line)
            guard inServiceTable, cells.count == 4, let status = Int(cells[0]), let code = Self.firstCode(in: cells[1]),
                  let message = Self.firstCode(in: cells[2]), code != "0" else { continue }
            rows.append((status, code, message))
        }
        #expect(rows.count == 37)
        #expect(Set(rows.map(\.code)).count == 36)
        for row in rows {
            let matches = Self.spec.errors.filter { $0.code == row.code && $0.status == row.status }
            #expect(matches.count == 1, "error \(row.status)/\(row.code) is missing from spec/errors.yaml")
            #expect(matches.first?.message == row.message, "error \(row.code): message differs from the reference")
        }
    }

    @Test func everyGatewayErrorRowIsAGatewayErrorCode() throws {
        var rows: [(status: Int, code: String, message: String)] = []
        var inSection = false
        for line in try Self.referenceLines() {
            if line.hasPrefix("## 7.") { inSection = true; continue }
            if inSection, line.hasPrefix("## ") { break }
            let cells = Self.cells(line)
            guard inSection, cells.count == 5, let status = Int(cells[0]), let code = Int(cells[1]) else { continue }
            rows.append((status, String(code), cells[2]))
        }
        #expect(rows.count == 12)
        for row in rows {
            let match = Self.spec.gatewayErrors.first { $0.code == row.code }
            #expect(match?.status == row.status && match?.message == row.message, "gateway error \(row.code) differs or is missing")
        }
    }

    /// Which spec enum holds the values of each row of the reference's enum table (§3); rows that are free
    /// text, booleans or descriptions are listed as such, so a new row can't go unnoticed.
    static let enumForRow: [String: String?] = [
        "Analysis status": "AnalysisStatus", "Analysis failure message": nil, "Registration status": "RegistrationStatus",
        "Person-thumbnail upload status": "UploadStatus", "Person-thumbnail upload message": "UploadMessage",
        "Query-asset upload status": "UploadStatus", "Query-asset upload message": "UploadMessage",
        "Search status": "SearchStatus", "Scene-summary status": "SceneSummaryStatus", "`sceneRange`": "SceneRange",
        "`sourceLanguage`": "SourceLanguage", "`confidenceLevel`": "ConfidenceLevel", "`assetType`": "QueryAssetType",
        "`filter.assetTypes`": "AssetType", "Index `type`": "AssetType", "`metaData.format`": "MediaFormat",
        "`nameType`": "PersonNameType", "`sortColumn`": "PersonSortColumn", "`sortType`": "SortOrder",
        "`isBaseProject`": nil, "`analysisSetting.analysisEngine`": nil, "Audio-effect categories": nil, "Success `code`": nil,
    ]

    @Test func everyEnumValueIsInItsEnum() throws {
        var inSection = false
        var checkedRows = 0
        for line in try Self.referenceLines() {
            if line.hasPrefix("## 3.") { inSection = true; continue }
            if inSection, line.hasPrefix("## ") { break }
            let cells = Self.cells(line)
            guard inSection, cells.count == 4, !cells[0].hasPrefix("Enum"), !cells[0].hasPrefix("---") else { continue }
            guard let rowKey = Self.enumForRow.keys.first(where: { cells[0].hasPrefix($0) }) else {
                Issue.record("the reference has an enum row the test doesn't know: \(cells[0])")
                continue
            }
            guard let enumName = Self.enumForRow[rowKey] ?? nil else { continue }
            let values = cells[1].components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            let specValues = Self.spec.enums.first { $0.name == enumName }?.values.map(\.value) ?? []
            #expect(!values.isEmpty)
            for value in values {
                #expect(specValues.contains(value), "\(value) (\(rowKey)) is missing from enum \(enumName)")
            }
            checkedRows += 1
        }
        #expect(checkedRows == 18)
    }

    @Test func contradictionsAreKeptAsAlternatives() throws {
        let filter = try #require(Self.spec.types.first { $0.name == "SearchFilter" })
        #expect(filter.properties.first { $0.name == "assetTypes" }?.wireNames == ["asseTypes"])
        let progress = try #require(Self.spec.types.first { $0.name == "AnalysisProgress" })
        #expect(progress.properties.first { $0.name == "analyzeStatusMessage" }?.wireNames == ["analysisStatusMessage"])
        let presign = try #require(Self.spec.operations.first { $0.id == "createQueryImageUploadURL" })
        #expect(presign.rateLimit?.per == "second")
        #expect(presign.rateLimit?.alternatives.first?.per == "minute")
        #expect(Self.spec.errors.filter { $0.code == "10072" }.map(\.status) == [400, 422])
    }

    @Test func everyLongRunningStartHasAWaiterAndPagingIsDeclaredAsTheDocsPage() {
        let waiters = Set(Self.spec.waiters.map(\.name))
        for operation in Self.spec.operations {
            if let starts = operation.starts { #expect(waiters.contains(starts)) }
        }
        // The docs page by number from 1 (in the query, or in the body for person search), or not at all.
        let styles = Set(Self.spec.operations.compactMap { $0.paging?.style })
        #expect(styles == [.pageNumber, .none])
        #expect(Self.spec.operations.compactMap(\.paging).allSatisfy { $0.style == .none || ($0.parameter == "pageNum" && $0.firstPage == 1) })
        let deprecated = Self.spec.operations.filter { $0.deprecated != nil }
        #expect(deprecated.allSatisfy { $0.deprecated?.removal == "2027-01" && $0.deprecated?.replacement != nil })
    }
}
