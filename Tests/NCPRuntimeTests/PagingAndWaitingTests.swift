import Foundation
@testable import NCPRuntime
import Testing
import TestSupport

struct FakePage: Sendable {
    var pageItems: [Int]
    var reportedPageNumber: Int?
    var reportedPageCount: Int?
    var total: Int?
    var hasMore: Bool?
    var nextCursor: String?
}

final class FetchLog<Position: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var positions: [Position] = []
    var fetched: [Position] { lock.withLock { positions } }
    func record(_ position: Position) { lock.withLock { positions.append(position) } }
}

extension PageSequence where Page == FakePage, Item == Int {
    /// Numbered fake pages that report their number and count.
    static func fake(firstPage: Int = 1, fetch: @escaping @Sendable (Int) async throws -> FakePage) -> PageSequence {
        .numbered(firstPage: firstPage, items: { $0.pageItems }, reportedNumber: { $0.reportedPageNumber }, totalPages: { $0.reportedPageCount },
                  totalItems: { $0.total }, hasMore: { $0.hasMore }, fetch: fetch)
    }
}

@Suite struct PagingTests {
    @Test func stopsAfterTheLastReportedPage() async throws {
        let log = FetchLog<Int>()
        let pages = PageSequence.fake { number in
            log.record(number)
            return FakePage(pageItems: [number * 10, number * 10 + 1], reportedPageNumber: number, reportedPageCount: 3)
        }
        var items: [Int] = []
        for try await item in pages.items { items.append(item) }
        #expect(items == [10, 11, 20, 21, 30, 31])
        #expect(log.fetched == [1, 2, 3])
    }

    @Test func zeroBasedPagesCountTheLastPageRight() async throws {
        let log = FetchLog<Int>()
        let pages = PageSequence.fake(firstPage: 0) { number in
            log.record(number)
            return FakePage(pageItems: [number], reportedPageNumber: number, reportedPageCount: 3)
        }
        for try await _ in pages {}
        #expect(log.fetched == [0, 1, 2])
    }

    @Test func stopsOnARepeatedPage() async throws {
        let log = FetchLog<Int>()
        // A server that ignores the page number and always answers page 1 of 5.
        let pages = PageSequence.fake { number in
            log.record(number)
            return FakePage(pageItems: [1], reportedPageNumber: 1, reportedPageCount: 5)
        }
        var count = 0
        for try await _ in pages { count += 1 }
        #expect(count == 1)
        #expect(log.fetched == [1, 2])
    }

    @Test func stopsOnAnEmptyPageWhenNothingElseSaysSo() async throws {
        let pages = PageSequence.fake(firstPage: 2) { number in
            FakePage(pageItems: number < 4 ? [number] : [])
        }
        var items: [Int] = []
        for try await item in pages.items { items.append(item) }
        #expect(items == [2, 3])
    }

    @Test func stopsWhenTheTotalIsReachedOrNoMoreIsSaid() async throws {
        let byTotal = FetchLog<Int>()
        for try await _ in PageSequence.fake(fetch: { number in
            byTotal.record(number)
            return FakePage(pageItems: [1, 2], total: 5)
        }) {}
        #expect(byTotal.fetched == [1, 2, 3])
        let byFlag = FetchLog<Int>()
        for try await _ in PageSequence.fake(fetch: { number in
            byFlag.record(number)
            return FakePage(pageItems: [1], hasMore: number < 2)
        }) {}
        #expect(byFlag.fetched == [1, 2])
    }

    @Test func offsetsMoveOnByTheItemsReceived() async throws {
        let log = FetchLog<Int>()
        let pages = PageSequence<FakePage, Int>.offsets(items: { $0.pageItems }, totalItems: { $0.total }) { offset in
            log.record(offset)
            return FakePage(pageItems: Array(offset..<min(offset + 4, 10)), total: 10)
        }
        var items: [Int] = []
        for try await item in pages.items { items.append(item) }
        #expect(items == Array(0..<10))
        #expect(log.fetched == [0, 4, 8])
    }

