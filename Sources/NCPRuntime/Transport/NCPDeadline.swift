/// A deadline for every call made inside a closure, retries and back-off included.
///
/// ```swift
/// let page = try await NCPDeadline.withTimeout(.seconds(5)) {
///     try await mi.listWorkspaces(pageNumber: 1)
/// }
/// ```
///
/// Deadlines nest: the earliest one applies. `NCPClientConfiguration.callTimeout` sets one for every call.
public enum NCPDeadline {
    @TaskLocal static var current: ContinuousClock.Instant?

    /// Runs `operation` with every call inside it bound to end within `timeout` from now.
    public static func withTimeout<Value>(_ timeout: Duration, isolation: isolated (any Actor)? = #isolation,
                                          operation: () async throws -> Value) async rethrows -> Value {
        let instant = ContinuousClock.now.advanced(by: timeout)
        let earliest = current.map { min($0, instant) } ?? instant
        return try await $current.withValue(earliest, operation: operation, isolation: isolation)
    }
}
