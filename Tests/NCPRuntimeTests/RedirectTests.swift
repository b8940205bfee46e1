import Foundation
import HTTPTypes
import NCPAsyncHTTPClient
@testable import NCPRuntime
import OpenAPIRuntime
import Testing
import TestSupport

/// Signed headers never reach another origin: every transport the README recommends hands redirects back, and
/// the client refuses them, or follows same-origin ones re-signed when told to.
@Suite(.serialized) struct RedirectTests {
    /// The transports users are told to use, by name.
    static let transports: [String] = ["URLSession", "AsyncHTTPClient"]

    static func transport(_ name: String) -> any ClientTransport {
        name == "URLSession" ? NCPTransport.urlSession() : NCPTransport.asyncHTTPClient()
    }

    func request(_ method: HTTPMethod = .get) -> NCPRequest {
        NCPRequest(operationID: "getWorkspace", method: method.value, path: "/api/v1/workspaces/w", body: method == .post ? Data("{}".utf8) : nil)
    }

    enum HTTPMethod { case get, post
        var value: HTTPRequest.Method { self == .get ? .get : .post }
    }

    @Test(arguments: transports)
    func aRedirectToAnotherHostIsRefusedAndNothingReachesIt(transport: String) async throws {
        let server = try await LoopbackServer.start()
        let elsewhere = try await LoopbackServer.start(host: "127.0.0.2")
        defer { Task { await server.stop(); await elsewhere.stop() } }
        for status in [301, 302, 303, 307, 308] {
            server.enqueue(.redirect(status, to: "http://127.0.0.2:\(elsewhere.port)/x"))
            let client = server.configuredClient { $0.transport = Self.transport(transport) }
            let error = await #expect(throws: NCPError.self) { try await client.send(request(), expecting: JSONValue.self) }
            #expect(error?.kind == .redirect)
            #expect(error?.statusCode == status)
            #expect(error?.message.contains("another host (127.0.0.2:\(elsewhere.port))") == true)
        }
        #expect(server.requests.count == 5)
        #expect(elsewhere.requests.isEmpty)
    }

    @Test(arguments: transports)
    func evenAFollowingPolicyNeverLeavesTheOrigin(transport: String) async throws {
        let server = try await LoopbackServer.start()
        let elsewhere = try await LoopbackServer.start(host: "127.0.0.2")
        defer { Task { await server.stop(); await elsewhere.stop() } }
        // A same-origin hop first, then one to another host: the second is refused.
        server.enqueue(.redirect(307, to: "/api/v1/moved"), .redirect(307, to: "http://127.0.0.2:\(elsewhere.port)/x"))
        let client = server.configuredClient {
            $0.transport = Self.transport(transport)
            $0.redirectPolicy = .followSameOrigin()
        }
        let error = await #expect(throws: NCPError.self) { try await client.send(request()) }
        #expect(error?.kind == .redirect)
        #expect(server.requests.map(\.target) == ["/api/v1/workspaces/w", "/api/v1/moved"])
        #expect(elsewhere.requests.isEmpty)
    }

    @Test(arguments: transports)
    func aSameOriginRedirectIsFollowedOnlyWhenAllowedAndIsSignedAfresh(transport: String) async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.redirect(302, to: "/api/v1/workspaces/w"))
        let refusing = server.configuredClient { $0.transport = Self.transport(transport) }
        let refused = await #expect(throws: NCPError.self) { try await refusing.send(request()) }
        #expect(refused?.kind == .redirect)
        #expect(refused?.message.contains("refused by the redirect policy") == true)

        server.enqueue(.redirect(308, to: "http://127.0.0.1:\(server.port)/api/v1/new-place?page=2"),
                       .success(#"{"workspaceName":"w"}"#))
        let following = server.configuredClient {
            $0.transport = Self.transport(transport)
            $0.redirectPolicy = .followSameOrigin(maxRedirects: 2)
        }
        let result = try await following.send(request(.post), expecting: Workspace.self)
        #expect(result.workspaceName == "w")
        let followed = try #require(server.requests.last)
        #expect(followed.target == "/api/v1/new-place?page=2")
        #expect(followed.method == "POST")
        #expect(followed.body == Data("{}".utf8))
        #expect(followed.signatureIsValid)
    }

    @Test func aSeeOtherBecomesAGetAndRedirectLoopsEnd() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.redirect(303, to: "/api/v1/result"), .success("{}"))
        let client = server.configuredClient { $0.redirectPolicy = .followSameOrigin(maxRedirects: 3) }
        _ = try await client.send(request(.post))
        #expect(server.requests.map(\.method) == ["POST", "GET"])
        #expect(server.requests.last?.body.isEmpty == true)
        #expect(server.requests.allSatisfy { $0.signatureIsValid })

        let looping = try await LoopbackServer.start(fallback: .redirect(302, to: "/api/v1/workspaces/w"))
        defer { Task { await looping.stop() } }
        let error = await #expect(throws: NCPError.self) {
            try await looping.configuredClient { $0.redirectPolicy = .followSameOrigin(maxRedirects: 3) }.send(request())
        }
        #expect(error?.message.contains("more than 3 redirects") == true)
        #expect(looping.requests.count == 4)
    }

    @Test func aMovedPostIsRefusedRatherThanGuessed() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        server.enqueue(.redirect(301, to: "/api/v1/elsewhere"))
        let error = await #expect(throws: NCPError.self) {
            try await server.configuredClient { $0.redirectPolicy = .followSameOrigin() }.send(request(.post))
        }
        #expect(error?.kind == .redirect)
        #expect(server.requests.count == 1)
    }

    /// A middleware may rewrite a request, but the signer refuses to sign for another host.
    @Test func aMiddlewareCannotSendTheSignatureElsewhere() async throws {
        let server = try await LoopbackServer.start()
        let elsewhere = try await LoopbackServer.start(host: "127.0.0.2")
        defer { Task { await server.stop(); await elsewhere.stop() } }
        struct Rerouting: ClientMiddleware {
            let target: URL
            func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                           next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
                try await next(request, body, target)
            }
        }
        let client = server.configuredClient { $0.middlewares = [Rerouting(target: elsewhere.baseURL)] }
        let error = await #expect(throws: NCPError.self) { try await client.send(request()) }
        #expect(error?.kind == .invalidRequest)
        #expect(elsewhere.requests.isEmpty && server.requests.isEmpty)
    }
}
