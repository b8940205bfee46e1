import Crypto
import Foundation
import HTTPTypes
import MediaIntelligence
import NCPRuntime
import OpenAPIGeneratorBaseline
import OpenAPIRuntime

/// Our generated client against swift-openapi-generator's, for the same operations, on the same in-memory
/// transport, in alternating loops. Theirs gets the signing middleware a user would have to write (NCP refuses
/// unsigned calls); ours runs with its default settings: attempt and call deadlines, retries, argument checks,
/// rate limits.
extension Benchmarks {
    /// One measured call, made both ways.
    struct Pair {
        let name: String
        let body: String
        let ours: @Sendable (MediaIntelligenceClient) async throws -> Void
        let theirs: @Sendable (OpenAPIGeneratorBaseline.Client) async throws -> Void
    }

    /// An in-memory transport whose answer carries a JSON content type, as the service's do.
    struct JSONAnswerTransport: ClientTransport {
        let body: Data
        func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
            if let body { _ = try await Data(collecting: body, upTo: 1 << 20) } // a real transport reads the request body
            var response = HTTPResponse(status: .ok)
            response.headerFields[.contentType] = "application/json"
            return (response, HTTPBody(self.body))
        }
    }

    /// NCP's signature v2 as a swift-openapi-runtime middleware: what a swift-openapi-generator user adds.
    struct SigningMiddleware: ClientMiddleware {
        let accessKey = "AK"
        let key = SymmetricKey(data: Data("SK".utf8))
        func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                       next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
            var request = request
            let timestamp = String(Int64(Date().timeIntervalSince1970 * 1000))
            let target = baseURL.path + (request.path ?? "/")
            let message = "\(request.method.rawValue) \(target)\n\(timestamp)\n\(accessKey)"
            let signature = Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)).base64EncodedString()
            request.headerFields[HTTPField.Name("x-ncp-apigw-timestamp")!] = timestamp
            request.headerFields[HTTPField.Name("x-ncp-iam-access-key")!] = accessKey
            request.headerFields[HTTPField.Name("x-ncp-apigw-signature-v2")!] = signature
            return try await next(request, body, baseURL)
        }
    }

    static func workspaceJSON(_ index: Int, dates: Bool) -> String {
        let times = dates ? #","createdTime":"2025-04-23T08:13:48Z","updatedTime":"2025-05-01T01:02:03Z""# : ""
        return #"{"workspaceName":"workspace-\#(index)","workspaceUrl":"https://mi.apigw.ntruss.com/api/v1/workspaces/workspace-\#(index)","bucketName":"media-bucket","createdUserName":"someone"\#(times)}"#
    }

    static var pairs: [Pair] {
        func envelope(_ result: String) -> String { #"{"code":"0","message":"success","result":\#(result)}"# }
        func page(dates: Bool) -> String {
            let items = (1...20).map { workspaceJSON($0, dates: dates) }.joined(separator: ",")
            return envelope(#"{"totalCount":20,"totalPage":1,"pageNo":1,"pageSize":20,"content":[\#(items)]}"#)
        }
        func details(dates: Bool) -> String {
            envelope(String(workspaceJSON(1, dates: dates).dropLast()) + #","monthlyAnalysisCount":12}"#)
        }
        let getWorkspace: @Sendable (MediaIntelligenceClient) async throws -> Void = { _ = try await $0.getWorkspace(workspaceName: "workspace-1") }
        let theirGetWorkspace: @Sendable (OpenAPIGeneratorBaseline.Client) async throws -> Void = {
            _ = try await $0.getWorkspace(path: .init(workspaceName: "workspace-1")).ok.body.json
        }
        let listWorkspaces: @Sendable (MediaIntelligenceClient) async throws -> Void = { _ = try await $0.listWorkspaces(pageNumber: 1, pageSize: 20) }
        let theirListWorkspaces: @Sendable (OpenAPIGeneratorBaseline.Client) async throws -> Void = {
            _ = try await $0.listWorkspaces(query: .init(pageNum: 1, pageSize: 20)).ok.body.json
        }
        return [
            Pair(name: "getWorkspace, answer with date-times", body: details(dates: true), ours: getWorkspace, theirs: theirGetWorkspace),
            Pair(name: "getWorkspace, answer without date-times", body: details(dates: false), ours: getWorkspace, theirs: theirGetWorkspace),
            Pair(name: "listWorkspaces (20), with date-times", body: page(dates: true), ours: listWorkspaces, theirs: theirListWorkspaces),
            Pair(name: "listWorkspaces (20), without date-times", body: page(dates: false), ours: listWorkspaces, theirs: theirListWorkspaces),
            Pair(name: "searchAssets (text query)", body: envelope(#"{"searchId":"7a1c9e40-search"}"#),
                 ours: { _ = try await $0.searchAssets(workspaceName: "workspace-1", query: SearchQuery(textQuery: "a red car at night")) },
                 theirs: {
                     _ = try await $0.searchAssets(path: .init(workspaceName: "workspace-1"),
                                                   body: .json(.init(query: .init(textQuery: "a red car at night")))).ok.body.json
                 }),
        ]
    }

    /// `ncp-benchmarks versus [ROUNDS]`: µs per call each way, medians of alternating rounds.
    static func sideBySide(rounds: Int) async throws {
        let baseURL = URL(string: "https://mi.apigw.ntruss.com/api/v1")!
        print("ours (default settings) vs swift-openapi-generator 1.14.3 + a signing middleware, same in-memory transport; µs per call, median of \(rounds) alternating rounds of 900 calls")
        for pair in pairs {
            let transport = JSONAnswerTransport(body: Data(pair.body.utf8))
            let theirs = OpenAPIGeneratorBaseline.Client(serverURL: baseURL, transport: transport, middlewares: [SigningMiddleware()])
            // And without signing, which NCP refuses, to show what the middleware itself costs them.
            let theirsUnsigned = OpenAPIGeneratorBaseline.Client(serverURL: baseURL, transport: transport)
            // searchAssets is documented at 1,000 calls a minute, which our client keeps to by default: each round
            // makes a fresh client and stays under it, so the window is timed but never waited for.
            func perCall(_ body: () async throws -> Void) async rethrows -> Double { try await microsecondsPerCall(900, body) }
            var oursTimes: [Double] = [], theirTimes: [Double] = [], unsignedTimes: [Double] = [], ratios: [Double] = []
            for round in 0...rounds {
                let ours = MediaIntelligenceClient(configuration: NCPClientConfiguration(
                    baseURL: baseURL, credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), transport: transport))
                let mine = try await perCall { try await pair.ours(ours) }
                let other = try await perCall { try await pair.theirs(theirs) }
                let unsigned = try await perCall { try await pair.theirs(theirsUnsigned) }
                guard round > 0 else { continue } // warm-up
                oursTimes.append(mine)
                theirTimes.append(other)
                unsignedTimes.append(unsigned)
                ratios.append(mine / other)
            }
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            print(String(format: "  %@ ours %6.1f µs   theirs %6.1f µs (unsigned %6.1f µs)   ratio %.2fx",
                         pair.name.padding(toLength: 42, withPad: " ", startingAt: 0),
                         median(oursTimes), median(theirTimes), median(unsignedTimes), median(ratios)))
        }
    }
}
