/// What one of NAVER's doc pages says, whatever layout it came in: the one model that `docs-check` compares
/// with a spec and page `import` turns into one. Every fact keeps the page line it was read from.
public struct PageModel: Sendable {
    /// How the page was written; reported in summaries, never used to interpret it.
    public enum Layout: String, Sendable {
        case html = "HTML", markdown = "Markdown export", pipeTables = "pipe-table text", plainText = "plain text", pdfText = "PDF text"
    }

    /// Where the page came from, for messages: a file path or a URL.
    public var source: String
    /// The page's address, when known: the URL it was fetched from, or the front matter's canonical address.
    public var url: String?
    /// The last part of the page's address (`maiu-search-asset`), from its URL or its file name.
    public var slug: String?
    /// How the page was written.
    public var layout: Layout
    /// The page's title, when it has one.
    public var title: String?
    /// The first paragraph of a page without operations (an overview's description of the service).
    public var leadParagraph: String?
    /// The site's banner that the page doesn't show the latest changes yet (an older copy, or a stale translation).
    public var isNotUpToDate = false
    /// The page says it is deprecated or will no longer be updated; the sentence that says so.
    public var deprecation: PageText?
    /// Base URLs the page gives (`https://mi.apigw.ntruss.com`), and endpoints per region (`Korea (KR)`).
    public var apiURLs: [PageText] = []
    /// The endpoints an overview lists per region.
    public var regionEndpoints: [RegionEndpoint] = []
    /// Request headers the page lists for every call (the overview's `x-ncp-apigw-signature-v2` …).
    public var commonHeaders: [PageField] = []
    /// Rate-limit sentences that apply to the whole service.
    public var rateLimits: [PageRateLimit] = []
    /// The operations the page documents: one for most pages, none for an overview, many for an old page that
    /// documents a whole service.
    public var operations: [PageOperation] = []
    /// The service's error table (the overview's).
    public var errors: [PageError] = []
    /// The error table ends where the page was cut.
    public var errorsCut = false
    /// Where the page ends before its end: everything after it is unchecked.
    public var cut: CutPoint?
    /// Why the page can't be read as an API page (no endpoint, no error table, no base URL); empty when it can.
    public var problems: [String] = []

    /// Whether the page says anything a spec can be checked against.
    public var isReadable: Bool { problems.isEmpty }
    /// A page without an operation that lists errors or a base URL: a service's overview.
    public var isOverview: Bool { operations.isEmpty && (!errors.isEmpty || !apiURLs.isEmpty || !regionEndpoints.isEmpty) }
}

/// A sentence or value of a page and the line it is on.
public struct PageText: Sendable, Equatable {
    /// The text as the page writes it.
    public var text: String
    /// The line it is on.
    public var line: Int
}

/// An endpoint of the service in one region.
public struct RegionEndpoint: Sendable, Equatable {
    /// The region as the page names it (`Korea (KR)`).
    public var region: String
    /// The endpoint's base URL.
    public var url: String
    /// The page line it starts on.
    public var line: Int
}

/// One operation as a page documents it.
public struct PageOperation: Sendable {
    /// The operation's title on the page (`Request asset search`, `createMailRequest`).
    public var title: String?
    /// The paragraph that says what the operation does.
    public var summary: String?
    /// Usually one; old pages list `GET, POST` for the same path.
    public var methods: [String]
    /// The path as the page writes it, without host: `/api/v1/workspaces/{workspace_name}/assets/search`.
    public var path: String
    /// The full URL, when the page writes one (`POST https://sens.apigw.ntruss.com/sms/v2/…`).
    public var url: String?
    /// The page line it starts on.
    public var line: Int
    /// Every field row, nesting resolved: rows of a sub-table carry their parent's path.
    public var fields: [PageField] = []
    /// The field tables the page shows, by section and parent path (`body` + `query` for the `query`
    /// sub-table), and whether each was read to its end.
    public var tables: [TableListing] = []
    /// The request example: its JSON body or its curl command.
    public var requestExample: PageExample?
    /// The response example.
    public var responseExample: PageExample?
    /// Rate-limit sentences about this operation.
    public var rateLimits: [PageRateLimit] = []
    /// Errors the page lists for this operation.
    public var errors: [PageError] = []
    /// The sentence that deprecates it, if any.
    public var deprecation: PageText?
    /// Other notes the page gives.
    public var notes: [PageText] = []
}

/// A field table of an operation: its section, the field it describes (empty for the section's top level),
/// and whether the page shows all of it.
public struct TableListing: Sendable, Equatable {
    /// Which part of the request or response the table describes.
    public var section: FieldSection
    /// The path of the field the table describes; empty for the section's top level.
    public var parent: [String]
    /// The page shows the table to its end.
    public var isComplete: Bool
    /// The page line it starts on.
    public var line: Int
}

