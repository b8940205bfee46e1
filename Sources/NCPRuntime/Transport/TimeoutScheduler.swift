import Dispatch
import Foundation

/// Fires actions at deadlines from one thread: how attempts are timed out.
///
/// Every attempt of every call arms a timeout and almost always disarms it long before it fires. A Dispatch timer
/// per attempt cost more than the rest of the client together (measured: the work item's allocation and the timer
/// thread waking on two cores); here arming and disarming are a locked insertion and removal.
final class TimeoutScheduler: @unchecked Sendable {
    static let shared = TimeoutScheduler()

    /// A timeout to disarm.
    struct Token: Sendable {
        fileprivate let id: UInt64
    }

    private struct Entry {
        let deadline: UInt64
        let action: @Sendable () -> Void
    }

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var entries: [UInt64: Entry] = [:]
    /// Deadlines in a min-heap by (deadline, id); disarmed entries leave theirs behind until they surface or the
    /// heap is rebuilt.
    private var heap: [(deadline: UInt64, id: UInt64)] = []
    private var nextID: UInt64 = 0
    private var threadStarted = false

    /// Runs `action` once `delay` has passed, unless disarmed first. `action` runs on the scheduler's thread and
    /// must be quick.
    func schedule(after delay: Duration, _ action: @escaping @Sendable () -> Void) -> Token {
        let deadline = Self.now() &+ Self.nanoseconds(delay)
        condition.lock()
        defer { condition.unlock() }
        nextID &+= 1
        let id = nextID
        entries[id] = Entry(deadline: deadline, action: action)
        push((deadline, id))
        if heap.count > 64, heap.count > 2 * entries.count { rebuildHeap() }
        if !threadStarted {
            threadStarted = true
            let thread = Thread { [unowned self] in run() }
            thread.name = "ncp-timeouts"
            thread.start()
        } else if heap[0].id == id {
            condition.signal() // the new deadline is the earliest: the thread must wake sooner
        }
        return Token(id: id)
    }

    /// Disarms a timeout; nothing happens if it already fired.
    func cancel(_ token: Token) {
        condition.lock()
        entries[token.id] = nil
        condition.unlock()
    }

    private func run() {
        condition.lock()
        while true {
            guard let top = heap.first else {
                condition.wait()
                continue
            }
            guard let entry = entries[top.id] else {
                pop()
                continue
            }
            let now = Self.now()
            if top.deadline <= now {
                pop()
                entries[top.id] = nil
                condition.unlock()
                entry.action()
                condition.lock()
            } else {
                _ = condition.wait(until: Date(timeIntervalSinceNow: Double(top.deadline - now) / 1e9))
            }
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

    private func push(_ element: (deadline: UInt64, id: UInt64)) {
        heap.append(element)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func pop() {
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

    /// Drops the deadlines of disarmed entries, so a steady stream of calls doesn't grow the heap.
    private func rebuildHeap() {
        heap = entries.map { ($0.value.deadline, $0.key) }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(from: index) }
    }

    private static func less(_ lhs: (deadline: UInt64, id: UInt64), _ rhs: (deadline: UInt64, id: UInt64)) -> Bool {
        lhs.deadline != rhs.deadline ? lhs.deadline < rhs.deadline : lhs.id < rhs.id
    }
}
