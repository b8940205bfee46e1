/// One problem found in a spec, tied to the place it was found.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in one sentence.
    public var message: String
    /// A name that doesn't resolve: not worth reporting while a file that may declare it couldn't be read.
    var isUnresolvedName = false

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line:col: error: message`, the form compilers print and IDEs make clickable.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// The problems found so far; loading and validating add to it instead of stopping at the first.
public struct Diagnostics: Sendable {
    /// Every problem, in the order found.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty collection.
    public init() {}

    /// Whether any problem is an error (warnings alone don't stop generation).
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The errors only.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    /// Records an error.
    public mutating func error(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.error, at: location, message))
    }

    /// Records an error about a name that doesn't resolve (an undefined type, operation, group …).
    public mutating func unresolved(_ message: String, at location: SourceLocation) {
        var diagnostic = Diagnostic(.error, at: location, message)
        diagnostic.isUnresolvedName = true
        all.append(diagnostic)
    }

    /// Whether a spec file could not be parsed at all.
    public internal(set) var hasUnreadableFiles = false

    /// Drops the errors about names that don't resolve when a file could not be read: it may declare them, and
    /// dozens of follow-on errors would bury the one that matters.
    var withoutFollowOnErrors: Diagnostics {
        guard hasUnreadableFiles else { return self }
        var kept = self
        kept.all.removeAll(where: \.isUnresolvedName)
        return kept
    }

    /// Records a warning.
    public mutating func warning(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.warning, at: location, message))
    }

    /// Adds every problem of another collection.
    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
        hasUnreadableFiles = hasUnreadableFiles || other.hasUnreadableFiles
    }

    /// The problems sorted by file, line and column, so output is stable whatever the order of checks.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { lhs, rhs in
            if lhs.element.location != rhs.element.location {
                return lhs.element.location < rhs.element.location
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// Thrown by the pipeline when a spec has errors; carries every problem, not only the first.
public struct SpecErrors: Error, Sendable, CustomStringConvertible {
    /// Every problem found, errors and warnings, sorted by location.
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
