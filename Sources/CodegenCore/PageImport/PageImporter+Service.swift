import Foundation

extension PageImporter {
    // MARK: The service

    /// Name, title, host and base path: from the overview's API URL when there is one, else from the full URLs
    /// the operation pages write (a legacy endpoint line, a curl example).
    mutating func readService(overview: PageModel?, operations: [(PageModel, PageOperation)]) {
        let title = overview.flatMap(\.title).map(Self.serviceTitle) ?? overview?.leadParagraph.flatMap(Self.subject) ?? Self.commonTitle(operations.map(\.0))
        spec.title = title ?? ""
        // The overview's first paragraph, when it is a sentence and not a heading (`Overview`).
        spec.description = overview?.leadParagraph.flatMap { $0.split(separator: " ").count > 3 ? $0 : nil } ?? ""
        let nameWords = ImportNames.upperCamel(title ?? "")
        if let title, nameWords.first?.isLetter == true, ImportNames.words(title).count > 0 {
            spec.name = nameWords
        } else {
            spec.name = "Imported"
            spec.serviceComments.append("guessed: the name; the pages' title has no Latin words to make one of")
        }
        spec.docs = overview?.url ?? ""
        let headers = (overview?.commonHeaders ?? []) + operations.flatMap { $0.1.fields.filter { $0.section == .header } }
        if headers.contains(where: { $0.name.lowercased() == "x-ncp-apigw-signature-v2" }) || operations.contains(where: { $0.1.requestExample?.text.has("x-ncp-apigw-signature-v2") == true }) {
            spec.authentication = "ncp-apigw-signature-v2"
        } else {
            spec.authentication = "ncp-apigw-signature-v2"
            spec.serviceComments.append("guessed: the API Gateway's signature, which every NCP API takes; the pages don't list the headers")
        }
        // The base URL: the overview's, else the first full URL an operation page gives. Copies of several
        // overviews (a renamed service's old and new) give several hosts: the one most pages use is the host,
        // the others its legacy hosts.
        var baseURL = overview.flatMap { $0.apiURLs.first?.text ?? $0.regionEndpoints.first?.url }
        let hosts = Self.hostsByUse(pages.filter(\.isReadable))
        if let top = hosts.first, hosts.count > 1, let url = baseURL, let parsed = URL(string: url), parsed.host != top,
           let replaced = url.range(of: parsed.host ?? "") {
            baseURL = url.replacingCharacters(in: replaced, with: top)
        }
        if let overview, overview.regionEndpoints.count > 1 {
            let others = overview.regionEndpoints.dropFirst().map { "\($0.region): \($0.url)" }.joined(separator: "; ")
            diagnostics.warning("the overview lists an endpoint per region; the first was imported and the others (\(others)) kept as a note",
                                at: Self.place(overview, overview.regionEndpoints[1].line))
            spec.notes.append("Endpoints of other regions: \(others).")
        }
        if baseURL == nil, let (url, _) = Self.exampleURL(in: operations) {
            baseURL = url
            spec.serviceComments.append("guessed: the host and base path, from a full URL an operation page writes")
        }
        guard let baseURL, let parsed = URL(string: baseURL), let host = parsed.host else {
            spec.host = "api.example.com"
            spec.basePath = "/"
            spec.serviceComments.append("guessed: nothing on the pages names the host; set `host` and `basePath`")
            diagnostics.warning("no page gives the API's URL; the host is a placeholder", at: pages.first.map { Self.place($0, 1) } ?? .start(of: "pages"))
            return
        }
        spec.host = host + (parsed.port.map { ":\($0)" } ?? "")
        if spec.name == "Imported", let label = host.split(separator: ".").first, label.count > 1, label.allSatisfy({ $0.isASCII && $0.isLetter }) {
            // No title to name the service: the host's first label does (`sens.apigw.ntruss.com` → `Sens`).
            spec.name = ImportNames.upperCamel(String(label))
            spec.serviceComments.removeAll { $0.hasPrefix("guessed: the name") }
            spec.serviceComments.append("guessed: the name, from the host; no page gives the service's title")
        }
        spec.legacyHosts = hosts.filter { $0 != host }
        if !spec.legacyHosts.isEmpty {
            spec.serviceComments.append("guessed: the host most pages use; the others (\(spec.legacyHosts.joined(separator: ", "))) are older copies' legacy hosts")
        }
        spec.basePath = Self.basePath(urlPath: parsed.path, operationPaths: operations.map(\.1.path))
    }

