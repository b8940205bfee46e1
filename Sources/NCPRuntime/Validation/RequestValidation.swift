import Foundation

/// Checks a generated method runs before sending, so a request that breaks a documented limit fails in the
/// process with the field and the limit named, instead of as a `10001 Invalid Request.` from the server.
public struct RequestValidation: Sendable {
    /// The operation whose arguments are checked.
    public let operationID: String

    /// Checks for one operation.
    public init(operationID: String) {
        self.operationID = operationID
    }

    func failure(_ field: String, _ message: String) -> NCPError {
        NCPError(kind: .invalidRequest, operationID: operationID, message: "'\(field)' \(message)", field: field, attempts: 0)
    }

    /// String limits; nil passes.
    public func check(_ value: String?, field: String, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
                      forbiddenCharacters: String? = nil, notBlank: Bool = false) throws {
        guard let value else { return }
        if let minLength, value.count < minLength {
            throw failure(field, "must be at least \(minLength) characters long (it has \(value.count))")
        }
        if let maxLength, value.count > maxLength {
            throw failure(field, "must be at most \(maxLength) characters long (it has \(value.count))")
        }
        if let forbiddenCharacters, let bad = value.first(where: { forbiddenCharacters.contains($0) }) {
            let list = forbiddenCharacters.map { "'\($0)'" }.joined(separator: ", ")
            throw failure(field, "must not contain \(list) (it contains '\(bad)')")
        }
        if notBlank, value.allSatisfy(\.isWhitespace) {
            throw failure(field, "must not be blank")
        }
        if let pattern, !CompiledPatterns.shared.matches(value, pattern) {
            throw failure(field, "must match \(pattern)")
        }
    }

    /// Integer bounds; nil passes.
    public func check<Number: BinaryInteger>(_ value: Number?, field: String, minimum: Int64? = nil, maximum: Int64? = nil) throws {
        guard let value else { return }
        if let minimum, value < minimum {
            throw failure(field, "must be at least \(minimum) (it is \(value))")
        }
        if let maximum, value > maximum {
            throw failure(field, "must be at most \(maximum) (it is \(value))")
        }
    }

    /// Item counts; nil passes.
    public func check<Items: Collection>(_ value: Items?, field: String, minItems: Int? = nil, maxItems: Int? = nil) throws {
        guard let value else { return }
        if let minItems, value.count < minItems {
            throw failure(field, "must have at least \(minItems) item\(minItems == 1 ? "" : "s") (it has \(value.count))")
        }
        if let maxItems, value.count > maxItems {
            throw failure(field, "must have at most \(maxItems) items (it has \(value.count))")
        }
    }

    /// Exactly one of the named fields is given.
    public func exactlyOne(of fields: KeyValuePairs<String, Bool>) throws {
        let given = fields.filter(\.value).map(\.key)
        guard given.count == 1 else {
            let names = fields.map(\.key).joined(separator: " or ")
            throw failure(fields.map(\.key).joined(separator: "/"), given.isEmpty ? "needs one of \(names)" : "must be only one of \(names), not both")
        }
    }

    /// The named fields are given together or not at all.
    public func together(_ fields: KeyValuePairs<String, Bool>) throws {
        let given = fields.filter(\.value).count
        guard given == 0 || given == fields.count else {
            throw failure(fields.map(\.key).joined(separator: "/"), "must be given together")
        }
    }

    /// The named lists hold at most `limit` items between them.
    public func itemsInAll(atMost limit: Int, of counts: KeyValuePairs<String, Int>) throws {
        let total = counts.reduce(0) { $0 + $1.value }
        guard total <= limit else {
            let names = counts.map(\.key)
            throw failure(names.joined(separator: "/"), "must have at most \(limit) items in all (they have \(total))")
        }
    }

    /// At most one of the named fields is given.
    public func atMostOne(of fields: KeyValuePairs<String, Bool>) throws {
        guard fields.filter(\.value).count <= 1 else {
            throw failure(fields.map(\.key).joined(separator: "/"), "can't be given together")
        }
    }
}

/// The spec's `pattern`s, each compiled once for the process: a generated method checks its arguments on every
/// call, and compiling the expression again each time cost more than the rest of the check.
final class CompiledPatterns: @unchecked Sendable {
    static let shared = CompiledPatterns()

    private let lock = NSLock()
    // Guarded by `lock`; nil for a pattern that doesn't compile, which then matches nothing, as before.
    private var compiled: [String: NSRegularExpression?] = [:]

    /// Whether `pattern` matches somewhere in `value`, as `range(of:options: .regularExpression)` finds it.
    func matches(_ value: String, _ pattern: String) -> Bool {
        let regex: NSRegularExpression? = lock.withLock {
            if let known = compiled[pattern] { return known }
            let made = try? NSRegularExpression(pattern: pattern)
            compiled[pattern] = made
            return made
        }
        guard let regex else { return false }
        return regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }
}
