/// How a service proves who calls it; the generated client says which its spec documents.
public enum NCPAuthentication: Sendable, Equatable, CustomStringConvertible {
    /// NCP API Gateway signature v2 with the configuration's `credentials`: the access key, a timestamp and an
    /// HMAC of the method, path and query in `x-ncp-apigw-*` / `x-ncp-iam-*` headers.
    case gatewaySignature
    /// The configuration's `apiKey` in the header `header`, and its ID (if the service takes one) in `idHeader`.
    case apiKey(header: String, idHeader: String? = nil)

    public var description: String {
        switch self {
        case .gatewaySignature: "NCP API Gateway signature v2"
        case .apiKey(let header, let idHeader): "an API key in \(header)" + (idHeader.map { " (its ID in \($0))" } ?? "")
        }
    }
}
