import Foundation
@testable import NCPRuntime
import Testing

/// The shared timer that attempt deadlines stand on: it must fire what is armed, never what was disarmed, and
/// wake for a short deadline armed while it sleeps towards a far one.
@Suite(.serialized) struct TimeoutSchedulerTests {
    final class Fired: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []
        func add(_ name: String) { lock.withLock { names.append(name) } }
        var all: [String] { lock.withLock { names } }
    }

    @Test func aShortTimeoutArmedBehindAFarOneFiresFirstAndDisarmedOnesNever() async throws {
        let scheduler = TimeoutScheduler()
        let fired = Fired()
        let far = scheduler.schedule(after: .seconds(60)) { fired.add("far") }
        // Let the thread settle into sleeping towards its horizon before arming sooner ones.
        try await Task.sleep(for: .milliseconds(50))
        let disarmed = scheduler.schedule(after: .milliseconds(20)) { fired.add("disarmed") }
        _ = scheduler.schedule(after: .milliseconds(40)) { fired.add("second") }
        _ = scheduler.schedule(after: .milliseconds(10)) { fired.add("first") }
        #expect(scheduler.cancel(disarmed))
        var waited = 0
        while fired.all.count < 2, waited < 300 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(fired.all == ["first", "second"])
        #expect(scheduler.cancel(far))
        #expect(!scheduler.cancel(far)) // already disarmed
    }

    @Test func aThousandArmedAndDisarmedTimeoutsLeaveNothingToFire() async throws {
        let scheduler = TimeoutScheduler()
        let fired = Fired()
        for index in 0..<1_000 {
            let timeout = scheduler.schedule(after: .milliseconds(30)) { fired.add("\(index)") }
            #expect(scheduler.cancel(timeout))
        }
        let last = scheduler.schedule(after: .milliseconds(30)) { fired.add("last") }
        var waited = 0
        while fired.all.isEmpty, waited < 500 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(fired.all == ["last"])
        #expect(!scheduler.cancel(last)) // it fired
    }

    @Test func anAttemptLongerThanItsLimitIsCancelledAndReportedAsExpired() async throws {
        struct Expired: Error {}
        await #expect(throws: Expired.self) {
            try await TimeLimit.run(.milliseconds(50), expired: { Expired() }) {
                try await Task.sleep(for: .seconds(10))
            }
        }
        let value = try await TimeLimit.run(.seconds(5), expired: { Expired() }) { 42 }
        #expect(value == 42)
    }
}
