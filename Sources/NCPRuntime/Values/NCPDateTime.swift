public import Foundation

/// A date-time as the service writes it: ISO 8601, sometimes with a zone (`2025-08-01T00:00:00Z`) and
/// sometimes without (`2025-04-23T17:13:48`). The text is kept as sent, so it round-trips unchanged.
public struct NCPDateTime: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The text as sent or received.
    public var rawValue: String

    /// Wraps a date-time string; `date(assuming:)` tells whether it parses.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A date written in UTC with a `Z`, the form the search filter's examples use.
    public init(_ date: Date) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        rawValue = formatter.string(from: date)
    }

    /// Whether the text carries its own zone (`Z`, `+09:00`, `-0500`) after the time.
    public var hasTimeZone: Bool {
        guard let time = timePart else { return false }
        return time.hasSuffix("Z") || time.hasSuffix("z") || time.contains("+") || time.contains("-")
    }

    /// What follows the date and its `T` or space separator, if the text has a date and a time.
    private var timePart: Substring? {
        let text = rawValue[...]
        guard text.count > 11 else { return nil }
        let separator = text.index(text.startIndex, offsetBy: 10)
        guard text[separator] == "T" || text[separator] == "t" || text[separator] == " " else { return nil }
        return text[text.index(after: separator)...]
    }

    /// The instant, reading a zone-less text in `zone`. The docs don't say which zone zone-less times are in;
    /// the service runs in the Korea region, so `Asia/Seoul` is the default. A space between date and time,
    /// as some answers write it, reads like a `T`.
    public func date(assuming zone: TimeZone = TimeZone(identifier: "Asia/Seoul") ?? .gmt) -> Date? {
        guard let time = timePart else { return nil }
        let normalized = rawValue.prefix(10) + "T" + time.uppercased()
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
            [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate],
            [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate, .withFractionalSeconds],
        ] {
            formatter.formatOptions = options
            if let date = formatter.date(from: String(normalized)) { return date }
        }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
