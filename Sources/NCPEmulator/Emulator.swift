public import CodegenCore
public import Foundation
import NCPRuntime

/// What an emulator serves and how.
public struct EmulatorConfiguration: Sendable {
    /// The spec's files or folders.
    public var specPaths: [String]
    /// The keys the gateway accepts.
    public var keys: GatewayKeys
    /// Faults to inject.
    public var faults: FaultPlan
    /// How long an emulated analysis, index or search job takes, in seconds.
    public var jobSeconds: Double
    /// Where state is kept between runs; nil keeps it in memory.
    public var stateFile: StateFile?
    /// A workspace Media Intelligence starts with, so a client can work at once; nil for none.
    public var seedWorkspace: String?
    /// Serve every operation from the spec's examples, even for a service the emulator knows (Media Intelligence).
    public var stateless: Bool
    /// The clock jobs and the gateway's timestamp window run on.
    public var now: @Sendable () -> Date

    /// A configuration for the spec at `specPaths`.
    public init(specPaths: [String], keys: GatewayKeys = .emulatorDefault, faults: FaultPlan = .none, jobSeconds: Double = 30,
                stateFile: StateFile? = nil, seedWorkspace: String? = "my-workspace", stateless: Bool = false,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.specPaths = specPaths
        self.keys = keys
        self.faults = faults
        self.jobSeconds = jobSeconds
        self.stateFile = stateFile
        self.seedWorkspace = seedWorkspace
        self.stateless = stateless
        self.now = now
    }
}

/// Why an emulator can't start: a spec that doesn't validate (every problem, located) or a state file it can't use.
public struct EmulatorStartError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// A service on loopback: a gateway that checks signatures (or API keys), then the spec's operations, answered
/// from state (Media Intelligence) or from the spec's examples and documented fields (any spec).
public final class Emulator: Sendable {
    /// The spec served.
    public let spec: Spec
    private let configuration: EmulatorConfiguration
    private let router: OperationRouter
    private let checker: RequestChecker
    private let writer: AnswerWriter
    private let responder: GenericResponder
    private let gateway: GatewayGuard
    private let stateful: (any StatefulService)?
    private let saver: StateSaver?
    /// Where presigned URLs point; set once the server knows its port.
    let publicBaseURL = LockedValue("http://127.0.0.1")

    /// Loads and validates the spec, and the state file if there is one.
    public init(_ configuration: EmulatorConfiguration) throws(EmulatorStartError) {
        let (spec, diagnostics) = SpecCompiler.compile(paths: configuration.specPaths)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, !spec.service.name.isEmpty else {
            throw EmulatorStartError(description: errors.isEmpty ? "\(configuration.specPaths.joined(separator: ", ")): error: no spec found"
                                     : errors.map(\.description).joined(separator: "\n"))
        }
        self.spec = spec
        self.configuration = configuration
        router = OperationRouter(spec: spec)
        checker = RequestChecker(spec: spec)
        writer = AnswerWriter(spec: spec)
        responder = GenericResponder(builder: ValueBuilder(spec: spec), writer: writer)
        gateway = GatewayGuard(keys: configuration.keys, now: configuration.now)
        if spec.service.name == "MediaIntelligence", !configuration.stateless {
            let saved: MediaIntelligenceState?
            do {
                saved = try configuration.stateFile?.load()
            } catch {
                throw EmulatorStartError(description: error.description)
            }
            let base = publicBaseURL
            stateful = MediaIntelligenceEmulation(state: saved ?? MediaIntelligenceState(), clock: JobClock(seconds: configuration.jobSeconds),
                                                  now: configuration.now, uploadBase: { base.value }, seedWorkspace: configuration.seedWorkspace)
            saver = configuration.stateFile.map { StateSaver(file: $0) }
        } else {
            stateful = nil
            saver = nil
        }
    }

    /// Answers one request as the service behind its gateway would.
    public func respond(to request: EmulatorRequest) async -> EmulatorResponse {
        if request.method == "PUT", request.path.hasPrefix(EmulatorPaths.uploads) {
            let key = String(request.path.dropFirst(EmulatorPaths.uploads.count)).removingPercentEncoding ?? ""
            await stateful?.acceptUpload(key: key, size: request.body.count)
            await saveLater()
            return EmulatorResponse(status: 200)
        }
        if let refusal = gateway.check(request, apiKeyHeader: spec.service.apiKeyHeader, apiKeyIDHeader: spec.service.apiKeyIDHeader) {
            return writer.gatewayError(code: refusal.code, details: refusal.details)
        }
        guard let (operation, parameters) = router.match(method: request.method, path: request.path) else {
            return writer.gatewayError(code: "300", details: "no operation answers \(request.method) \(request.path)")
        }
        if configuration.faults.latency > .zero { try? await Task.sleep(for: configuration.faults.latency) }
        switch configuration.faults.fault(for: Double.random(in: 0..<1)) {
        case .fail?: return writer.gatewayError(code: "500", details: "an injected fault (--fail-rate)")
        case .throttle?: return writer.gatewayError(code: "410", details: "an injected fault (--throttle-rate)", headers: [("Retry-After", "1")])
        case nil: break
        }
        let body: JSONValue?
        do {
            body = try checker.check(operation, request, pathParameters: parameters)
        } catch {
            var violation = error
            if stateful is MediaIntelligenceEmulation, let code = MediaIntelligenceEmulation.errorCode(for: error, operationID: operation.id) {
                violation.errorCode = code
            }
            return writer.invalid(operation, violation)
        }
        if let stateful {
            let query = Dictionary(grouping: request.queryItems, by: \.name).mapValues { $0.map(\.value) }
            let call = ServiceCall(operationID: operation.id, pathParameters: parameters, query: query, body: body)
            if let outcome = await stateful.handle(call) {
                if request.method != "GET" { await saveLater() }
                switch outcome {
                case .result(let result): return writer.success(operation, result: result)
                case .failure(let code, let details): return writer.serviceError(operation, code: code, details: details)
                }
            }
        }
        return responder.answer(operation, request)
    }

    /// Writes the state file now, if there is one.
    public func saveState() async throws {
        guard let saver, let stateful else { return }
        try await saver.save(stateful.snapshot())
    }

    private func saveLater() async {
        guard let saver, let stateful else { return }
        await saver.requestSave { try await stateful.snapshot() }
    }

    /// The service's name, for messages.
    public var serviceTitle: String { spec.service.title.isEmpty ? spec.service.name : spec.service.title }
    /// Whether the emulator keeps state for this service.
    public var keepsState: Bool { stateful != nil }
}

/// A value read and written from any thread.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Writes the state file at most every 50 ms however many changes come in, the last state always; an explicit
/// save (at exit) supersedes a pending one, so nothing older is written after it.
actor StateSaver {
    let file: StateFile
    private var pending: Task<Void, Never>?
    /// Counts explicit saves: a delayed save that finds it changed while it took its snapshot writes nothing.
    private var explicitSaves = 0

    init(file: StateFile) { self.file = file }

    func requestSave(_ snapshot: @escaping @Sendable () async throws -> Data) {
        guard pending == nil else { return }
        pending = Task {
            try? await Task.sleep(for: .milliseconds(50))
            await self.finish(snapshot)
        }
    }

    private func finish(_ snapshot: @Sendable () async throws -> Data) async {
        guard !Task.isCancelled else { return }
        pending = nil
        let before = explicitSaves
        if let data = try? await snapshot(), explicitSaves == before { try? file.save(data) }
    }

    func save(_ data: Data) throws {
        pending?.cancel()
        pending = nil
        explicitSaves += 1
        try file.save(data)
    }
}
