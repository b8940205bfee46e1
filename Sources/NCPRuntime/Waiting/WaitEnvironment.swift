public import Logging

/// How a client's waiters pause between polls and where they log each poll.
///
/// A generated client takes both from its configuration; a generated test double doesn't pause at all, so a
/// test of code that waits runs at once while the wait still counts its (unslept) time toward the policy's limit.
public struct WaitEnvironment: Sendable {
    /// Pauses between polls; must throw on cancellation.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Gets a debug line for every poll, when set.
    public var logger: Logger?

    /// Creates an environment.
    public init(sleep: @escaping @Sendable (Duration) async throws -> Void, logger: Logger? = nil) {
        self.sleep = sleep
        self.logger = logger
    }

    /// Real pauses (`Task.sleep`) and no logging: what a waiter on a type that doesn't say otherwise uses.
    public static let standard = WaitEnvironment(sleep: { try await Task.sleep(for: $0) })

    /// No pauses at all (cancellation is still honoured): for test doubles.
    public static let immediate = WaitEnvironment(sleep: { _ in try Task.checkCancellation() })
}
