/// One disagreement between the spec and a doc page, placed in the spec; or a page that could not be read.
public struct DocFinding: Sendable, CustomStringConvertible {
    /// How much a finding asks of a person.
    public enum Kind: String, Sendable {
        /// A page that can't be read as an API page: nothing was checked against it.
        case error
        /// Drift: the spec and the page disagree.
        case warning
        /// A departure the spec records, or a fact about the coverage of a page (where it was cut).
        case note
    }

    /// What a finding is about, for the summary and for `--fix`.
    public enum Category: String, Sendable, CaseIterable {
        case unreadable, coverage, identity, newOperation = "new operation", path, field, type, requiredness = "required-ness", limit,
             defaultValue = "default", enumValue = "enum value", forbiddenCharacters = "forbidden characters", error = "error code",
             rateLimit = "rate limit", deprecation, example
    }

    /// Error, warning or note.
    public var kind: Kind
    /// What the finding is about.
    public var category: Category
    /// Where in the spec the change belongs (for an unreadable page: the page itself).
    public var location: SourceLocation
    /// What disagrees, in a sentence.
    public var message: String
    /// `page:line`.
    public var page: String
    /// The edit that brings the spec in line, when the change is mechanical.
    public var fix: SpecFix?

    /// `spec/types.yaml:12:7: warning: the docs say … (page.txt:40)`.
    public var description: String {
        "\(location): \(kind.rawValue): \(message) (\(page))"
    }
}

/// A mechanical edit that `docs-check --fix` writes into the spec.
public struct SpecFix: Sendable, Equatable {
    /// The edit itself.
    public enum Change: Sendable, Equatable {
        /// A new optional property of a type or a body, or a new query parameter, as YAML flow entries in order.
        case addField(container: FieldContainer, name: String, entries: [Entry])
        /// Sets (or adds) a key of a field: a limit or a default.
        case setFieldKey(field: SourceLocation, key: String, value: String)
        /// A new value at the end of an enum.
        case addEnumValue(enumName: String, value: String, description: String)
        /// A new row of the service's error table.
        case addError(status: Int, code: String, message: String)
        /// Sets an operation's rate limit.
        case setRateLimit(operation: String, limit: Int, per: String)
    }

    /// One `key: value` of a YAML flow mapping; the value is written as YAML already.
    public struct Entry: Sendable, Equatable {
        /// The key, such as `maxLength`.
        public var key: String
        /// The value as YAML writes it.
        public var value: String
    }

    /// What to change.
    public var change: Change
    /// The page the change comes from, written as the `note` of what is added or changed.
    public var note: String
}

/// Where a new field goes.
public enum FieldContainer: Sendable, Equatable, CustomStringConvertible {
    /// The properties of the named type.
    case type(String)
    /// The body of the operation with this id.
    case body(operation: String)
    /// The query parameters of the operation with this id.
    case query(operation: String)

    /// `the body of \`createThing\``, for messages.
    public var description: String {
        switch self {
        case .type(let name): "the type \(name)"
        case .body(let operation): "the body of `\(operation)`"
        case .query(let operation): "the query of `\(operation)`"
        }
    }
}

/// What a `docs-check` run read and found.
public struct DocsCheckReport: Sendable {
    /// Every finding, in page order.
    public var findings: [DocFinding] = []
    /// How many pages were given.
    public var pagesRead = 0
    /// Pages whose operations all matched an operation of the spec (or overviews checked against the service).
    public var pagesMatched = 0
    /// Pages that stop mid-way, so only what they show was compared.
    public var pagesCut = 0
    /// Pages nothing could be read from: each has an error, never silence.
    public var pagesUnreadable = 0

    /// An empty report.
    public init() {}

    /// Disagreements that likely need the spec changed.
    public var warnings: [DocFinding] { findings.filter { $0.kind == .warning } }
    /// Pages or parts of pages that couldn't be read or checked.
    public var errors: [DocFinding] { findings.filter { $0.kind == .error } }
    /// Differences that are worth knowing but usually need no change.
    public var notes: [DocFinding] { findings.filter { $0.kind == .note } }

    /// `12 pages read: 10 matched, 4 cut off, 1 unreadable; 3 warnings (1 field, 2 limit), 5 notes, 1 error`.
    public var summary: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let counts: [(category: DocFinding.Category, count: Int)] = Dictionary(grouping: warnings, by: \.category).map { ($0.key, $0.value.count) }
        let sorted = counts.sorted { first, second in
            first.count != second.count ? first.count > second.count : first.category.rawValue < second.category.rawValue
        }
        let byCategory = sorted.map { "\($0.count) \($0.category.rawValue)" }.joined(separator: ", ")
        var text = "\(plural(pagesRead, "page")) read: \(pagesMatched) matched, \(pagesCut) cut off, \(pagesUnreadable) unreadable; "
        text += plural(warnings.count, "warning") + (byCategory.isEmpty ? "" : " (\(byCategory))")
        text += ", " + plural(notes.count, "note") + ", " + plural(errors.count, "error")
        return text
    }
}
