import CodegenCore
import Foundation
import NCPRuntime

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
        // Off the main actor, as a server's calls run: every hop to the main actor would be counted too.
        case "client": try await Task.detached { try await inMemoryOverhead() }.value
        case "versus": try await Task.detached { try await sideBySide(rounds: Int(arguments.dropFirst().first ?? "9") ?? 9) }.value
        case "upload": try await Task.detached { try await upload(megabytes: Int(arguments.dropFirst().first ?? "100") ?? 100) }.value
        case "transports": try await Task.detached { try await transports(Int(arguments.dropFirst().first ?? "1000") ?? 1000) }.value
        case "decode": try await Task.detached { try await largeResponse(megabytes: Int(arguments.dropFirst().first ?? "10") ?? 10) }.value
        case "decode-memory": try await Task.detached {
            try await largeResponseMemory(arguments.dropFirst().first ?? "client", megabytes: Int(arguments.dropFirst(2).first ?? "10") ?? 10)
        }.value
        case "client-calls": try await Task.detached {
            try await clientCalls(Int(arguments.dropFirst().first ?? "1000") ?? 1000, timed: arguments.dropFirst(2).first != "untimed")
        }.value
        case "json-depth": jsonDepth()
        case "diff": try diffBenchmark()
        case "openapi": try openAPIBenchmark()
        case "import-pages": try importPagesBenchmark(folder: arguments.dropFirst().first ?? "Tests/CodegenCoreTests/Fixtures/pages/real")
        case "docs-fetch": try await Task.detached {
            try await docsFetchBenchmark(folder: arguments.dropFirst().first ?? "Tests/CodegenCoreTests/Fixtures/pages/real")
        }.value
        case "docs-check": try docsCheckBenchmark(folder: arguments.dropFirst().first ?? "Tests/CodegenCoreTests/Fixtures/pages/real")
        case "emulator": try await Task.detached { try await emulatorBenchmark() }.value
        case "all":
            try specBenchmarks()
            signing()
            try await Task.detached { try await inMemoryOverhead() }.value
            jsonDepth()
            try diffBenchmark()
        default:
            print("usage: ncp-benchmarks [all|spec|scale N|signing|client|versus [ROUNDS]|upload [MB]|transports [N]|decode [MB]|decode-memory bare|client [MB]|json-depth|diff|openapi|docs-check [DIR]|docs-fetch [DIR]|import-pages [DIR]|emulator]")
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

    /// The process's peak resident size since it started or since `resetPeakMemory()`, in MB.
    static func peakMemoryMB() -> Double {
        statusMB("VmHWM:")
    }

    /// Starts a new peak (Linux: writing 5 to `clear_refs`) and answers the resident size now, in MB.
    static func resetPeakMemory() -> Double {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        return statusMB("VmRSS:")
    }

    static func statusMB(_ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
        return kilobytes / 1024
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
        let validate = median(runs: 50) { _ = SpecValidator.validate(spec) }
        let render = try median(runs: 50) { _ = try Generator.generate(spec: spec, templates: templates) }
        let pipeline = try median(runs: 50) { _ = try Generator.generate(specPaths: ["spec"], templates: templates) }
        print(String(format: "spec: load + validate %d operations: %.2f ms (median of 50)", operations, load))
        print(String(format: "pipeline: validate + lower + render: %.2f ms (validate alone %.2f ms); load + validate + lower + render: %.2f ms",
                     render, validate, pipeline))
    }

    /// `ncp-codegen diff` of two MI specs: both loaded and validated, then compared (one field's limit differs, so
    /// there is a change to find and report).
    static func diffBenchmark() throws {
        let (base, _) = SpecCompiler.compile(paths: ["spec"])
        var edited = base
        edited.types[0].properties[0].description += " Edited."
        let compare = median(runs: 50) { _ = ChangeReport.text(SpecDiff.compare(old: base, new: edited)) }
        let whole = try median(runs: 50) {
            let (old, oldDiagnostics) = SpecCompiler.compile(paths: ["spec"])
            let (new, newDiagnostics) = SpecCompiler.compile(paths: ["spec"])
            guard oldDiagnostics.isEmpty, newDiagnostics.isEmpty else { throw GenerationError(message: "the spec has problems") }
            _ = ChangeReport.text(SpecDiff.compare(old: old, new: new))
        }
        print(String(format: "diff: two MI specs loaded, validated and compared: %.2f ms; the comparison alone: %.2f ms (medians of 50)", whole, compare))
    }

    /// `ncp-codegen export` of the MI spec (already loaded), and `import` of that document written compactly (about
    /// 150 KB) and pretty-printed (about 300 KB), from memory to the files' text.
    static func openAPIBenchmark() throws {
        let (spec, _) = SpecCompiler.compile(paths: ["spec"])
        var document = ""
        let export = median(runs: 50) { document = OpenAPIExport.document(of: spec) }
        let compact = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(document.utf8)), options: [.sortedKeys])
        let compactText = String(decoding: compact, as: UTF8.self)
        let importCompact = try median(runs: 20) { _ = try OpenAPIImport.importDocument(SpecSource(path: "mi.json", text: compactText)) }
        let importPretty = try median(runs: 20) { _ = try OpenAPIImport.importDocument(SpecSource(path: "mi.json", text: document)) }
        print(String(format: "openapi: export of the MI spec %.2f ms (%d KB); import %.2f ms (%d KB compact), %.2f ms (pretty) (medians)",
                     export, document.utf8.count / 1024, importCompact, compact.count / 1024, importPretty))
    }

    /// `ncp-codegen docs-check` over the real NAVER pages we keep as fixtures (every layout they come in), read
    /// from memory, parsed into page models and compared with the spec (already loaded, as the command loads it once).
    static func docsCheckBenchmark(folder: String) throws {
        let (spec, _) = SpecCompiler.compile(paths: ["spec"])
        let pages = try pageFiles(in: folder).map { file in
            (file, try String(contentsOfFile: file, encoding: .utf8))
        }
        var report = DocsCheckReport()
        let read = median(runs: 20) { _ = pages.map { PageModel.read(source: $0.0, text: $0.1) } }
        let time = median(runs: 20) {
            report = DocsChecker.check(spec, pages: pages.map { PageModel.read(source: $0.0, text: $0.1) })
        }
        let bytes = pages.reduce(0) { $0 + $1.1.utf8.count }
        print(String(format: "docs-check: %d pages (%d KB) read %.2f ms, read and compared %.2f ms (medians of 20; %d findings)",
                     pages.count, bytes / 1024, read, time, report.findings.count))
    }

    /// `ncp-codegen import PAGES…` over the real page copies of six services (100 pages), read from memory: pages
    /// read, each service's spec built, written as YAML and validated (twice when examples must be left out).
    static func importPagesBenchmark(folder: String) throws {
        let services = ["mi", "mailer", "sens", "nclue", "billing", "apigateway"]
        let files = try pageFiles(in: folder).filter { file in services.contains { file.contains("/\($0)/") } }
        let texts = try files.map { ($0, try String(contentsOfFile: $0, encoding: .utf8)) }
        var operations = 0
        let time = try median(runs: 20) {
            let pages = texts.map { PageModel.read(source: $0.0, text: $0.1) }
            // Each service on its own, as a person imports them.
            operations = 0
            for service in services {
                let own = pages.filter { $0.source.contains("/\(service)/") }
                operations += try PageImport.importPages(own).operationCount
            }
        }
        print(String(format: "import: %d pages of %d services read, imported and validated into %d operations: %.1f ms (median of 20)",
                     texts.count, services.count, operations, time))
    }

    /// The page copies in the folders under `folder` (the files beside them describe the copies).
    static func pageFiles(in folder: String) throws -> [String] {
        try PageFiles.files([folder]).filter { ($0 as NSString).deletingLastPathComponent != (folder as NSString).standardizingPath }
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
}
