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

    /// Whether an answer says the caller is sending too fast: HTTP 429, or the gateway's 410 "Throttle Limited"
    /// and 420 "Rate Limited".
    static func isThrottling(_ error: NCPError) -> Bool {
        error.statusCode == 429 || error.gatewayCode?.rawValue == "410" || error.gatewayCode?.rawValue == "420"
    }

    /// `Retry-After` as seconds or as an HTTP date.
    static func retryAfter(in headers: HTTPFields, now: Date) -> Duration? {
        guard let value = headers[.retryAfter]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
        guard let date = HTTPDate.parse(value) else { return nil }
        return .milliseconds(max(0, Int((date.timeIntervalSince(now) * 1000).rounded(.up))))
    }
}
