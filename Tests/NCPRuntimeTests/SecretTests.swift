import Foundation
import NCPAsyncHTTPClient
@testable import NCPRuntime
import Testing
import TestSupport

/// No public type that holds credentials, a transport or a configuration prints, debug-prints or reflects a
/// secret, the full access key or a signature, and none walks into the transport, even with a request in flight.
@Suite(.serialized) struct SecretTests {
    static let accessKey = "NCPACCESSKEY1234567890"
    static let secret = "SECRET-VALUE-THAT-MUST-NOT-LEAK"
    static let environment = ["NCLOUD_ACCESS_KEY_ID": accessKey, "NCLOUD_SECRET_ACCESS_KEY": secret,
                              "OTHER_TOKEN": "unrelated-token-value", "HOME": "/nonexistent"]

    func expectNoLeak(_ text: String, signature: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains(Self.secret), "the secret key leaked:\n\(text)", sourceLocation: sourceLocation)
        #expect(!text.contains(Self.accessKey), "the full access key leaked:\n\(text)", sourceLocation: sourceLocation)
        #expect(!text.contains("unrelated-token-value"), "the environment leaked:\n\(text)", sourceLocation: sourceLocation)
        if let signature { #expect(!text.contains(signature), "a signature leaked:\n\(text)", sourceLocation: sourceLocation) }
        // A description that walked into a URLSession or an HTTPClient shows their internals.
        #expect(!text.contains("URLSessionConfiguration") && !text.contains("EventLoop"), "the transport was walked into:\n\(text)",
                sourceLocation: sourceLocation)
    }

    @Test func providersDescribeThemselvesWithoutTheKeys() async throws {
        let environment = EnvironmentCredentialProvider(environment: Self.environment)
        let description = everyDescription(of: environment)
        expectNoLeak(description)
        #expect(String(describing: environment) == "EnvironmentCredentialProvider(set: [NCLOUD_ACCESS_KEY_ID, NCLOUD_SECRET_ACCESS_KEY])")

        let chain = CredentialProviderChain.standard(environment: Self.environment)
        _ = try await chain.credentials() // now it holds the credentials too
        expectNoLeak(everyDescription(of: chain))
        #expect(String(describing: chain).contains("found: yes"))

        expectNoLeak(everyDescription(of: StaticCredentialProvider(accessKey: Self.accessKey, secretKey: Self.secret)))
        expectNoLeak(everyDescription(of: NCPCredentials(accessKey: Self.accessKey, secretKey: Self.secret)))
        expectNoLeak(everyDescription(of: ConfigFileCredentialProvider(environment: Self.environment)))
        expectNoLeak(everyDescription(of: try await chain.credentials()))
    }

    @Test(arguments: ["URLSession", "AsyncHTTPClient"])
    func clientsAndConfigurationsDescribeThemselvesSafelyWithARequestInFlight(transport: String) async throws {
        let server = try await LoopbackServer.start(accessKey: Self.accessKey, secretKey: Self.secret)
        defer { Task { await server.stop() } }
        let configuration = NCPClientConfiguration(
            baseURL: server.baseURL, credentials: CredentialProviderChain.standard(environment: Self.environment),
            transport: transport == "URLSession" ? NCPTransport.urlSession() : NCPTransport.asyncHTTPClient())
        let client = NCPClient(configuration: configuration)
        try await server.whileARequestIsInFlight(client: client) { signature in
            for value in [client, configuration, configuration.credentials, configuration.transport] as [Any] {
                expectNoLeak(everyDescription(of: value), signature: signature)
            }
            #expect(String(describing: client).contains("transport: \(transport) (redirects refused)"))
        }
        #expect(server.requests.first?.signatureIsValid == true)
    }

    @Test func aBaseURLsPasswordIsNotPrinted() {
        let configuration = NCPClientConfiguration(baseURL: URL(string: "https://user:\(Self.secret)@proxy.example/gw")!,
                                                   credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"))
        expectNoLeak(everyDescription(of: configuration))
        #expect(String(describing: configuration).contains("baseURL: https://proxy.example/gw"))
    }
}
