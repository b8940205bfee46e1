import Foundation
@testable import NCPRuntime
import Testing
import TestSupport

/// The client against a real HTTP server on 127.0.0.1 that checks every signature and plays scripted answers.
@Suite(.serialized) struct ClientTests {
    /// A GET, or with `post` a non-idempotent POST with a body.
    func request(post: Bool = false) -> NCPRequest {
        post ? NCPRequest(operationID: "createWorkspace", method: .post, path: "/api/v1/workspaces", body: Data(#"{"workspaceName":"x"}"#.utf8))
             : NCPRequest(operationID: "getWorkspace", method: .get, path: "/api/v1/workspaces/my-workspace")
    }

    @Test func successEnvelopeIsUnwrappedAndTheRequestIsSigned() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"workspaceName":"my-workspace","monthlyAnalysisCount":3}"#))
        let result = try await server.client().send(request(), expecting: Workspace.self)
        #expect(result == Workspace(workspaceName: "my-workspace", monthlyAnalysisCount: 3))
        let received = try #require(server.requests.first)
        #expect(received.signatureIsValid)
        #expect(received.method == "GET")
        #expect(received.target == "/api/v1/workspaces/my-workspace")
    }

    /// The control for every `signatureIsValid` check: the server's verifier does reject a wrong signature.
    @Test func theServerRejectsASignatureMadeWithTheWrongSecret() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = NCPClient(configuration: NCPClientConfiguration(
            baseURL: server.baseURL, credentials: StaticCredentialProvider(accessKey: server.accessKey, secretKey: "wrong"), retryPolicy: .none))
        _ = try await client.send(request())
        #expect(server.requests.count == 1)
        #expect(server.requests.first?.signatureIsValid == false)
    }

    @Test func queryStringsWithNonASCIIValuesArriveSignedAsSent() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        var request = NCPRequest(operationID: "listPersons", method: .get, path: "/api/v1/workspaces/my-workspace/persons")
        request.appendQuery("pageNum", 1)
        request.appendQuery("name", "홍길동 & co")
        request.appendCommaSeparatedQuery("tagIdList", [100, 200])
        _ = try await server.client().send(request)
        let received = try #require(server.requests.first)
        #expect(received.target == "/api/v1/workspaces/my-workspace/persons?pageNum=1&name=%ED%99%8D%EA%B8%B8%EB%8F%99%20%26%20co&tagIdList=100,200")
        #expect(received.signatureIsValid)
    }

    @Test func serviceErrorBodiesBecomeServiceErrors() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let cases: [(Int, String, String)] = [
            (400, #""10001""#, "Invalid Request."), (404, #""10030""#, "The workspace does not exist."),
            (409, #""20012""#, "Exist Workspace Name."), (422, #""10072""#, "Invalid file format."), (401, "10003", "Failed to check permissions."),
        ]
        for (status, code, message) in cases {
            server.enqueue(.json(status, #"{"code":\#(code),"message":"\#(message)"}"#, headers: ["x-ncp-trace-id": "trace-\(status)"]))
            let error = await #expect(throws: NCPError.self) { try await server.client().send(request(), expecting: Workspace.self) }
            #expect(error?.kind == .service)
            #expect(error?.statusCode == status)
            #expect(error?.serviceCode?.rawValue == code.replacingOccurrences(of: "\"", with: ""))
            #expect(error?.message == message)
            #expect(error?.requestID == "trace-\(status)")
            #expect(error?.attempts == 1)
        }
    }

    @Test func aNonZeroCodeInAn200IsStillAServiceError() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(200, #"{"code":"99999","message":"An error has occurred."}"#))
        let error = await #expect(throws: NCPError.self) { try await server.client().send(request(), expecting: Workspace.self) }
        #expect(error?.kind == .service)
        #expect(error?.serviceCode == "99999")
    }

    @Test func gatewayErrorBodiesBecomeGatewayErrors() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(401, #"{"error":{"errorCode":"200","message":"Authentication Failed"}}"#),
                       .json(401, #"{"error":{"errorCode":210,"message":"Permission Denied"}}"#))
        let first = await #expect(throws: NCPError.self) { try await server.client().send(request()) }
        #expect(first?.kind == .gateway)
        #expect(first?.gatewayCode == "200")
        #expect(first?.message == "Authentication Failed")
        let second = await #expect(throws: NCPError.self) { try await server.client().send(request()) }
        #expect(second?.gatewayCode == "210")
    }

    @Test func throttlingWithRetryAfterIsRetriedAfterTheServersDelay() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(429, #"{"error":{"errorCode":"410","message":"Throttle Limited"}}"#, headers: ["Retry-After": "2"]),
                       .success(#"{"workspaceName":"w"}"#))
        let sleeper = RecordingSleeper()
        // A POST: throttling means the gateway never ran it, so even a non-idempotent request is repeated.
        let result = try await server.client(sleeper: sleeper).send(request(post: true), expecting: Workspace.self)
        #expect(result.workspaceName == "w")
        #expect(sleeper.sleeps == [.seconds(2)])
        #expect(server.requests.count == 2)
        #expect(server.requests.allSatisfy { $0.signatureIsValid })
    }

    @Test func serverErrorsThenSuccessRetriesAnIdempotentRequestWithFreshSignatures() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(500, #"{"code":"99999","message":"An error has occurred."}"#),
                       .json(503, #"{"error":{"errorCode":"500","message":"Endpoint Error"}}"#),
                       .success(#"{"workspaceName":"w"}"#))
        let sleeper = RecordingSleeper()
        let clock = SteppingClock()
        let result = try await server.client(sleeper: sleeper, now: clock.now).send(request(), expecting: Workspace.self)
        #expect(result.workspaceName == "w")
        #expect(sleeper.sleeps.count == 2)
        #expect(sleeper.sleeps[0] <= .milliseconds(200) && sleeper.sleeps[1] <= .milliseconds(400))
        let timestamps = server.requests.map { $0.headers["x-ncp-apigw-timestamp"] }
        let signatures = server.requests.map { $0.headers["x-ncp-apigw-signature-v2"] }
        #expect(Set(timestamps).count == 3)
        #expect(Set(signatures).count == 3)
        #expect(server.requests.allSatisfy { $0.signatureIsValid })
    }

    @Test func aServerErrorIsNotSilentlyRepeatedForANonIdempotentRequest() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(500, #"{"code":"99999","message":"An error has occurred."}"#))
        let error = await #expect(throws: NCPError.self) { try await server.client().send(request(post: true)) }
        #expect(error?.kind == .service)
        #expect(error?.attempts == 1)
        #expect(server.requests.count == 1)
    }

    @Test func retriesStopAtTheMaximumAndReportTheAttempts() async throws {
        let server = try await LoopbackServer.start(fallback: .json(502, "<html><body>Bad Gateway</body></html>", headers: ["Content-Type": "text/html"]))
        defer { Task { await server.stop() } }
        let error = await #expect(throws: NCPError.self) { try await server.client(retryPolicy: RetryPolicy(maxAttempts: 3)).send(request()) }
        #expect(error?.kind == .httpStatus)
        #expect(error?.statusCode == 502)
        #expect(error?.attempts == 3)
        #expect(error?.rawBodyText == "<html><body>Bad Gateway</body></html>")
        #expect(server.requests.count == 3)
    }

    @Test func truncatedJSONIsADecodingError() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(200, #"{"code":"0","message":"success","result":{"workspaceName":"w"#))
        let error = await #expect(throws: NCPError.self) { try await server.client().send(request(), expecting: Workspace.self) }
        #expect(error?.kind == .decoding)
        #expect(error?.message == "the answer is not valid JSON")
    }

    @Test func aWrongFieldTypeNamesTheField() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.success(#"{"workspaceName":"w","monthlyAnalysisCount":"many"}"#))
        let error = await #expect(throws: NCPError.self) { try await server.client().send(request(), expecting: Workspace.self) }
        #expect(error?.kind == .decoding)
        #expect(error?.field == "result.monthlyAnalysisCount")
        #expect(error?.operationID == "getWorkspace")
    }

    @Test func emptyBodies() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(LoopbackServer.Answer(status: 200), LoopbackServer.Answer(status: 404))
        let empty = await #expect(throws: NCPError.self) { try await server.client().send(request(), expecting: Workspace.self) }
        #expect(empty?.kind == .decoding)
        #expect(empty?.message == "the answer has an empty body")
        let notFound = await #expect(throws: NCPError.self) { try await server.client().send(request()) }
        #expect(notFound?.kind == .httpStatus)
        #expect(notFound?.message == "HTTP 404 with an empty body")
    }

    @Test(arguments: [LoopbackServer.Answer(status: 204), LoopbackServer.Answer(status: 200), LoopbackServer.Answer(status: 200, body: Data(" \n".utf8))])
    func anOperationThatReturnsNothingAcceptsAnEmptyAnswer(_ answer: LoopbackServer.Answer) async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let delete = NCPRequest(operationID: "deleteWorkspace", method: .delete, path: "/workspaces/w")
        for shape in [NCPAnswerShape.testEnvelope, .plain] {
            server.enqueue(answer)
            let client = NCPClient(configuration: server.client().configuration, answers: shape)
            #expect(try await client.send(delete, expecting: NCPNoResult.self) == NCPNoResult())
        }
        // A result that was documented still can't be conjured from nothing.
        server.enqueue(answer)
        await #expect(throws: NCPError.self) { try await server.client().send(delete, expecting: Workspace.self) }
        // And an enveloped failure in a 200 is still a failure.
        server.enqueue(.json(200, #"{"code":"10404","message":"not found"}"#))
        await #expect(throws: NCPError.self) { try await server.client().send(delete, expecting: NCPNoResult.self) }
    }

    @Test func aResponseSlowerThanTheTimeoutTimesOut() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        var slow = LoopbackServer.Answer.success("{}")
        slow.delay = .seconds(3)
        server.enqueue(slow)
        let started = ContinuousClock.now
        let error = await #expect(throws: NCPError.self) {
            try await server.client(retryPolicy: .none, timeout: .milliseconds(300)).send(self.request())
        }
        #expect(error?.kind == .timeout)
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test func aDroppedConnectionIsATransportErrorAndIdempotentRequestsAreRetried() async throws {
        let dropping = try DroppingServer()
        defer { dropping.stop() }
        let client = NCPClient(configuration: NCPClientConfiguration(
            baseURL: dropping.baseURL, credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"),
            retryPolicy: RetryPolicy(maxAttempts: 2), sleep: RecordingSleeper().sleep))
        let error = await #expect(throws: NCPError.self) { try await client.send(self.request()) }
        #expect(error?.kind == .transport)
        #expect(error?.attempts == 2)
        #expect(dropping.connections >= 2)
    }

    @Test func missingCredentialsAreReportedBeforeAnythingIsSent() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = NCPClient(configuration: NCPClientConfiguration(baseURL: server.baseURL, credentials: EnvironmentCredentialProvider(environment: [:])))
        let error = await #expect(throws: NCPError.self) { try await client.send(self.request()) }
        #expect(error?.kind == .credentials)
        #expect(server.requests.isEmpty)
    }

    @Test func cancellationStopsARetrySleep() async throws {
        let server = try await LoopbackServer.start(fallback: .json(503, "{}"))
        defer { Task { await server.stop() } }
        let client = NCPClient(configuration: NCPClientConfiguration(
            baseURL: server.baseURL, credentials: StaticCredentialProvider(accessKey: server.accessKey, secretKey: server.secretKey),
            retryPolicy: RetryPolicy(maxAttempts: 5, initialDelay: .seconds(30), jitter: false)))
        let task = Task { try await client.send(self.request()) }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        let started = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func twoHundredConcurrentRequestsAllArriveSigned() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let client = server.client()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    var request = NCPRequest(operationID: "getProject", method: .get, path: "/api/v1/workspaces/w/projects/\(index)")
                    request.appendQuery("n", index)
                    _ = try await client.send(request)
                }
            }
            try await group.waitForAll()
        }
        let received = server.requests
        #expect(received.count == 200)
        #expect(received.allSatisfy { $0.signatureIsValid })
        #expect(Set(received.map(\.target)).count == 200)
    }

    @Test func logsNameTheAttemptButNeverASecretOrSignature() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(503, "{}"), .success(#"{"workspaceName":"w"}"#))
        let log = CapturedLog()
        _ = try await server.client(logger: log.logger).send(request())
        let lines = log.lines
        #expect(lines.count == 2)
        #expect(lines[0].contains("GET /api/v1/workspaces/my-workspace -> 503"))
        #expect(lines[0].contains("attempt=1"))
        #expect(lines[1].contains("-> 200") && lines[1].contains("attempt=2") && lines[1].contains("durationMs="))
        let signatures = server.requests.compactMap { $0.headers["x-ncp-apigw-signature-v2"] }
        for line in lines {
            #expect(!line.contains(server.secretKey))
            #expect(!line.contains(server.accessKey))
            #expect(!signatures.contains { line.contains($0) })
        }
    }

    @Test func presignedUploadsCarryNoNCPHeaders() async throws {
        let server = try await LoopbackServer.start(fallback: LoopbackServer.Answer(status: 200))
        defer { Task { await server.stop() } }
        let url = URL(string: "http://127.0.0.1:\(server.port)/bucket/images/abc.jpg?X-Amz-Signature=abc%2Bdef")!
        try await server.client().upload(Data([1, 2, 3]), toPresignedURL: url, contentType: "image/jpeg")
        let received = try #require(server.requests.first)
        #expect(received.method == "PUT")
        #expect(received.target == "/bucket/images/abc.jpg?X-Amz-Signature=abc%2Bdef")
        #expect(received.body == Data([1, 2, 3]))
        #expect(received.headers["x-ncp-apigw-signature-v2"] == nil && received.headers["x-ncp-iam-access-key"] == nil)
    }
}

/// A clock that moves a second forward on every reading, so each attempt gets its own timestamp.
final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()
    var now: @Sendable () -> Date {
        { [self] in lock.withLock { current += 1; return current } }
    }
}

/// A decodable result for the client tests.
struct Workspace: Decodable, Sendable, Equatable {
    var workspaceName: String
    var monthlyAnalysisCount: Int64?
}