    @Test func cursorsFollowEachPagesNextCursorAndStopOnARepeat() async throws {
        let log = FetchLog<String?>()
        let pages = PageSequence<FakePage, Int>.cursors(items: { $0.pageItems }, nextCursor: { $0.nextCursor }) { cursor in
            log.record(cursor)
            switch cursor {
            case nil: return FakePage(pageItems: [1], nextCursor: "a")
            case "a"?: return FakePage(pageItems: [2], nextCursor: "b")
            default: return FakePage(pageItems: [3], nextCursor: "")
            }
        }
        var items: [Int] = []
        for try await item in pages.items { items.append(item) }
        #expect(items == [1, 2, 3])
        #expect(log.fetched == [nil, "a", "b"])
        // A server that hands out the same cursor again would loop; the sequence ends instead.
        let looping = PageSequence<FakePage, Int>.cursors(items: { $0.pageItems }, nextCursor: { _ in "same" }) { _ in FakePage(pageItems: [1]) }
        var count = 0
        for try await _ in looping { count += 1 }
        #expect(count == 2)
    }

    @Test func errorsFromAFetchEndTheSequence() async {
        let pages = PageSequence.fake { number in
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
        #expect(error?.message.hasPrefix("the job ended with state FAILED after ") == true)
        #expect(error?.jobState(as: String.self) == "FAILED")
        #expect(error?.jobState(as: Int.self) == nil)
    }

    @Test func everyPollIsObservedAndLoggedInWords() async throws {
        let states = States(["QUEUED", "RUNNING", "DONE"])
        let log = CapturedLog()
        var observed: [String] = []
        let final = try await JobWaiter.wait(operationID: "getStatus", watching: "phase", sleep: RecordingSleeper().sleep, logger: log.logger,
                                             poll: { states.next() }, classify: classify, observe: { observed.append($0) })
        #expect(final == "DONE")
        #expect(observed == ["QUEUED", "RUNNING", "DONE"])
        #expect(log.lines.count == 3)
        #expect(log.lines[0].hasPrefix("debug getStatus poll 1: phase QUEUED; asking again in "))
        #expect(log.lines[2].hasPrefix("debug getStatus poll 3: phase DONE; done after "))
    }

    @Test func aMissingValueReadsAsMissing() async {
        let error = await #expect(throws: NCPError.self) {
            try await JobWaiter.wait(operationID: "getStatus", watching: "phase", policy: WaitPolicy(timeout: .zero), sleep: RecordingSleeper().sleep,
                                     poll: { "RUNNING" }, classify: classify, describe: { _ in nil })
        }
        #expect(error?.kind == .waitTimedOut)
        #expect(error?.message == "still no phase after 0.0 s, the wait's limit")
    }

    @Test(arguments: [(Duration.milliseconds(4200), "4.2 s"), (.seconds(42), "42 s"), (.seconds(185), "3 min 5 s"),
                      (.seconds(3600), "1 h"), (.seconds(3720), "1 h 2 min"), (.seconds(120), "2 min")])
    func waitTimesReadAsPeopleSayThem(duration: Duration, phrase: String) {
        #expect(WaitTime.phrase(duration) == phrase)
    }

    @Test func theDeadlineEndsTheWaitWithoutSleepingPastIt() async {
        let sleeper = RecordingSleeper()
        let policy = WaitPolicy(initialDelay: .seconds(10), maxDelay: .seconds(60), timeout: .seconds(100))
        let error = await #expect(throws: NCPError.self) {
            try await JobWaiter.wait(operationID: "getStatus", policy: policy, sleep: sleeper.sleep, poll: { "RUNNING" }, classify: classify)
        }
        #expect(error?.kind == .waitTimedOut)
        #expect(error?.message == "still state RUNNING after 1 min 40 s, the wait's limit")
        #expect(error?.jobState(as: String.self) == "RUNNING")
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
