public import Foundation

extension NCPClientConfiguration {
    /// The environment variable that points generated clients' default endpoint elsewhere — `ncp-emulator`, a
    /// recording proxy — as `AWS_ENDPOINT_URL` does for AWS SDKs: `NCP_BASE_URL=http://127.0.0.1:8479`.
    public static let baseURLVariable = "NCP_BASE_URL"

    /// The port `swift run ncp-emulator` listens on unless told otherwise.
    public static let emulatorPort = 8479

    /// `defaultURL`, unless `NCP_BASE_URL` holds an absolute `http` or `https` URL (anything else is ignored).
    public static func baseURL(default defaultURL: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        guard let text = environment[baseURLVariable], let url = URL(string: text),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host?.isEmpty == false else {
            return defaultURL
        }
        return url
    }

    /// A configuration for `ncp-emulator` on this machine, with the key pair and API key it accepts by default:
    /// `MediaIntelligenceClient(configuration: .emulator())`.
    public static func emulator(port: Int = emulatorPort,
                                credentials: any CredentialProvider = StaticCredentialProvider(accessKey: "NCPEMULATORACCESSKEY", secretKey: "ncp-emulator-secret-key"),
                                apiKey: NCPAPIKey? = NCPAPIKey("ncp-emulator-api-key")) -> NCPClientConfiguration {
        NCPClientConfiguration(baseURL: URL(string: "http://127.0.0.1:\(port)")!, credentials: credentials, apiKey: apiKey)
    }
}