    /// The API hosts the pages write (base URLs, endpoint lines, curl examples), the most used first.
    static func hostsByUse(_ pages: [PageModel]) -> [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        func count(_ url: String?) {
            guard let url, let host = URL(string: url.replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D"))?.host,
                  host.hasSuffix(".ntruss.com") || host.hasSuffix(".ncloud.com") || host.hasSuffix(".naverncp.com") else { return }
            if counts[host] == nil { order.append(host) }
            counts[host, default: 0] += 1
        }
        for page in pages {
            if page.deprecation == nil { page.apiURLs.forEach { count($0.text) } }
            for operation in page.operations {
                count(operation.url)
                count(operation.requestExample.flatMap { firstURL(in: $0.text) })
            }
        }
        return order.sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
    }

    /// `Media Intelligence overview` → `Media Intelligence`.
    static func serviceTitle(_ title: String) -> String {
        var title = title.trimmed()
        for suffix in [" API overview", " overview", " Overview", " API 개요", " 개요", " 概要", "概要", " API"] where title.hasSuffix(suffix) {
            title.removeLast(suffix.count)
            break
        }
        return title.trimmed()
    }

    /// `Media Intelligence is a media AI analysis service …` → `Media Intelligence`.
    static func subject(_ sentence: String) -> String? {
        guard let groups = FactReader.captures(sentence, #"^([A-Z][A-Za-z0-9 ]{1,60}?) (?:is|are|provides|offers) "#), let subject = groups[0] else { return nil }
        return subject.split(separator: " ").count <= 5 ? subject : nil
    }

    /// Without an overview: the words the operation pages' slugs begin with, as a title (`maiu` → `Maiu`).
    static func commonTitle(_ pages: [PageModel]) -> String? {
        let slugs = pages.compactMap(\.slug)
        guard let first = slugs.first?.split(separator: "-").first.map(String.init) else { return nil }
        let shared = slugs.allSatisfy { $0.split(separator: "-").first.map(String.init) == first }
        return shared ? first.prefix(1).uppercased() + first.dropFirst() : nil
    }

    /// A full URL an operation page writes (its endpoint line or its curl example), and the operation.
    static func exampleURL(in operations: [(PageModel, PageOperation)]) -> (String, PageOperation)? {
        for (_, operation) in operations {
            if let url = operation.url, let base = baseOf(url, path: operation.path) { return (base, operation) }
            if let text = operation.requestExample?.text, let url = firstURL(in: text), let base = baseOf(url, path: operation.path) {
                return (base, operation)
            }
        }
        return nil
    }

    /// `https://host/api/v1/things/12/x?y` for the path `/things/{id}/x` → `https://host/api/v1`.
    static func baseOf(_ url: String, path: String) -> String? {
        guard let parsed = URL(string: url.replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D")),
              let scheme = parsed.scheme, let host = parsed.host else { return nil }
        let urlSegments = parsed.path.split(separator: "/").map(String.init)
        let pathSegments = path.split(separator: "/").map(String.init)
        var base = urlSegments
        if pathSegments.count <= urlSegments.count {
            let tail = urlSegments.suffix(pathSegments.count)
            let matches = zip(tail, pathSegments).allSatisfy { $1.hasPrefix("{") || $0 == $1 || $0.removingPercentEncoding == $1 }
            if matches { base = Array(urlSegments.dropLast(pathSegments.count)) }
        }
        return "\(scheme)://\(host)\(parsed.port.map { ":\($0)" } ?? "")" + (base.isEmpty ? "" : "/" + base.joined(separator: "/"))
    }

    static func firstURL(in text: String) -> String? {
        guard let start = text.range(of: "https://") ?? text.range(of: "http://") else { return nil }
        let url = text[start.lowerBound...].prefix { !$0.isWhitespace && $0 != "'" && $0 != "\"" }
        return String(url)
    }

    /// The base path: the API URL's path, and then the static segments every operation's path starts with, up to
    /// a version segment (`/api/v1`, `/sms/v2`) — what the pages write before the part that differs.
    static func basePath(urlPath: String, operationPaths: [String]) -> String {
        let base = urlPath.split(separator: "/").map(String.init)
        let relative = operationPaths.map { path -> [String] in
            let segments = path.split(separator: "/").map(String.init)
            return segments.starts(with: base) ? Array(segments.dropFirst(base.count)) : segments
        }
        var shared: [String] = []
        if let first = relative.first {
            for (index, segment) in first.enumerated() {
                guard !segment.hasPrefix("{"), relative.allSatisfy({ $0.count > index + 1 && $0[index] == segment }) else { break }
                shared.append(segment)
            }
        }
        let version = shared.lastIndex { $0.count >= 2 && $0.first == "v" && $0.dropFirst().allSatisfy(\.isNumber) }
        let prefix = version.map { Array(shared[...$0]) } ?? []
        let all = base + prefix
        return all.isEmpty ? "/" : "/" + all.joined(separator: "/")
    }

    /// An operation's path below the base path.
    func relativePath(_ path: String) -> String {
        let base = spec.basePath.split(separator: "/").map(String.init)
        let segments = path.split(separator: "/").map(String.init)
        let rest = segments.starts(with: base) ? Array(segments.dropFirst(base.count)) : segments
        return "/" + rest.joined(separator: "/")
    }

    // MARK: Answers

    /// The envelope, when most documented answers are an object holding `code`, `message` and `result` (or the
    /// response tables list those at the top).
    static func envelope(of operations: [PageOperation], overview: PageModel?) -> ImportedEnvelope? {
        var votes = 0
        var against = 0
        var success: [String] = []
        for operation in operations {
            if let json = operation.responseExample?.json, case .object(let pairs) = json {
                let keys = Set(pairs.map(\.key))
                if keys.contains("code"), keys.contains("result") || keys.contains("message") {
                    votes += 1
                    if case .string(let code)? = json["code"], !success.contains(code) { success.append(code) }
                    if case .number(let code)? = json["code"], !success.contains(code) { success.append(code) }
                } else {
                    against += 1
                }
                continue
            }
            let top = Set(operation.fields.filter { $0.section == .response && $0.path.count == 1 }.map { $0.path[0] })
            if top.contains("code"), top.contains("result") { votes += 1 } else if !top.isEmpty { against += 1 }
        }
        guard votes > 0, votes >= against else { return nil }
        return ImportedEnvelope(result: "result", code: "code", success: success.isEmpty ? ["0"] : success, message: "message")
    }

    // MARK: Groups

    /// Each operation's group: the collection its path works on (`/workspaces/{w}/projects` → `projects`;
    /// `/assets/{a}/analyze` → `assets`, since `analyze` is an action, never followed by an ID).
    mutating func groupOperations() {
        let paths = spec.operations.map { $0.path.split(separator: "/").map(String.init) }
        // Segments some path follows with a parameter: collections.
        var collections: Set<String> = []
        for segments in paths {
            for (index, segment) in segments.enumerated() where index + 1 < segments.count && segments[index + 1].hasPrefix("{") && !segment.hasPrefix("{") {
                collections.insert(segment)
            }
        }
        var order: [String] = []
        for index in spec.operations.indices {
            let segments = paths[index].filter { !$0.hasPrefix("{") }
            let group = segments.last(where: { collections.contains($0) }).map { segment -> String in
                // A final segment that is itself a collection (`…/{w}/projects`) names the group.
                if let last = segments.last, collections.contains(last) { return last }
                return segment
            } ?? segments.first ?? "default"
            let key = ImportNames.groupKey(group)
            spec.operations[index].group = key
            if !order.contains(key) { order.append(key) }
        }
        spec.groups = order.map { key in
            let words = key.reduce(into: "") { text, character in text += character.isUppercase ? " " + character.lowercased() : String(character) }
            return (key, words.prefix(1).uppercased() + words.dropFirst(), "")
        }
        spec.serviceComments.append("guessed: the groups, from the collection each operation's path works on")
    }

    // MARK: Errors

    /// Records another wording of an error's message on its first listing.
    mutating func addAlternativeMessage(_ message: String, to code: String) {
        guard let index = spec.errors.firstIndex(where: { $0["code"].map { if case .string(code) = $0 { true } else { false } } ?? false }),
              case .object(var pairs) = spec.errors[index] else { return }
        let normalized = { (text: String) in text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .")) }
        var known = [pairs.first { $0.key == "message" }?.value].compactMap { $0 }
        if let alternatives = pairs.first(where: { $0.key == "alternativeMessages" })?.value, case .array(let items) = alternatives { known += items }
        guard !known.contains(where: { if case .string(let text) = $0 { normalized(text) == normalized(message) } else { false } }) else { return }
        if let at = pairs.firstIndex(where: { $0.key == "alternativeMessages" }), case .array(let items) = pairs[at].value {
            pairs[at].value = .array(items + [.string(message)])
        } else {
            pairs.append(("alternativeMessages", .array([.string(message)])))
        }
        spec.errors[index] = .object(pairs)
    }

    /// The overview's error table as the service's codes; operation pages' own tables as their operations' lists.
    mutating func readErrors(overview: PageModel?, pages: [PageModel]) {
        var rows: [(PageError, PageModel)] = (overview?.errors ?? []).map { ($0, overview!) }
        for page in pages where page.operations.isEmpty && !page.errors.isEmpty && page.source != overview?.source {
            rows += page.errors.map { ($0, page) }
        }
        for page in pages {
            for operation in page.operations { rows += operation.errors.map { ($0, page) } }
        }
        var seen: Set<String> = []
        // A code listed under two statuses is one error listed twice: the second keeps the first's name and message.
        var firstListing: [String: (name: String, message: String)] = [:]
        var takenNames: Set<String> = []
        for (row, page) in rows {
            guard let status = row.status, !(200..<300).contains(status), row.code != "-", row.code != "0" else { continue }
            guard seen.insert(row.code + "|" + String(status)).inserted else {
                // Another table words the same code otherwise: both wordings are the service's.
                if !row.message.isEmpty, !row.messageRunsOn { addAlternativeMessage(row.message, to: row.code) }
                continue
            }
            let first = firstListing[row.code]
            var name = first?.name ?? ""
            if first == nil {
                // `Invalid Request.` → `invalidRequest`; a message without Latin words → `error10001`.
                let wanted = ImportNames.lowerCamel(ImportNames.words(row.message).prefix(5).joined(separator: " "))
                let base = wanted.first?.isLetter != true || GeneratedNames.reservedMembers.contains(wanted) ? "error" + ImportNames.upperCamel(row.code) : wanted
                name = base
                var number = 2
                while takenNames.contains(name) { name = base + String(number); number += 1 }
                takenNames.insert(name)
            }
            let message = first?.message ?? (row.message.isEmpty ? "Error \(row.code)." : row.message)
            firstListing[row.code] = firstListing[row.code] ?? (name, message)
            var pairs: [(key: String, value: JSONText)] = [("status", .number(String(status))), ("code", .string(row.code)), ("name", .string(name)),
                                                          ("message", .string(message)), ("meaning", .string(message))]
            if first != nil { pairs.append(("duplicate", .bool(true))) }
            if row.messageRunsOn {
                pairs.append(("note", .string("The page runs the message and its description together; the message may be shorter.")))
                diagnostics.warning("the error table of this layout runs \(row.code)'s message into its description; both were kept as the message",
                                    at: Self.place(page, row.line))
            }
            spec.errors.append(.object(pairs))
        }
    }
}
