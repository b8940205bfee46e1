import Foundation
import NCPRuntime

/// One call as a stateful emulation sees it: checked against the spec already.
struct ServiceCall: Sendable {
    var operationID: String
    var pathParameters: [String: String]
    /// Query parameters by name (the first value), and every value for lists.
    var query: [String: [String]]
    var body: JSONValue?

    func path(_ name: String) -> String { pathParameters[name] ?? "" }
    func pathID(_ name: String) -> Int64 { Int64(path(name)) ?? -1 }
    func queryValue(_ name: String) -> String? { query[name]?.first }
    func queryInt(_ name: String) -> Int? { queryValue(name).flatMap(Int.init) }
    func bodyString(_ key: String) -> String? { body?[key]?.stringValue }
}

/// What a stateful emulation makes of a call.
enum HandlerOutcome: Sendable {
    /// A result for the envelope (nil for none).
    case result(JSONValue?)
    /// A documented service error, by code, and why.
    case failure(code: String, details: String)
}

/// A service emulated with state: the operations it knows are answered from that state; any other falls back to
/// the spec's examples.
protocol StatefulService: Sendable {
    /// The answer, or nil for an operation it leaves to the generic responder.
    func handle(_ call: ServiceCall) async -> HandlerOutcome?
    /// Bytes PUT to one of the URLs it presigned.
    func acceptUpload(key: String, size: Int) async
    /// Its state as JSON, for `--state`.
    func snapshot() async throws -> Data
}

extension JSONValue {
    /// The integers of a list of numbers.
    var integers: [Int64] {
        guard case .array(let items) = self else { return [] }
        return items.compactMap { item in
            switch item {
            case .integer(let number): number
            case .number(let number): Int64(exactly: number)
            case .string(let text): Int64(text)
            default: nil
            }
        }
    }
}
