/// What was read from a page, as text a person can check against the page: `ncp-codegen show-page` prints it,
/// so a finding that looks wrong can be traced to the reading rather than guessed at.
extension PageModel {
    /// Every fact read from the page, a line each, with the page line it came from.
    public var summary: String {
        var lines: [String] = ["\(source): \(layout.rawValue)" + (slug.map { ", slug \($0)" } ?? "") + (url.map { ", \($0)" } ?? "")]
        if let title { lines.append("  title: \(title)") }
        if isNotUpToDate { lines.append("  banner: not up to date") }
        if let deprecation { lines.append("  deprecated: \(deprecation.text) (line \(deprecation.line))") }
        for url in apiURLs { lines.append("  API URL: \(url.text) (line \(url.line))") }
        for endpoint in regionEndpoints { lines.append("  region \(endpoint.region): \(endpoint.url) (line \(endpoint.line))") }
        for limit in rateLimits { lines.append("  rate limit: \(limit.limit) per \(limit.per) (line \(limit.line))") }
        for header in commonHeaders { lines.append("  header \(header.name) \(header.requiredness?.rawValue ?? "-")") }
        for operation in operations {
            lines.append("  \(operation.methods.joined(separator: ", ")) \(operation.path) (line \(operation.line))" + (operation.title.map { " — \($0)" } ?? ""))
            if let summary = operation.summary { lines.append("    summary: \(summary)") }
            if let deprecation = operation.deprecation { lines.append("    deprecated: \(deprecation.text)") }
            for limit in operation.rateLimits { lines.append("    rate limit: \(limit.limit) per \(limit.per) (line \(limit.line))") }
            for table in operation.tables {
                let parent = table.parent.isEmpty ? "" : " of \(table.parent.joined(separator: "."))"
                lines.append("    \(table.section.rawValue) table\(parent) (line \(table.line))\(table.isComplete ? "" : ", cut")")
            }
            for field in operation.fields { lines.append("    " + field.summary) }
            if let example = operation.requestExample { lines.append("    request example (line \(example.line))\(example.isCut ? ", cut" : ""): \(example.keys.joined(separator: ", "))" + (example.formFields.isEmpty ? "" : " form: \(example.formFields.joined(separator: ", "))")) }
            if let example = operation.responseExample { lines.append("    response example (line \(example.line))\(example.isCut ? ", cut" : ""): \(example.keys.joined(separator: ", "))") }
            for error in operation.errors { lines.append("    error \(error.status.map(String.init) ?? "-") \(error.code): \(error.message) (line \(error.line))") }
        }
        for error in errors { lines.append("  error \(error.status.map(String.init) ?? "-") \(error.code): \(error.message) (line \(error.line))") }
        if let cut { lines.append("  ends early in \(cut.place)" + (cut.after.map { " after '\($0)'" } ?? "") + " (line \(cut.line))") }
        for problem in problems { lines.append("  unreadable: \(problem)") }
        return lines.joined(separator: "\n")
    }
}

extension PageField {
    /// `body field query.textQuery: String, conditional, length ≤1000, forbids ;|` (line 37)`.
    public var summary: String {
        var parts = ["\(section.rawValue) \(name): \(type.isEmpty ? "?" : type), \(requiredness?.rawValue ?? "-")"]
        func range(_ label: String, _ range: FieldFacts.Range?) {
            guard let range else { return }
            parts.append("\(label) \(range.min.map(String.init) ?? "")…\(range.max.map(String.init) ?? "")")
        }
        range("length", facts.length)
        range("value", facts.value)
        range("items", facts.items)
        range("bytes", facts.bytes)
        if let value = facts.defaultValue { parts.append("default \(value.text)") }
        if !facts.enumValues.isEmpty { parts.append("values \(facts.enumValues.joined(separator: "|"))") }
        if !facts.forbiddenCharacters.isEmpty { parts.append("forbids \(String(facts.forbiddenCharacters))") }
        if facts.notBlank { parts.append("not blank") }
        if facts.isDateTime { parts.append("ISO 8601") }
        if isCut { parts.append("cut") }
        return parts.joined(separator: ", ") + " (line \(line))"
    }
}
