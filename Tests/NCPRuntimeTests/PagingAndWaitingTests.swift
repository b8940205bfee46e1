import Foundation
@testable import NCPRuntime
import Testing
import TestSupport

struct FakePage: NCPPage {
    var pageItems: [Int]
    var reportedPageNumber: Int?
    var reportedPageCount: Int?
}

final class FetchLog: @unchecked Sendable {
    private let lock = NSLock()
    private var numbers: [Int] = []
    var fetched: [Int] { lock.withLock { numbers } }
    func record(_ number: Int) { lock.withLock { numbers.append(number) } }
}

@Suite struct PagingTests {
    @Test func stopsAfterTheLastReportedPage() async throws {
        let log = FetchLog()
        let pages = PageSequence<FakePage> { number in
            log.record(number)
            return FakePage(pageItems: [number * 10, number * 10 + 1], reportedPageNumber: number, reportedPageCount: 3)
        }
        var items: [Int] = []
        for try await item in pages.items { items.append(item) }
        #expect(items == [10, 11, 20, 21, 30, 31])
        #expect(log.fetched == [1, 2, 3])
    }

    @Test func stopsOnARepeatedPage() async throws {
        let log = FetchLog()
        // A server that ignores the page number and always answers page 1 of 5.
        let pages = PageSequence<FakePage> { number in
            log.record(number)
            return FakePage(pageItems: [1], reportedPageNumber: 1, reportedPageCount: 5)
        }
        var count = 0
        for try await _ in pages { count += 1 }
        #expect(count == 1)
        #expect(log.fetched == [1, 2])
    }

    @Test func stopsOnAnEmptyPageWhenTheCountIsMissing() async throws {
        let pages = PageSequence<FakePage>(firstPage: 2) { number in
            FakePage(pageItems: number < 4 ? [number] : [], reportedPageNumber: nil, reportedPageCount: nil)
        }
        var items: [Int] = []
        for try await item in pages.items { items.append(item) }
        #expect(items == [2, 3])
    }

    @Test func errorsFromAFetchEndTheSequence() async {
        let pages = PageSequence<FakePage> { number in
            if number == 2 { throw NCPError(kind: .transport, operationID: "list", message: "down") }
            return FakePage(pageItems: [number], reportedPageNumber: number, reportedPageCount: 9)
        }
        await #expect(throws: NCPError.self) { for try await _ in pages {} }
    }
}

@Suite struct WaiterTests {
    final class States: @unchecked Sendable {
        private let lock = NSLock()
        private var remaining: [String]
        init(_ states: [String]) { remaining = states }
        func next() -> String { lock.withLock { remaining.count > 1 ? remaining.removeFirst() : remaining[0] } }
    }

    func classify(_ state: String) -> JobState {
        switch state {
        case "DONE": .succeeded
        case "FAILED": .failed
        default: .pending
        }
    }

    @Test func waitsThroughPendingStatesWithGrowingCappedDelays() async throws {
        let states = States(["QUEUED", "RUNNING", "RUNNING", "RUNNING", "RUNNING", "DONE"])
        let sleeper = RecordingSleeper()
        let policy = WaitPolicy(initialDelay: .seconds(2), maxDelay: .seconds(4), timeout: .seconds(600))
        let final = try await JobWaiter.wait(operationID: "getStatus", policy: policy, sleep: sleeper.sleep, poll: { states.next() }, classify: classify)
        #expect(final == "DONE")
        #expect(sleeper.sleeps.count == 5)
        #expect(sleeper.sleeps.allSatisfy { $0 >= .seconds(1.6) && $0 <= .seconds(4.8) })
        #expect(sleeper.sleeps.last! > sleeper.sleeps.first!)
    }

    @Test func aFailureStateThrowsJobFailed() async {
        let states = States(["RUNNING", "FAILED"])
        let error = await #expect(throws: NCPError.self) {
            try await JobWaiter.wait(operationID: "getStatus", sleep: RecordingSleeper().sleep, poll: { states.next() }, classify: classify)
        }
        #expect(error?.kind == .jobFailed)
        #expect(error?.message.contains("FAILED") == true)
    }

    @Test func theDeadlineEndsTheWaitWithoutSleepingPastIt() async {
        let sleeper = RecordingSleeper()
        let policy = WaitPolicy(initialDelay: .seconds(10), maxDelay: .seconds(60), timeout: .seconds(100))
        let error = await #expect(throws: NCPError.self) {
            try await JobWaiter.wait(operationID: "getStatus", policy: policy, sleep: sleeper.sleep, poll: { "RUNNING" }, classify: classify)
        }
        #expect(error?.kind == .waitTimedOut)
        let total = sleeper.sleeps.reduce(Duration.zero, +)
        #expect(total == .seconds(100))
    }
}

@Suite struct RequestValidationTests {
    let check = RequestValidation(operationID: "createProject")

    @Test func stringLimitsNameTheFieldAndTheLimit() {
        #expect(throws: Never.self) { try check.check("ok", field: "name", minLength: 1, maxLength: 100) }
        let long = #expect(throws: NCPError.self) { try check.check(String(repeating: "a", count: 101), field: "name", maxLength: 100) }
        #expect(long?.kind == .invalidRequest)
        #expect(long?.field == "name")
        #expect(long?.message == "'name' must be at most 100 characters long (it has 101)")
        let forbidden = #expect(throws: NCPError.self) { try check.check("a;b", field: "name", forbiddenCharacters: ";|`") }
        #expect(forbidden?.message == "'name' must not contain ';', '|', '`' (it contains ';')")
        let pattern = #expect(throws: NCPError.self) { try check.check("Upper", field: "workspaceName", pattern: "^[a-z0-9-]+$") }
        #expect(pattern?.message == "'workspaceName' must match ^[a-z0-9-]+$")
        #expect(throws: NCPError.self) { try check.check("   ", field: "name", notBlank: true) }
    }

    @Test func numberAndItemLimits() {
        let big = #expect(throws: NCPError.self) { try check.check(Int32(11), field: "analysisPersonCount", minimum: 0, maximum: 10) }
        #expect(big?.message == "'analysisPersonCount' must be at most 10 (it is 11)")
        #expect(throws: Never.self) { try check.check(Int32(0), field: "analysisPersonCount", minimum: 0, maximum: 10) }
        let many = #expect(throws: NCPError.self) { try check.check(Array(0..<31), field: "tagIdList", maxItems: 30) }
        #expect(many?.message == "'tagIdList' must have at most 30 items (it has 31)")
        #expect(throws: Never.self) { try check.check(nil as [Int]?, field: "tagIdList", minItems: 1) }
    }

    @Test func crossFieldRules() {
        let both = #expect(throws: NCPError.self) { try check.exactlyOne(of: ["textQuery": true, "imageQuery": true]) }
        #expect(both?.message == "'textQuery/imageQuery' must be only one of textQuery or imageQuery, not both")
        #expect(throws: NCPError.self) { try check.exactlyOne(of: ["textQuery": false, "imageQuery": false]) }
        #expect(throws: Never.self) { try check.exactlyOne(of: ["textQuery": true, "imageQuery": false]) }
        #expect(throws: NCPError.self) { try check.together(["minSceneDurationSec": true, "maxSceneDurationSec": false]) }
        #expect(throws: NCPError.self) { try check.atMostOne(of: ["sceneRange": true, "minSceneDurationSec": true]) }
    }
}
