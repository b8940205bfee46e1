import Foundation
import HTTPTypes
import OpenAPIRuntime

/// The server's instance metadata service, as NAVER documents it (`compute-vmetadata-*` pages): Metadata v1
/// answers plain GETs; Metadata v2 first issues a session token (`PUT /latest/api/token` with
/// `X-NCP-METADATA-TOKEN-TTL-SECONDS`) that every GET then carries in `X-NCP-METADATA-TOKEN`.
struct InstanceMetadata: Sendable {
    /// Why the metadata service gave no answer to use; never holds a key.
    struct Failure: Error, Sendable {
        let message: String
        /// Nothing answered at all: no metadata service here (a laptop, a CI runner).
        let unreachable: Bool
    }

    static let tokenTTLHeader = HTTPField.Name("X-NCP-METADATA-TOKEN-TTL-SECONDS")!
    static let tokenHeader = HTTPField.Name("X-NCP-METADATA-TOKEN")!
    static let tokenTTL = 21_600

    let endpoint: URL
    let version: ServerRoleCredentialProvider.MetadataVersion
    let timeout: Duration
    let transport: any ClientTransport

    /// The role's temporary key: the role ID first, then the key issued for it.
    func roleCredentials() async throws(Failure) -> NCPCredentials {
        let token = try await sessionToken()
        let roleList = try await get("/latest/meta-data/iam/security-credentials", token: token, what: "the role ID")
        guard let roleID = roleList.split(whereSeparator: \.isNewline).first.map({ $0.trimmingCharacters(in: .whitespaces) }),
              !roleID.isEmpty else {
            throw Failure(message: "no role is assigned to this server (assign one through Sub Account)", unreachable: false)
        }
        let encodedRole = PercentEncoding.encode(roleID)
        let body = try await get("/latest/meta-data/iam/security-credentials/" + encodedRole, token: token, what: "the role's temporary key")
        return try Self.credentials(fromRoleAnswer: Data(body.utf8))
    }

    /// The role key's JSON: `AccessKeyId`, `SecretAccessKey`, `Expiration`, and on failure `Code` and `Message`.
    static func credentials(fromRoleAnswer data: Data) throws(Failure) -> NCPCredentials {
        struct RoleKey: Decodable {
            var AccessKeyId: String?
            var SecretAccessKey: String?
            var Expiration: String?
            var Code: String?
            var Message: String?
        }
        guard let answer = try? JSONDecoder().decode(RoleKey.self, from: data) else {
            throw Failure(message: "the role's temporary key is not the documented JSON", unreachable: false)
        }
        if let code = answer.Code, code.caseInsensitiveCompare("Success") != .orderedSame {
            throw Failure(message: "the metadata service refused to issue a key: \(code)" + (answer.Message.map { " (\($0.prefix(200)))" } ?? ""),
                          unreachable: false)
        }
        guard let accessKey = answer.AccessKeyId, !accessKey.isEmpty, let secretKey = answer.SecretAccessKey, !secretKey.isEmpty else {
            throw Failure(message: "the role's temporary key lacks AccessKeyId or SecretAccessKey", unreachable: false)
        }
        var expiration: Date?
        if let text = answer.Expiration {
            // A zone-less time is read as Korean time, the earlier of the two likely readings: a key then counts as
            // expiring sooner than it does, never later.
            guard let date = NCPDateTime(rawValue: text).date(assuming: TimeZone(identifier: "Asia/Seoul") ?? .gmt) else {
                throw Failure(message: "the role key's Expiration '\(text.prefix(40))' is not an ISO 8601 date-time", unreachable: false)
            }
            expiration = date
        }
        return NCPCredentials(accessKey: accessKey, secretKey: secretKey, expiration: expiration)
    }

    /// A v2 session token, or nil to speak v1.
    private func sessionToken() async throws(Failure) -> String? {
        if version == .v1 { return nil }
        var request = HTTPRequest(method: .put, scheme: nil, authority: nil, path: "/latest/api/token")
        request.headerFields[Self.tokenTTLHeader] = String(Self.tokenTTL)
        let (status, text) = try await exchange(request, what: "a Metadata v2 token")
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if (200..<300).contains(status), !token.isEmpty { return token }
        // A service that speaks only v1 doesn't know the token path.
        if version == .automatic, [403, 404, 405, 501].contains(status) { return nil }
        throw Failure(message: "a Metadata v2 token was refused (HTTP \(status))", unreachable: false)
    }

    private func get(_ path: String, token: String?, what: String) async throws(Failure) -> String {
        var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
        if let token { request.headerFields[Self.tokenHeader] = token }
        let (status, text) = try await exchange(request, what: what)
        guard (200..<300).contains(status) else {
            let reason = status == 404 ? "no role is assigned to this server (HTTP 404)" : "HTTP \(status)"
            throw Failure(message: "\(what) was refused: \(reason)", unreachable: false)
        }
        return text
    }

    /// One request under the time limit; a transport failure or a timeout means nothing is listening.
    private func exchange(_ request: HTTPRequest, what: String) async throws(Failure) -> (Int, String) {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        do {
            return try await TimeLimit.run(timeout, expired: {
                Failure(message: "no metadata service answered within \(String(format: "%g", seconds)) s", unreachable: true)
            }) { [transport, endpoint] in
                let (response, body) = try await transport.send(request, body: nil, baseURL: endpoint, operationID: "instanceMetadata")
                var data = Data()
                if let body { data = try await Data(collecting: body, upTo: 64 * 1024) }
                return (response.status.code, String(decoding: data, as: UTF8.self))
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "the metadata service can't be reached (\(SafeDescription.typeName(of: error)))", unreachable: true)
        }
    }
}