/// One field row.
public struct PageField: Sendable {
    /// Which part of the request or response the table describes.
    public var section: FieldSection
    /// The field's path without array markers: `["query", "textQuery"]`, `["result", "content", "assetId"]`.
    public var path: [String]
    /// The name as the row writes it: `query.textQuery`, `tags[].id`, `serverInstanceNoList.N`.
    public var documentedName: String
    /// The type as written: `String`, `Array<Integer>`, `Array[enum]`, `List<AttachFile>`, `File`.
    public var type: String
    /// Required, optional or conditional as the row says; nil when it says neither or was cut.
    public var requiredness: Requiredness?
    /// The row's description, without its list.
    public var description: String
    /// The items of the list in the row's description.
    public var bullets: [String]
    /// What the description and its list state about the value.
    public var facts: FieldFacts
    /// The page line it starts on.
    public var line: Int
    /// The row is the last one before the page was cut: its name is sure, its description and limits are not.
    public var isCut = false
    /// The index of the table it is in, among the operation's `tables`.
    public var table = 0

    /// The dotted path: `query.textQuery`.
    public var name: String { path.joined(separator: ".") }
    /// The path of the row's parent.
    public var parent: [String] { Array(path.dropLast()) }
}

/// What a row's description and bullets state about the value.
public struct FieldFacts: Sendable, Equatable {
    /// A range a page states, and where.
    public struct Range: Sendable, Equatable {
        /// The smallest allowed, when stated.
        public var min: Int64?
        /// The largest allowed, when stated.
        public var max: Int64?
        /// The page line it starts on.
        public var line: Int
    }

    /// Characters (`1-30 characters`, `Length limit: 3-63 characters`, `Up to 24 characters`).
    public var length: Range?
    /// Values (`0-10`, `1-1000 (default: 1000)`, `1 or more`, `Min: 0, Max: 2147483647`).
    public var value: Range?
    /// Items of an array (`Up to 100 entries allowed`, `Length: 1-30` on an array).
    public var items: Range?
    /// Bytes (`0-90` with `(byte)` in the description): recorded, compared with nothing the format holds.
    public var bytes: Range?
    /// The default the docs state (`(default: 1000)`, `MEDIUM (default)`, `Default: 1000`).
    public var defaultValue: PageText?
    /// Values listed as `LOW | MEDIUM (default) | HIGH`, with the meanings their sub-items give.
    public var enumValues: [String] = []
    /// What each listed value means, from the list under it.
    public var enumMeanings: [String: String] = [:]
    /// The line the values are listed on.
    public var enumLine = 0
    /// Characters the docs say can't be used.
    public var forbiddenCharacters: [Character] = []
    /// The line the characters are listed on.
    public var forbiddenLine = 0
    /// `Can't be registered if it contains a blank string or only spaces`.
    public var notBlank = false
    /// `ISO 8601 format`.
    public var isDateTime = false
}

extension FieldFacts {
    /// Takes what `other` states and these facts leave out.
    mutating func fill(from other: FieldFacts) {
        length = length ?? other.length
        value = value ?? other.value
        items = items ?? other.items
        bytes = bytes ?? other.bytes
        defaultValue = defaultValue ?? other.defaultValue
        if enumValues.isEmpty {
            enumValues = other.enumValues
            enumMeanings = other.enumMeanings
            enumLine = other.enumLine
        }
        // Characters any copy forbids stay forbidden: a translation that drops one is no permission.
        if forbiddenCharacters.isEmpty { forbiddenLine = other.forbiddenLine }
        forbiddenCharacters += other.forbiddenCharacters.filter { !forbiddenCharacters.contains($0) }
        notBlank = notBlank || other.notBlank
        isDateTime = isDateTime || other.isDateTime
    }
}

/// One row of an error table.
public struct PageError: Sendable, Equatable {
    /// The HTTP status, when the table gives one.
    public var status: Int?
    /// The service's code; `-` rows (status only) keep `-`.
    public var code: String
    /// The message as the page words it. Where the page runs the message and its description together
    /// (`messageRunsOn`), this is both, and the message is some beginning of it.
    public var message: String
    /// The layout didn't say where the message ends and its description begins.
    public var messageRunsOn = false
    /// The page line it starts on.
    public var line: Int
}

/// `Up to 1000 calls can be made per minute.`
public struct PageRateLimit: Sendable, Equatable {
    /// How many calls.
    public var limit: Int
    /// `second`, `minute`, `hour` or `day`.
    public var per: String
    /// The text as the page writes it.
    public var text: String
    /// The page line it starts on.
    public var line: Int
}

/// A request or response example: its text and the keys it uses as dotted paths.
public struct PageExample: Sendable {
    /// The text as the page writes it.
    public var text: String
    /// Every key of the example's JSON, as dotted paths.
    public var keys: [String]
    /// The example's JSON, when it parses.
    var json: JSONText?
    /// The page line it starts on.
    public var line: Int
    /// The example ends where the page was cut.
    public var isCut: Bool
    /// Multipart form fields (`--form 'fileList=@…'`).
    public var formFields: [String] = []
}

/// Where a page ends before it should: the section it was in and the last thing read.
public struct CutPoint: Sendable, Equatable {
    /// `the response table`, `the error table`, `the request example`.
    public var place: String
    /// The last row or heading read before the cut, if any.
    public var after: String?
    /// The page line it starts on.
    public var line: Int
}
