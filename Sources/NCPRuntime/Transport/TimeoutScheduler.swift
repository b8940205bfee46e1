import Dispatch
import Foundation

/// Fires actions at deadlines from one thread: how attempts are timed out.
///
/// Every attempt of every call arms a timeout and almost always disarms it long before it fires, so arming and
/// disarming must cost next to nothing: arming is a locked heap insertion, disarming a locked flag, and neither
/// wakes the timer thread unless the new deadline is earlier than the one it sleeps towards. (Waking it for every
/// arming cost a context switch per call on two cores; a Dispatch timer per attempt cost more than the rest of the
/// client together.)
final class TimeoutScheduler: @unchecked Sendable {
    static let shared = TimeoutScheduler()

    /// An armed timeout. Its fields are guarded by the scheduler's lock.
    final class Timeout: @unchecked Sendable {
        fileprivate let deadline: UInt64
        fileprivate let sequence: UInt64
        fileprivate var action: (@Sendable () -> Void)?

        fileprivate init(deadline: UInt64, sequence: UInt64, action: @escaping @Sendable () -> Void) {
            self.deadline = deadline
            self.sequence = sequence
            self.action = action
        }
    }

    /// How long the thread sleeps with nothing armed before it looks again; a timeout armed meanwhile for later
    /// than this needs no wake-up.
    private static let idleHorizon: UInt64 = 1_000_000_000

    // Guarded by `condition`.
    private let condition = NSCondition()
    /// Armed and disarmed timeouts in a min-heap by (deadline, sequence); disarmed ones stay until they surface
    /// or the heap is rebuilt.
    private var heap: [Timeout] = []
    private var armed = 0
    private var sequence: UInt64 = 0
    private var threadStarted = false
    /// When the thread wakes next on its own; 0 while it is running rather than sleeping.
    private var wakeAt: UInt64 = 0

    /// Runs `action` once `delay` has passed, unless disarmed first. `action` runs on the scheduler's thread and
    /// must be quick.
    func schedule(after delay: Duration, _ action: @escaping @Sendable () -> Void) -> Timeout {
        let deadline = Self.now() &+ Self.nanoseconds(delay)
        condition.lock()
        defer { condition.unlock() }
        sequence &+= 1
        let timeout = Timeout(deadline: deadline, sequence: sequence, action: action)
        push(timeout)
        armed += 1
        if heap.count > 64, heap.count > 2 * armed { rebuildHeap() }
        if !threadStarted {
            threadStarted = true
            let thread = Thread { [unowned self] in run() }
            thread.name = "ncp-timeouts"
            thread.start()
        } else if wakeAt != 0, deadline < wakeAt {
            condition.signal() // sooner than the thread would look: wake it
        }
        return timeout
    }

    /// Disarms a timeout; false if it had already fired.
    @discardableResult
    func cancel(_ timeout: Timeout) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard timeout.action != nil else { return false }
        timeout.action = nil
        armed -= 1
        return true
    }

    private func run() {
        condition.lock()
        while true {
            let now = Self.now()
            while let top = heap.first, top.action == nil || top.deadline <= now {
                popTop()
                guard let action = top.action else { continue }
                top.action = nil
                armed -= 1
                condition.unlock()
                action()
                condition.lock()
            }
            let next = heap.first?.deadline ?? now &+ Self.idleHorizon
            wakeAt = min(next, now &+ Self.idleHorizon)
            _ = condition.wait(until: Date(timeIntervalSinceNow: Double(wakeAt - now) / 1e9))
            wakeAt = 0
        }
    }

    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    private static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        guard seconds < 1 << 32 else { return UInt64(1) << 62 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }

    // MARK: The heap

    private func push(_ element: Timeout) {
        heap.append(element)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func popTop() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        siftDown(from: 0)
    }

    private func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, Self.less(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, Self.less(heap[right], heap[smallest]) { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// Drops disarmed timeouts, so a steady stream of calls doesn't grow the heap.
    private func rebuildHeap() {
        heap.removeAll { $0.action == nil }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(from: index) }
    }

    private static func less(_ lhs: Timeout, _ rhs: Timeout) -> Bool {
        lhs.deadline != rhs.deadline ? lhs.deadline < rhs.deadline : lhs.sequence < rhs.sequence
    }
}
