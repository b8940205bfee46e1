public import Foundation
import NCPRuntime

/// One request as the emulator sees it, whatever server received it: tests and benchmarks build these directly.
public struct EmulatorRequest: Sendable {
    /// `GET`, `POST`, …
    public var method: String
    /// The path and query exactly as sent (percent-encoded), which is what the gateway signature covers.
    public var target: String
    /// Header fields by lower-cased name.
    public var headers: [String: String]
    public var body: Data

    /// A request; header names are lower-cased here once.
    public init(method: String, target: String, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method.uppercased()
        self.target = target
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    /// The path before any `?`, still percent-encoded.
    public var path: String {
        target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
    }

    /// The query's name–value pairs in order, percent-decoded.
    public var queryItems: [(name: String, value: String)] {
        guard let mark = target.firstIndex(of: "?") else { return [] }
        return PercentEncoding.formItems(target[target.index(after: mark)...])
    }
}
