import CodegenCore
import FlyingFox
import Foundation
import NCPRuntime
import OpenAPIRuntime
import OpenAPIURLSession
import HTTPTypes
#if canImport(Glibc)
import Glibc
#endif

/// `swift run -c release ncp-benchmarks [spec|scale N|signing|client]`: measures, never asserts.
@main
struct Benchmarks {
    static func main() async throws {
        // The allocator set up as `ncp-codegen` sets it up, so the figures are the tool's.
        ProcessMemory.returnLargeBlocksPromptly()
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first ?? "all" {
        case "spec": try specBenchmarks()
        case "scale": try scale(Int(arguments.dropFirst().first ?? "10") ?? 10)
        case "signing": signing()
        case "client": try await clientOverhead()
        case "all":
            try specBenchmarks()
            signing()
            try await clientOverhead()
        default:
            print("usage: ncp-benchmarks [all|spec|scale N|signing|client]")
        }
    }

    /// Median of `runs` timings of `body`, in milliseconds.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try body()
            samples.append(milliseconds(ContinuousClock.now - start))
        }
        return samples.sorted()[samples.count / 2]
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func peakMemoryMB() -> Double {
        #if canImport(Glibc)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        return 0
        #endif
    }

    static func specBenchmarks() throws {
        let templates = try TemplateSet.builtIn()
        var operations = 0
        let load = try median(runs: 50) {
            let (spec, diagnostics) = SpecCompiler.compile(paths: ["spec"])
            guard diagnostics.isEmpty else { throw GenerationError(message: "the spec has problems") }
            operations = spec.operations.count
        }
        let (spec, _) = SpecCompiler.compile(paths: ["spec"])
        let render = try median(runs: 50) { _ = try Generator.generate(spec: spec, templates: templates) }
        let pipeline = try median(runs: 50) { _ = try Generator.generate(specPaths: ["spec"], templates: templates) }
        print(String(format: "spec: load + validate %d operations: %.2f ms (median of 50)", operations, load))
        print(String(format: "pipeline: validate + lower + render: %.2f ms; load + validate + lower + render: %.2f ms", render, pipeline))
    }

    /// The real spec copied `factor` times under new names, generated in memory. Only the generation is timed;
    /// the peak before it is what the process holds already (runtime libraries, the spec itself).
    static func scale(_ factor: Int) throws {
        let templates = try TemplateSet.builtIn()
        let (base, _) = SpecCompiler.compile(paths: ["spec"])
        let spec = SyntheticSpec.multiply(base, by: factor)
        let peakBefore = peakMemoryMB()
        var samples: [Double] = []
        var lines = 0
        for _ in 0..<3 {
            let start = ContinuousClock.now
            let files = try Generator.generate(spec: spec, templates: templates).files
            samples.append(milliseconds(ContinuousClock.now - start))
            lines = files.reduce(0) { $0 + $1.contents.utf8.count(where: { $0 == UInt8(ascii: "\n") }) }
        }
        print(String(format: "scale x%d: %d operations, %d lines generated in %.1f ms (median of 3); peak memory %.1f MB (%.1f MB before generating)",
                     factor, spec.operations.count, lines, samples.sorted()[1], peakMemoryMB(), peakBefore))
    }

    static func signing() {
        let credentials = NCPCredentials(accessKey: "EXAMPLEACCESSKEY1234", secretKey: "EXAMPLESECRETKEY0123456789abcdefghijklmn")
        let iterations = 200_000
        var sink = 0
        let start = ContinuousClock.now
        for index in 0..<iterations {
            sink &+= RequestSigner.signature(method: "GET", pathAndQuery: "/api/v1/workspaces/my-workspace/projects/1234/assets?pageNum=\(index)&pageSize=100",
                                             timestamp: "1735689600000", credentials: credentials).utf8.count
        }
        let perCall = milliseconds(ContinuousClock.now - start) * 1000 / Double(iterations)
        print(String(format: "signing: %.3f µs per request (%d signatures, checksum %d)", perCall, iterations, sink))
    }

    /// The same GETs against a loopback server, through the bare transport and through the client.
    static func clientOverhead() async throws {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        let body = Data(#"{"code":"0","message":"success","result":{"workspaceName":"w","workspaceUrl":"u"}}"#.utf8)
        await server.appendRoute("*") { _ in HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: body) }
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { return }
        let baseURL = URL(string: "http://127.0.0.1:\(port)")!
        let transport = URLSessionTransport()
        let client = NCPClient(configuration: NCPClientConfiguration(
            baseURL: baseURL, credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), transport: transport))
        struct Workspace: Decodable, Sendable { var workspaceName: String }
        let requests = 100
        func bare() async throws {
            for _ in 0..<requests {
                let (_, responseBody) = try await transport.send(HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/api/v1/workspaces/w"),
                                                                 body: nil, baseURL: baseURL, operationID: "bare")
                if let responseBody { _ = try await Data(collecting: responseBody, upTo: 1 << 20) }
            }
        }
        func viaClient() async throws {
            for _ in 0..<requests {
                _ = try await client.send(NCPRequest(operationID: "getWorkspace", method: .get, path: "/api/v1/workspaces/w"), expecting: Workspace.self)
            }
        }
        try await bare() // warm up connections
        var bareTimes: [Double] = [], clientTimes: [Double] = []
        for _ in 0..<5 {
            var start = ContinuousClock.now
            try await bare()
            bareTimes.append(milliseconds(ContinuousClock.now - start))
            start = ContinuousClock.now
            try await viaClient()
            clientTimes.append(milliseconds(ContinuousClock.now - start))
        }
        let bareMedian = bareTimes.sorted()[2] / Double(requests) * 1000
        let clientMedian = clientTimes.sorted()[2] / Double(requests) * 1000
        print(String(format: "client: bare transport %.1f µs/request, NCPClient %.1f µs/request, overhead %.1f%%",
                     bareMedian, clientMedian, (clientMedian / bareMedian - 1) * 100))
        await server.stop()
        task.cancel()
        try await inMemoryOverhead(body: body)
    }

    /// The client's own cost per request, with a transport that answers from memory: signing, building,
    /// decoding the envelope, logging checks.
    static func inMemoryOverhead(body: Data) async throws {
        struct CannedTransport: ClientTransport {
            let body: Data
            func send(_ request: HTTPTypes.HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPTypes.HTTPResponse, HTTPBody?) {
                (HTTPTypes.HTTPResponse(status: .ok), HTTPBody(self.body))
            }
        }
        let transport = CannedTransport(body: body)
        let baseURL = URL(string: "http://127.0.0.1")!
        let client = NCPClient(configuration: NCPClientConfiguration(
            baseURL: baseURL, credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), transport: transport))
        struct Workspace: Decodable, Sendable { var workspaceName: String }
        let requests = 20_000
        var start = ContinuousClock.now
        for _ in 0..<requests {
            let (_, responseBody) = try await transport.send(HTTPTypes.HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/api/v1/workspaces/w"),
                                                             body: nil, baseURL: baseURL, operationID: "bare")
            if let responseBody { _ = try await Data(collecting: responseBody, upTo: 1 << 20) }
        }
        let bare = milliseconds(ContinuousClock.now - start) * 1000 / Double(requests)
        start = ContinuousClock.now
        for _ in 0..<requests {
            _ = try await client.send(NCPRequest(operationID: "getWorkspace", method: .get, path: "/api/v1/workspaces/w"), expecting: Workspace.self)
        }
        let viaClient = milliseconds(ContinuousClock.now - start) * 1000 / Double(requests)
        let untimed = NCPClient(configuration: NCPClientConfiguration(
            baseURL: baseURL, credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), transport: transport, timeout: nil))
        start = ContinuousClock.now
        for _ in 0..<requests {
            _ = try await untimed.send(NCPRequest(operationID: "getWorkspace", method: .get, path: "/api/v1/workspaces/w"), expecting: Workspace.self)
        }
        let withoutTimeout = milliseconds(ContinuousClock.now - start) * 1000 / Double(requests)
        print(String(format: "client, in-memory transport: bare %.1f µs/request, NCPClient %.1f µs/request (%.1f µs without a timeout): the client adds %.1f µs",
                     bare, viaClient, withoutTimeout, viaClient - bare))
    }
}
