import Foundation

/// `--state FILE`: the emulator's state read at start and written after changes, each write whole (a new file
/// renamed over the old), so a crash leaves the last state or the one before. A file that can't be read as state
/// is refused with where it broke, and never overwritten.
public struct StateFile: Sendable {
    public let path: String

    /// Why a state file can't be used.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public init(path: String) {
        self.path = path
    }

    /// The state the file holds, or nil when there is no file yet.
    func load() throws(Refusal) -> MediaIntelligenceState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Refusal(description: "\(path): error: the state file can't be read")
        }
        do {
            return try JSONCoding.decoder.decode(MediaIntelligenceState.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw Refusal(description: "\(path):\(Self.place(context, in: data)): error: the state file is not JSON (\(Self.reason(context))); fix or remove it — it is not overwritten")
        } catch let DecodingError.keyNotFound(key, context) {
            throw Refusal(description: "\(path): error: the state file lacks '\(key.stringValue)' at \(Self.codingPath(context)); fix or remove it — it is not overwritten")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw Refusal(description: "\(path): error: the state file has a wrong value at \(Self.codingPath(context)); fix or remove it — it is not overwritten")
        } catch {
            throw Refusal(description: "\(path): error: the state file can't be read as emulator state; fix or remove it — it is not overwritten")
        }
    }

    /// Writes `data` aside, then renames it over the file.
    func save(_ data: Data) throws {
        let url = URL(fileURLWithPath: path)
        try data.write(to: url, options: .atomic)
    }

    /// `line:column` where JSON parsing stopped, from the decoder's note, else `1:1`.
    private static func place(_ context: DecodingError.Context, in data: Data) -> String {
        // JSONDecoder doesn't say where; JSONSerialization does ("around character 34", or a line and column).
        var text = "\(context.underlyingError.map { "\($0)" } ?? "") \(context.debugDescription)"
        do { _ = try JSONSerialization.jsonObject(with: data) } catch { text += " \((error as NSError).userInfo)" }
        if let line = number(after: "line ", in: text), let column = number(after: "column ", in: text) { return "\(line):\(column)" }
        if let offset = number(after: "offset ", in: text) ?? number(after: "character ", in: text) {
            let prefix = data.prefix(offset)
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = offset - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            return "\(line):\(column)"
        }
        return "1:1"
    }

    private static func number(after marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    private static func reason(_ context: DecodingError.Context) -> String {
        context.debugDescription.isEmpty ? "unreadable" : context.debugDescription
    }

    private static func codingPath(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "the top" : context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
