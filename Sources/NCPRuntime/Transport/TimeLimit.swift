import Foundation

/// Runs an attempt under a time limit.
///
/// The attempt runs as a child task that the `TimeoutScheduler` cancels when the limit passes; the caller's own
/// task is never cancelled, so the call can go on to retry.
enum TimeLimit {
    /// Runs `operation`; when `limit` passes first, cancels it and throws `expired()`.
    static func run<Value: Sendable>(_ limit: Duration, expired: () -> any Error,
                                     _ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = startChild(operation)
        let timeout = TimeoutScheduler.shared.schedule(after: limit) { task.cancel() }
        do {
            let value = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
            TimeoutScheduler.shared.cancel(timeout)
            return value
        } catch {
            let fired = !TimeoutScheduler.shared.cancel(timeout)
            if fired, !Task.isCancelled { throw expired() }
            throw error
        }
    }

    /// The attempt's task, started on the caller's thread where the runtime can, so an attempt that never
    /// suspends (an in-memory transport, a cached answer) costs no thread switch.
    private static func startChild<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) -> Task<Value, any Error> {
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, *) {
            return Task.immediate(operation: operation)
        }
        return Task(operation: operation)
    }
}
