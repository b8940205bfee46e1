import Foundation
@testable import NCPRuntime
import HTTPTypes
import Testing

@Suite struct RetryPolicyTests {
    @Test func delaysDoubleUpToTheCapWithoutJitter() {
        let policy = RetryPolicy(maxAttempts: 8, initialDelay: .milliseconds(100), maxDelay: .seconds(1), jitter: false)
        let delays = (1..<8).map { policy.delay(beforeRetry: $0) }
        #expect(delays == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1), .seconds(1)])
        #expect(policy.delay(beforeRetry: 8) == nil)
    }

    @Test func jitterScalesTheDelayByTheRandomFraction() {
        let policy = RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(100), jitter: true)
        #expect(policy.delay(beforeRetry: 2, random: { _ in 0.5 }) == .milliseconds(100))
        #expect(policy.delay(beforeRetry: 2, random: { _ in 0 }) == .zero)
        for _ in 0..<100 {
            let delay = policy.delay(beforeRetry: 3)!
            #expect(delay >= .zero && delay <= .milliseconds(400))
        }
    }

    @Test func retryAfterReplacesTheComputedDelayUnlessItIsTooLong() {
        let policy = RetryPolicy(maxAttempts: 3, maxRetryAfter: .seconds(30))
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(7)) == .seconds(7))
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(31)) == nil)
    }

    @Test func noneNeverRetries() {
        #expect(RetryPolicy.none.delay(beforeRetry: 1) == nil)
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }

    @Test func retryAfterHeaderReadsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        var headers = HTTPFields()
        headers[.retryAfter] = "5"
        #expect(NCPClient.retryAfter(in: headers, now: now) == .seconds(5))
        headers[.retryAfter] = "Tue, 14 Nov 2023 22:13:30 GMT" // ten seconds after `now`
        #expect(NCPClient.retryAfter(in: headers, now: now) == .seconds(10))
        headers[.retryAfter] = "soon"
        #expect(NCPClient.retryAfter(in: headers, now: now) == nil)
    }

    @Test func gatewayCodesAndStatusesAreClassified() {
        func classify(status: Int, gateway: String? = nil) -> RetryClass {
            NCPClient.retryClass(of: NCPError(kind: gateway == nil ? .service : .gateway, operationID: "x", message: "",
                                              statusCode: status, gatewayCode: gateway.map(GatewayErrorCode.init(rawValue:))))
        }
        #expect(classify(status: 429, gateway: "410") == .notExecuted)
        #expect(classify(status: 503, gateway: "500") == .notExecuted)
        #expect(classify(status: 504, gateway: "510") == .maybeExecuted)
        #expect(classify(status: 401, gateway: "200") == .final)
        #expect(classify(status: 500) == .maybeExecuted)
        #expect(classify(status: 429) == .notExecuted)
        #expect(classify(status: 404) == .final)
    }
}

