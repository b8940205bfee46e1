import Foundation
import HTTPTypes
@testable import NCPRuntime
import OpenAPIRuntime
import TestSupport
import Testing

/// Server-role and other temporary credentials: Metadata v1 and v2, refresh ahead of expiry with one fetch in
/// flight, and a chain that fails fast where no metadata service answers.
@Suite struct TemporaryCredentialTests {
    /// The stand-in is on loopback, but the whole test suite may be running beside it on two cores.
    static let patient: Duration = .seconds(10)

    /// A clock the test moves by hand.
    final class ManualClock: @unchecked Sendable {
        private let lock = NSLock()
        private var offset: TimeInterval = 0
        func advance(by seconds: TimeInterval) { lock.withLock { offset += seconds } }
        var now: @Sendable () -> Date { { [self] in Date().addingTimeInterval(lock.withLock { offset }) } }
    }

    @Test(arguments: [MetadataStandIn.Mode.v1Only, .v2Only, .both])
    func automaticVersionGetsTheRoleKeyFromEveryKindOfServer(mode: MetadataStandIn.Mode) async throws {
        let standIn = try await MetadataStandIn.start(mode: mode)
        defer { Task { await standIn.stop() } }
        let provider = ServerRoleCredentialProvider(timeout: Self.patient, environment: ["NCLOUD_METADATA_ENDPOINT": standIn.baseURL.absoluteString])
        let key = try await provider.credentials()
        #expect(key.accessKey == standIn.accessKey(1))
        #expect(key.secretKey == standIn.secret(1))
        let expiration = try #require(key.expiration)
        #expect(abs(expiration.timeIntervalSinceNow - 3600) < 60)
        let role = "/latest/meta-data/iam/security-credentials"
        switch mode {
        case .v1Only:
            #expect(standIn.requests == ["PUT /latest/api/token", "GET \(role)", "GET \(role)/\(standIn.roleID)"])
        case .v2Only, .both:
            #expect(standIn.requests == ["PUT /latest/api/token", "GET \(role) [token]", "GET \(role)/\(standIn.roleID) [token]"])
        }
    }

    @Test func eachEnvironmentVariableTheSDKsReadMovesTheEndpoint() async throws {
        let standIn = try await MetadataStandIn.start(mode: .both)
        defer { Task { await standIn.stop() } }
        for variable in ["NCLOUD_METADATA_ENDPOINT", "NCLOUD_METADATA_API_ENDPOINT"] {
            let provider = ServerRoleCredentialProvider(timeout: Self.patient, environment: [variable: standIn.baseURL.absoluteString])
            #expect(provider.endpoint == standIn.baseURL)
            _ = try await provider.credentials()
        }
        #expect(ServerRoleCredentialProvider(environment: [:]).endpoint.absoluteString == "http://169.254.169.254")
    }

    @Test func anExplicitVersionIsSpokenAsAsked() async throws {
        let v2Only = try await MetadataStandIn.start(mode: .v2Only)
        defer { Task { await v2Only.stop() } }
        let asV1 = ServerRoleCredentialProvider(endpoint: v2Only.baseURL, version: .v1, timeout: Self.patient)
        let error = await #expect(throws: CredentialError.self) { try await asV1.credentials() }
        #expect(error?.description.contains("HTTP 401") == true)
        #expect(v2Only.requests == ["GET /latest/meta-data/iam/security-credentials"])

        let v1Only = try await MetadataStandIn.start(mode: .v1Only)
        defer { Task { await v1Only.stop() } }
        let asV2 = ServerRoleCredentialProvider(endpoint: v1Only.baseURL, version: .v2, timeout: Self.patient)
        let refused = await #expect(throws: CredentialError.self) { try await asV2.credentials() }
        #expect(refused?.description.contains("Metadata v2 token was refused (HTTP 404)") == true)
    }

    @Test func theKeyIsFetchedAgainInTheBackgroundAheadOfItsExpiry() async throws {
        let standIn = try await MetadataStandIn.start(mode: .both)
        defer { Task { await standIn.stop() } }
        let clock = ManualClock()
        let provider = ServerRoleCredentialProvider(endpoint: standIn.baseURL, timeout: Self.patient, now: clock.now)
        #expect(try await provider.credentials().accessKey == standIn.accessKey(1))
        clock.advance(by: 1800)
        #expect(try await provider.credentials().accessKey == standIn.accessKey(1)) // far from the expiry: kept
        #expect(standIn.keysIssued == 1)
        clock.advance(by: 1800 - 240) // 4 minutes left: still usable, and a new key is fetched meanwhile
        #expect(try await provider.credentials().accessKey == standIn.accessKey(1))
        // The new key arrives in the background; until then calls keep signing with the current one.
        var current = standIn.accessKey(1)
        for _ in 0..<1_500 where current != standIn.accessKey(2) {
            try await Task.sleep(for: .milliseconds(10))
            current = try await provider.credentials().accessKey
        }
        #expect(current == standIn.accessKey(2))
        #expect(standIn.keysIssued == 2)
        #expect(provider.fetchCount == 2)
    }

