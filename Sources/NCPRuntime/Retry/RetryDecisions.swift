import Foundation
import HTTPTypes

extension NCPClient {
    /// Whether the server may have run a request that failed this way.
    static func retryClass(of error: NCPError) -> RetryClass {
        if let gateway = error.gatewayCode {
            switch gateway.rawValue {
            case "400", "410", "420", "500": return .notExecuted // throttled, or the backend was never reached
            case "510", "900": return .maybeExecuted
            default: return .final
            }
        }
        switch error.statusCode ?? 0 {
        case 429, 503: return .notExecuted
        case 500...599: return .maybeExecuted
        default: return .final
        }
    }

    /// `Retry-After` as seconds or as an HTTP date.
    static func retryAfter(in headers: HTTPFields, now: Date) -> Duration? {
        guard let value = headers[.retryAfter]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
        guard let date = HTTPDate.parse(value) else { return nil }
        return .milliseconds(max(0, Int((date.timeIntervalSince(now) * 1000).rounded(.up))))
    }
}
