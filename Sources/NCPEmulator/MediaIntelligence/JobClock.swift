import Foundation

/// How emulated work moves through Media Intelligence's documented states on the emulator's clock: a job of
/// `seconds` is `BEFORE_ANALYZE` for its first tenth, `WAIT_ANALYZE` to three tenths, `ANALYZING` to the end, then
/// `ANALYZE_COMPLETED` — or `ANALYZE_FAIL` for an asset whose key says `fail`; `ANALYZE_CANCEL` once cancelled.
struct JobClock: Sendable {
    /// How long a job takes (`--job-seconds`).
    var seconds: Double

    func analysisStatus(_ job: MediaIntelligenceState.Job, assetKey: String, now: Double) -> String {
        if job.cancelledAt != nil { return "ANALYZE_CANCEL" }
        let elapsed = now - job.startedAt
        if elapsed < seconds * 0.1 { return "BEFORE_ANALYZE" }
        if elapsed < seconds * 0.3 { return "WAIT_ANALYZE" }
        if elapsed < seconds { return "ANALYZING" }
        return assetKey.lowercased().contains("fail") ? "ANALYZE_FAIL" : "ANALYZE_COMPLETED"
    }

    /// Whether a job is still running (so it can be cancelled, and the asset can't be deleted).
    func isRunning(_ job: MediaIntelligenceState.Job, now: Double) -> Bool {
        job.cancelledAt == nil && now - job.startedAt < seconds
    }

    /// Registration from Object Storage takes a fifth of a job; a key that says `missing` is `FILE_NOT_EXIST`.
    func registrationStatus(registeredAt: Double, key: String, now: Double) -> String {
        if now - registeredAt < seconds * 0.2 { return "IN_PROGRESS" }
        return key.lowercased().contains("missing") ? "FILE_NOT_EXIST" : "COMPLETED"
    }

    /// A search runs for a tenth of a job.
    func searchStatus(startedAt: Double, now: Double) -> String {
        now - startedAt < seconds * 0.1 ? "RUNNING" : "COMPLETED"
    }
}