    @Test func aThousandCallsAcrossAnExpiryTriggerExactlyOneRefresh() async throws {
        let standIn = try await MetadataStandIn.start(mode: .v2Only)
        defer { Task { await standIn.stop() } }
        let clock = ManualClock()
        let provider = ServerRoleCredentialProvider(endpoint: standIn.baseURL, timeout: Self.patient, now: clock.now)
        let seen = KeyRecorder()
        let client = NCPClient(configuration: NCPClientConfiguration(
            baseURL: URL(string: "https://ncp.test")!, credentials: CredentialProviderChain([provider]), transport: seen, now: clock.now))
        let request = NCPRequest(operationID: "ping", method: .get, path: "/ping")
        _ = try await client.send(request)
        #expect(standIn.keysIssued == 1)

        standIn.setIssueDelay(.milliseconds(200))
        clock.advance(by: 3600 + 5) // past the expiry: every call must wait for the new key
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<1_000 { group.addTask { _ = try await client.send(request) } }
            try await group.waitForAll()
        }
        #expect(standIn.keysIssued == 2)
        #expect(seen.keys.dropFirst().allSatisfy { $0 == standIn.accessKey(2) })
        #expect(seen.keys.count == 1_001)
    }

    @Test func aChainWithNoMetadataServiceFailsNamingEveryPlaceAndNoSecret() async throws {
        let hanging = try await HangingServer.start()
        defer { Task { await hanging.stop() } }
        let environment = ["HOME": "/nonexistent-home", "NCLOUD_METADATA_ENDPOINT": hanging.baseURL.absoluteString]
        let chain = CredentialProviderChain([EnvironmentCredentialProvider(environment: environment),
                                             ConfigFileCredentialProvider(environment: environment),
                                             ServerRoleCredentialProvider(timeout: .milliseconds(300), environment: environment)])
        let error = await #expect(throws: CredentialError.self) { try await chain.credentials() }
        let attempts = try #require(error?.attempts)
        #expect(attempts.count == 3)
        #expect(attempts[0].hasPrefix("environment:"))
        #expect(attempts[1].hasPrefix("/nonexistent-home/.ncloud/configure [DEFAULT]:"))
        #expect(attempts[2] == "server role (\(hanging.baseURL.absoluteString)): no metadata service answered within 0.3 s")
        // The next call doesn't wait again: the absence is remembered for a minute.
        let again = await #expect(throws: CredentialError.self) { try await chain.credentials() }
        #expect(again?.attempts.last?.contains("a moment ago") == true)
    }

    @Test func anAbsentMetadataServiceIsReportedAsUnreachable() async throws {
        let closedPort = try DroppingServer() // reads the request and closes without answering
        let provider = ServerRoleCredentialProvider(endpoint: closedPort.baseURL, timeout: .seconds(5))
        let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
        #expect(error?.description.contains("can't be reached") == true || error?.description.contains("no metadata service answered") == true)
    }

    @Test func theStandardChainLooksAtTheServerRoleLast() async throws {
        let standIn = try await MetadataStandIn.start(mode: .both)
        defer { Task { await standIn.stop() } }
        let environment = ["HOME": "/nonexistent-home", "NCLOUD_METADATA_ENDPOINT": standIn.baseURL.absoluteString]
        let chain = CredentialProviderChain.standard(environment: environment, metadataTimeout: Self.patient)
        #expect(try await chain.credentials().accessKey == standIn.accessKey(1))
        #expect(chain.name == "chain(environment, /nonexistent-home/.ncloud/configure [DEFAULT], server role (\(standIn.baseURL.absoluteString)))")
        // With keys in the environment the metadata service is never asked.
        let withKeys = CredentialProviderChain.standard(environment: environment.merging(["NCLOUD_ACCESS_KEY_ID": "AK", "NCLOUD_SECRET_ACCESS_KEY": "SK"]) { $1 },
                                                        metadataTimeout: Self.patient)
        #expect(try await withKeys.credentials().accessKey == "AK")
        #expect(standIn.keysIssued == 1)
    }

    @Test func noDescriptionShowsTheTemporarySecret() async throws {
        let standIn = try await MetadataStandIn.start(mode: .both)
        defer { Task { await standIn.stop() } }
        let provider = ServerRoleCredentialProvider(endpoint: standIn.baseURL, timeout: Self.patient)
        let chain = CredentialProviderChain([provider])
        let key = try await chain.credentials()
        var dumped = ""
        dump(provider, to: &dumped)
        dump(chain, to: &dumped)
        dump(key, to: &dumped)
        let printed = [dumped, "\(provider)", String(reflecting: provider), "\(chain)", "\(key)", String(reflecting: key)].joined(separator: "\n")
        #expect(!printed.contains(standIn.secretPrefix))
        #expect(!printed.contains(standIn.accessKey(1)))
        #expect(printed.contains("holds: yes"))
    }

    @Test func aRoleAnswerThatIsNotAKeyIsAClearErrorWithoutItsBody() throws {
        #expect(throws: InstanceMetadata.Failure.self) { try InstanceMetadata.credentials(fromRoleAnswer: Data("<html>".utf8)) }
        let refusal = #"{"Code":"Failed","Message":"role detached","SecretAccessKey":"LEAK-ME"}"#
        do {
            _ = try InstanceMetadata.credentials(fromRoleAnswer: Data(refusal.utf8))
            Issue.record("a refusal was read as a key")
        } catch {
            #expect(error.message == "the metadata service refused to issue a key: Failed (role detached)")
        }
        // A zone-less expiry reads as Korean time: the earlier instant, so the key never counts as living longer.
        let zoneless = #"{"AccessKeyId":"AK","SecretAccessKey":"SK","Expiration":"2026-01-01T09:00:00"}"#
        let key = try InstanceMetadata.credentials(fromRoleAnswer: Data(zoneless.utf8))
        #expect(key.expiration == ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z"))
    }

    @Test func theSecureTokenServiceIsAskedWithTheSignedBaseKey() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.json(200, #"{"accessKey":"STSAK0001","keySecret":"STS-SECRET","createTime":"2026-12-06T00:00:00Z","expireTime":"2099-12-06T01:00:00Z","useMfa":false}"#))
        let provider = SecureTokenServiceCredentialProvider(base: StaticCredentialProvider(accessKey: server.accessKey, secretKey: server.secretKey),
                                                            duration: .seconds(900), baseURL: server.baseURL)
        let key = try await provider.credentials()
        #expect(key.accessKey == "STSAK0001")
        #expect(key.expiration == ISO8601DateFormatter().date(from: "2099-12-06T01:00:00Z"))
        let sent = try #require(server.requests.first)
        #expect(sent.method == "POST" && sent.target == "/api/v1/credentials" && sent.signatureIsValid)
        #expect(String(decoding: sent.body, as: UTF8.self) == #"{"durationSec":900}"#)
        _ = try await provider.credentials()
        #expect(server.requests.count == 1)

        let tooShort = SecureTokenServiceCredentialProvider(base: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"),
                                                            duration: .seconds(60), baseURL: server.baseURL)
        let error = await #expect(throws: CredentialError.self) { try await tooShort.credentials() }
        #expect(error?.description.contains("durationSec 60 is outside the documented 600–43200 seconds") == true)
        #expect(server.requests.count == 1)
    }

    @Test func aClosureOfYoursIsAskedOnceForManyWaitingCalls() async throws {
        let counter = Counter()
        let clock = ManualClock()
        let provider = TemporaryCredentialProvider(name: "vault", now: clock.now) {
            let number = counter.next()
            try await Task.sleep(for: .milliseconds(50))
            return NCPCredentials(accessKey: "AK\(number)", secretKey: "SK", expiration: Date().addingTimeInterval(600))
        }
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<200 { group.addTask { try await provider.credentials().accessKey } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys == ["AK1"])
        #expect(provider.fetchCount == 1)
        #expect("\(provider)" == "TemporaryCredentialProvider(name: vault, holds: yes)")
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }

    /// Answers every request at once and remembers the access key each was signed with.
    final class KeyRecorder: ClientTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [String] = []
        var keys: [String] { lock.withLock { recorded } }
        func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
            let key = request.headerFields[HTTPField.Name("x-ncp-iam-access-key")!] ?? ""
            lock.withLock { recorded.append(key) }
            return (HTTPResponse(status: .ok), HTTPBody("{}"))
        }
    }
}
