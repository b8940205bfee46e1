extension SpecDiff {
    /// `listAssets(workspaceName:projectID:)`: the method callers write.
    static func selector(of operation: Operation) -> String {
        let path = operation.parameters.filter { $0.location == .path }
        let rest = operation.parameters.filter { $0.location != .path && $0.constant == nil } + (operation.body?.properties ?? [])
        let labels = (path + rest.filter(\.required) + rest.filter { !$0.required }).map { SpecValidator.swiftName(of: $0) + ":" }
        return operation.id + "(" + labels.joined() + (operation.body?.partial == true ? "additionalFields:" : "") + ")"
    }

    /// Where a removed operation was: its group in the new spec, or the service.
    func place(ofGroup key: String) -> SourceLocation {
        new.groups.first { $0.key == key }?.location ?? new.service.location
    }

    mutating func compareOperations() {
        let (removed, added, kept) = Self.match(old.operations, new.operations, by: \.id)
        for operation in removed {
            add(.breaking, Self.selector(of: operation), "the operation was removed", at: place(ofGroup: operation.group))
        }
        for operation in added {
            add(.compatible, Self.selector(of: operation), "new operation: \(operation.method) \(operation.path)", at: operation.location)
        }
        for (before, after) in kept {
            compareOperation(before, after)
        }
    }

    mutating func compareOperation(_ before: Operation, _ after: Operation) {
        let symbol = Self.selector(of: after)
        if (before.method, before.path) != (after.method, after.path) {
            add(.compatible, symbol, "now sends \(after.method) \(after.path) (was \(before.method) \(before.path)); the method is the same",
                at: after.pathLocation)
        }
        switch (before.deprecated, after.deprecated) {
        case (nil, let deprecation?):
            let removal = deprecation.removal.map { "NAVER removes it in \(DocText.month($0))" } ?? "NAVER names no removal date"
            add(.compatible, symbol, "deprecated: \(removal); calls now warn", at: deprecation.location)
        case (_?, nil):
            add(.compatible, symbol, "no longer deprecated", at: after.location)
        default: break
        }
        compareArguments(of: before, after, symbol: symbol)
        let (oldResult, newResult) = (resultName(before.result, oldSwift), resultName(after.result, newSwift))
        if oldResult != newResult {
            add(.breaking, symbol, "now returns \(newResult) (was \(oldResult))", at: resultLocation(after))
        }
        let pages = { (operation: Operation) in operation.paging.map { $0.style != .none } ?? false }
        if pages(before) != pages(after) {
            let sequence = after.id + "Pages"
            if pages(after) {
                add(.compatible, sequence, "new page sequence", at: after.paging?.location ?? after.location)
            } else {
                add(.breaking, before.id + "Pages", "the page sequence was removed", at: after.location)
            }
        }
        let oldCodes = Set(before.errors.map(\.code))
        for code in after.errors where !oldCodes.contains(code.code) {
            add(.compatible, symbol, "may now fail with service code \(code.code)", at: code.location)
        }
        let newCodes = Set(after.errors.map(\.code))
        for code in before.errors.map(\.code) where !newCodes.contains(code) {
            add(.docs, symbol, "no longer lists service code \(code)", at: after.location)
        }
        docs(before.summary, after.summary, symbol, "the summary", at: after.location)
        docs(before.description, after.description, symbol, "the description", at: after.location)
        docs(before.doc, after.doc, symbol, "the doc link", at: after.location)
        docs(before.notes.joined(separator: "\n"), after.notes.joined(separator: "\n"), symbol, "the notes", at: after.location)
        let rate = { (operation: Operation) in operation.rateLimit.map { "\($0.limit)/\($0.per)" } ?? "" }
        if rate(before) != rate(after) {
            add(.docs, symbol, "the documented rate limit is now \(rate(after).isEmpty ? "none" : rate(after)) (was \(rate(before).isEmpty ? "none" : rate(before)))",
                at: after.rateLimit?.location ?? after.location)
        }
    }

    func resultName(_ result: ResultShape, _ swift: SwiftTypes) -> String {
        switch result {
        case .none: "nothing"
        case .reference(let name, _): "`\(name)`"
        case .undocumented: "open JSON (`JSONValue`)"
        case .array(let name, _): "a list of `\(name)`"
        case .binary: "bytes (`NCPDownload`)"
        }
    }

    func resultLocation(_ operation: Operation) -> SourceLocation {
        operation.result.location ?? operation.location
    }

    /// Arguments by Swift name: parameters and body fields alike, as the method takes them.
    mutating func compareArguments(of before: Operation, _ after: Operation, symbol: String) {
        let arguments = { (operation: Operation) in
            operation.parameters.filter { $0.constant == nil } + (operation.body?.properties ?? [])
        }
        let (removed, added, kept) = Self.match(arguments(before), arguments(after), by: SpecValidator.swiftName(of:))
        for field in removed {
            add(.breaking, symbol, "the argument `\(SpecValidator.swiftName(of: field))` was removed", at: after.location)
        }
        for field in added {
            let name = SpecValidator.swiftName(of: field)
            if field.required {
                add(.breaking, symbol, "new required argument `\(name)`", at: field.sourceLocation)
            } else {
                add(.compatible, symbol, "new optional argument `\(name)`", at: field.sourceLocation)
            }
        }
        for (was, now) in kept {
            let name = SpecValidator.swiftName(of: now)
            let what = "the argument `\(name)`"
            compareType(was, now, symbol: symbol, what: what, optional: { !$0.required })
            if was.location != now.location {
                let place = { (location: ParameterLocation?) in location.map { "the \($0)" } ?? "the body" }
                add(.compatible, symbol, "\(what) is now sent in \(place(now.location)) (was \(place(was.location)))", at: now.sourceLocation)
            }
            compareField(was, now, symbol: symbol, what: what)
        }
        switch (before.body?.partial ?? false, after.body?.partial ?? false) {
        case (false, true): add(.compatible, symbol, "new argument `additionalFields` (the body keeps fields the docs don't describe)", at: after.body?.location ?? after.location)
        case (true, false): add(.breaking, symbol, "the argument `additionalFields` was removed", at: after.body?.location ?? after.location)
        default: break
        }
    }
}
