public import Foundation
public import NCPRuntime

/// What the emulator answers.
public struct EmulatorResponse: Sendable {
    public var status: Int
    /// Header fields in order.
    public var headers: [(name: String, value: String)]
    public var body: Data

    /// An answer with raw bytes.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer, keys sorted so equal state answers equal bytes.
    public static func json(_ status: Int, _ value: JSONValue, headers: [(name: String, value: String)] = []) -> EmulatorResponse {
        let body = (try? JSONCoding.encoder.encode(value)) ?? Data("{}".utf8)
        return EmulatorResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    /// The value of the first header named `name`, any case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// The JSON coders the emulator writes and reads its answers and state with.
enum JSONCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    static let decoder = JSONDecoder()
}
