extension Lowering {
    /// The client's table of documented rate limits, by operation id in id order; nil when there are none.
    ///
    /// Where copies of the docs disagree (`alternatives`), the client keeps to the strictest reading: waiting a
    /// little longer than needed costs less than being throttled.
    func rateLimitsLiteral(_ operations: [Operation]) -> String? {
        let entries = operations.compactMap { operation -> (String, RateLimit)? in
            operation.rateLimit.map { (operation.id, Self.strictest($0)) }
        }.sorted { $0.0 < $1.0 }
        guard !entries.isEmpty else { return nil }
        let lines = entries.map { id, limit in
            "        \(SwiftTypes.stringLiteral(id)): NCPRateLimit(\(limit.limit), per: .seconds(\(Self.seconds(per: limit.per)))),"
        }
        return "[\n" + lines.joined(separator: "\n") + "\n    ]"
    }

    /// The reading that allows the fewest calls per second.
    static func strictest(_ limit: RateLimit) -> RateLimit {
        ([limit] + limit.alternatives).min { lhs, rhs in
            Double(lhs.limit) / Double(seconds(per: lhs.per)) < Double(rhs.limit) / Double(seconds(per: rhs.per))
        } ?? limit
    }

    static func seconds(per unit: String) -> Int {
        unit == "minute" ? 60 : 1
    }
}
