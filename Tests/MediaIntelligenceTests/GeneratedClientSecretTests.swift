import Foundation
import MediaIntelligence
import NCPRuntime
import Testing
import TestSupport

/// The README's default client describes itself without a secret or the transport's state, even mid-request.
@Suite(.serialized) struct GeneratedClientSecretTests {
    @Test func theDefaultClientPrintsNoSecretWithARequestInFlight() async throws {
        let accessKey = "NCPACCESSKEY1234567890", secret = "SECRET-VALUE-THAT-MUST-NOT-LEAK"
        let server = try await LoopbackServer.start(accessKey: accessKey, secretKey: secret)
        defer { Task { await server.stop() } }
        let environment = ["NCLOUD_ACCESS_KEY_ID": accessKey, "NCLOUD_SECRET_ACCESS_KEY": secret]
        let client = MediaIntelligenceClient(credentials: CredentialProviderChain.standard(environment: environment), baseURL: server.baseURL)
        try await server.whileARequestIsInFlight(client: client.client) { signature in
            let text = everyDescription(of: client)
            #expect(!text.contains(secret) && !text.contains(accessKey) && !text.contains(signature), "\(text)")
            #expect(!text.contains("URLSessionConfiguration"), "\(text)")
            #expect(text.contains("URLSession (redirects refused)"))
        }
        #expect(server.requests.first?.signatureIsValid == true)
    }
}
