import Foundation
import HTTPTypes
import MediaIntelligence
import NCPAsyncHTTPClient
import NCPRuntime
import OpenAPIRuntime

extension Benchmarks {
    /// A transport that answers every request from memory, so only the client's own work is timed.
    struct CannedTransport: ClientTransport {
        let body: Data
        func send(_ request: HTTPTypes.HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPTypes.HTTPResponse, HTTPBody?) {
            (HTTPTypes.HTTPResponse(status: .ok), HTTPBody(self.body))
        }
    }

    static func client(_ transport: any ClientTransport, baseURL: URL = URL(string: "http://127.0.0.1")!,
                       attemptTimeout: Duration? = .seconds(60), callTimeout: Duration? = .seconds(180)) -> NCPClient {
        NCPClient(configuration: NCPClientConfiguration(
            baseURL: baseURL, credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), transport: transport,
            attemptTimeout: attemptTimeout, callTimeout: callTimeout), answers: MediaIntelligenceClient.answers)
    }

    static func microseconds(_ duration: Duration, per count: Int) -> Double {
        milliseconds(duration) * 1000 / Double(count)
    }

    /// µs per call of `count` calls of `body`, one after another.
    static func microsecondsPerCall(_ count: Int, _ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        for _ in 0..<count { try await body() }
        return microseconds(ContinuousClock.now - start, per: count)
    }

    /// The client's own cost per request, with a transport that answers from memory: building, signing, the
    /// time limits, the rate-limit window, tracing, metrics and logging checks, decoding the envelope.
    static func inMemoryOverhead() async throws {
        let body = Data(#"{"code":"0","message":"success","result":{"workspaceName":"w","workspaceUrl":"u"}}"#.utf8)
        let transport = CannedTransport(body: body)
        struct Workspace: Decodable, Sendable { var workspaceName: String }
        let request = NCPRequest(operationID: "getWorkspace", method: .get, path: "/api/v1/workspaces/w")
        // A documented limit as Media Intelligence's search has (1,000 a minute); each round makes fresh clients and
        // stays under it, so the window's bookkeeping is timed and never a wait.
        let limits = ["getWorkspace": NCPRateLimit(1000, per: .seconds(60))]
        let baseURL = URL(string: "http://127.0.0.1")!
        let decoder = JSONDecoder()
        struct Envelope: Decodable { var code: String; var result: Workspace }
        // The ways in rounds, one after another, so each round's differences come from the same state of the
        // machine (on a shared VM the speed of everything drifts by half from one second to the next).
        let calls = 900, rounds = 41
        func perCall(_ body: () async throws -> Void) async rethrows -> Double { try await microsecondsPerCall(calls, body) }
        var bare: [Double] = [], full: [Double] = [], timed: [Double] = [], plain: [Double] = []
        for round in 0...rounds {
            let defaults = NCPClient(configuration: client(transport).configuration, answers: MediaIntelligenceClient.answers, rateLimits: limits)
            var unlimitedConfiguration = client(transport).configuration
            unlimitedConfiguration.rateLimiting = .off
            let unlimited = NCPClient(configuration: unlimitedConfiguration, answers: MediaIntelligenceClient.answers, rateLimits: limits)
            let untimed = client(transport, attemptTimeout: nil, callTimeout: nil)
            let bareRound = try await perCall {
                let (_, responseBody) = try await transport.send(HTTPTypes.HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/api/v1/workspaces/w"),
                                                                 body: nil, baseURL: baseURL, operationID: "bare")
                if let responseBody { _ = try decoder.decode(Envelope.self, from: try await Data(collecting: responseBody, upTo: 1 << 20)) }
            }
            let fullRound = try await perCall { _ = try await defaults.send(request, expecting: Workspace.self) }
            let timedRound = try await perCall { _ = try await unlimited.send(request, expecting: Workspace.self) }
            let plainRound = try await perCall { _ = try await untimed.send(request, expecting: Workspace.self) }
            guard round > 0 else { continue } // the first round warms up
            bare.append(bareRound)
            full.append(fullRound - bareRound)
            timed.append(timedRound - bareRound)
            plain.append(plainRound - bareRound)
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        print(String(format: "client, in-memory transport (median of %d rounds of %d calls): a bare transport call that decodes the same answer takes %.1f µs; the client adds %.1f µs with its defaults (attempt timeout, call deadline, a documented rate limit), %.1f µs without the rate limit, %.1f µs without either",
                     rounds, calls, median(bare), median(full), median(timed), median(plain)))
        print(String(format: "  so the deadlines cost %.1f µs a call and the rate-limit window %.1f µs", median(timed) - median(plain), median(full) - median(timed)))
    }

    /// `count` calls through the client on the in-memory transport, for an instruction counter
    /// (`valgrind --tool=callgrind`): run it for two counts and divide the difference.
    static func clientCalls(_ count: Int, timed: Bool) async throws {
        let body = Data(#"{"code":"0","message":"success","result":{"workspaceName":"w","workspaceUrl":"u"}}"#.utf8)
        struct Workspace: Decodable, Sendable { var workspaceName: String }
        let client = timed ? client(CannedTransport(body: body)) : client(CannedTransport(body: body), attemptTimeout: nil, callTimeout: nil)
        let request = NCPRequest(operationID: "getWorkspace", method: .get, path: "/api/v1/workspaces/w")
        for _ in 0..<count { _ = try await client.send(request, expecting: Workspace.self) }
    }

    /// A loopback server answering every GET with a small documented envelope.
    static func withLoopbackServer(_ body: (URL) async throws -> Void) async throws {
        let server = try NIOLoopbackServer(answer: #"{"code":"0","message":"success","result":{"workspaceName":"w","workspaceUrl":"u"}}"#)
        try await body(URL(string: "http://127.0.0.1:\(server.port)")!)
        try server.stop()
    }

    /// Latency of sequential calls and the wall time of `concurrent` calls at once, through each transport.
    static func transports(_ concurrent: Int) async throws {
        try await withLoopbackServer { baseURL in
            struct Workspace: Decodable, Sendable { var workspaceName: String }
            let request = NCPRequest(operationID: "getWorkspace", method: .get, path: "/api/v1/workspaces/w")
            for (name, transport) in [("URLSession", NCPTransport.urlSession() as any ClientTransport),
                                      ("AsyncHTTPClient", NCPTransport.asyncHTTPClient())] {
                let client = client(transport, baseURL: baseURL)
                for _ in 0..<20 { _ = try await client.send(request, expecting: Workspace.self) } // warm up
                let sequential = 200
                var start = ContinuousClock.now
                for _ in 0..<sequential { _ = try await client.send(request, expecting: Workspace.self) }
                let latency = microseconds(ContinuousClock.now - start, per: sequential)
                start = ContinuousClock.now
                var failures = 0
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<concurrent {
                        group.addTask { (try? await client.send(request, expecting: Workspace.self)) != nil }
                    }
                    for try await succeeded in group where !succeeded { failures += 1 }
                }
                let wall = milliseconds(ContinuousClock.now - start)
                print(String(format: "transport %@: %.2f ms per sequential call; %d concurrent calls in %.0f ms (%d failed)",
                             name, latency / 1000, concurrent, wall, failures))
            }
        }
    }

    /// A search-result page of about `megabytes` MB decoded through the client, against a bare `JSONDecoder`
    /// decoding the same generated types from the same bytes; the memory figures are the peak resident size above
    /// what the process held just before each decode (the peak is reset in between).
    static func largeResponse(megabytes: Int) async throws {
        let (body, count) = searchPage(megabytes: megabytes)
        // The page alone, for the bare decoder: the same bytes the client's `result` holds.
        let pageBytes = body[body.firstRange(of: Data(#""result":"#.utf8))!.upperBound..<body.index(before: body.endIndex)]
        let client = client(CannedTransport(body: body))
        let request = NCPRequest(operationID: "getAssetSearchResult", method: .get, path: "/api/v1/workspaces/w/assets/search/s-1")
        var bare: [Double] = [], viaClient: [Double] = []
        for _ in 0..<3 {
            var start = ContinuousClock.now
            let page = try JSONDecoder().decode(SearchResultPage.self, from: pageBytes)
            bare.append(milliseconds(ContinuousClock.now - start))
            precondition(page.results?.count == count)
            start = ContinuousClock.now
            let received = try await client.send(request, expecting: SearchResultPage.self)
            viaClient.append(milliseconds(ContinuousClock.now - start))
            precondition(received.results?.count == count)
        }
        let bareTime = bare.sorted()[1], clientTime = viaClient.sorted()[1]
        print(String(format: "decode a %.1f MB search page (%d results): bare JSONDecoder %.0f ms, through the client %.0f ms (%.2fx)",
                     Double(body.count) / 1e6, count, bareTime, clientTime, clientTime / bareTime))
    }

    /// Peak memory of one decode of the page, in a process of its own (`decode-memory bare|client MB`): the peak
    /// resident size above what the process held once the body was in memory.
    static func largeResponseMemory(_ way: String, megabytes: Int) async throws {
        let (body, count) = searchPage(megabytes: megabytes)
        let pageBytes = Data(body[body.firstRange(of: Data(#""result":"#.utf8))!.upperBound..<body.index(before: body.endIndex)])
        let client = client(CannedTransport(body: body))
        let request = NCPRequest(operationID: "getAssetSearchResult", method: .get, path: "/api/v1/workspaces/w/assets/search/s-1")
        let baseline = resetPeakMemory()
        let page = way == "bare" ? try JSONDecoder().decode(SearchResultPage.self, from: pageBytes)
                                 : try await client.send(request, expecting: SearchResultPage.self)
        let peak = peakMemoryMB() - baseline
        let held = statusMB("VmRSS:") - baseline
        precondition(page.results?.count == count)
        print(String(format: "decode memory, %@: peak %.0f MB above the %.1f MB body (%.1fx); the decoded page holds %.0f MB",
                     way, peak, Double(body.count) / 1e6, peak / (Double(body.count) / 1e6), held))
    }

    /// An answer of about `megabytes` MB: a completed search page whose results are scenes as the docs show them.
    static func searchPage(megabytes: Int) -> (body: Data, count: Int) {
        let scene = #"{"assetId":12345,"indexId":678,"sceneId":42,"startTime":"00:01:02.345","endTime":"00:01:09.000","score":0.9876,"thumbnailUrl":"https://example.com/thumbnails/12345/42.jpg","persons":[{"personId":7,"name":"홍길동"}],"keywords":["night","alley","rain"],"script":"we should not be here"}"#
        let count = megabytes * 1_000_000 / (scene.utf8.count + 1)
        var body = Data(#"{"code":"0","message":"success","result":{"searchId":"s-1","status":"COMPLETED","totalCount":\#(count),"totalPage":1,"pageNo":1,"pageSize":\#(count),"results":["#.utf8)
        body.reserveCapacity(megabytes * 1_000_000 + 256)
        for index in 0..<count {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: scene.utf8)
        }
        body.append(contentsOf: "]}}".utf8)
        return (body, count)
    }

    /// Open JSON nested `depth` levels deep, decoded: the time per level must not grow with the depth.
    static func jsonDepth() {
        for depth in [16, 32, 64, 500] {
            for (shape, open, close) in [("arrays", "[", "]"), ("objects", #"{"a":"#, "}")] {
                let text = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
                let data = Data(text.utf8)
                var outcome = "decoded"
                let time = median(runs: 21) {
                    do { _ = try JSONDecoder().decode(JSONValue.self, from: data) } catch { outcome = "refused" }
                }
                print(String(format: "open JSON, %d nested %@: %@ in %.3f ms (%.2f µs per level)", depth, shape, outcome, time, time * 1000 / Double(depth)))
            }
        }
    }
}
