/// Compares two specs by the Swift API each generates: every element is matched by its Swift name, so a wire
/// rename that keeps the Swift name (`swiftName`) is not a break for Swift users.
public struct SpecDiff {
    let old: Spec
    let new: Spec
    let oldSwift: SwiftTypes
    let newSwift: SwiftTypes
    var changes: [SpecChange] = []

    /// Every change from `old` to `new`: breaking ones first, then compatible, then documentation, each in the
    /// new spec's order.
    public static func compare(old: Spec, new: Spec) -> [SpecChange] {
        var diff = SpecDiff(old: old, new: new, oldSwift: SwiftTypes(spec: old), newSwift: SwiftTypes(spec: new))
        diff.compareService()
        diff.compareOperations()
        diff.compareTypes()
        diff.compareEnums()
        diff.compareErrors(old.errors, new.errors, namespace: "ServiceErrorCode")
        diff.compareErrors(old.gatewayErrors, new.gatewayErrors, namespace: "GatewayErrorCode")
        diff.compareWaiters()
        return diff.changes.enumerated().sorted { ($0.element.kind, $0.element.location, $0.offset) < ($1.element.kind, $1.element.location, $1.offset) }
            .map(\.element)
    }

    mutating func add(_ kind: SpecChange.Kind, _ symbol: String, _ message: String, at location: SourceLocation) {
        changes.append(SpecChange(kind, symbol, message, at: location))
    }

    /// Pairs two lists by key: what only the old one has, what only the new one has, and what both have.
    static func match<Element>(_ old: [Element], _ new: [Element], by key: (Element) -> String)
        -> (removed: [Element], added: [Element], kept: [(old: Element, new: Element)]) {
        let oldByKey = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.map(key))
        var seen: Set<String> = []
        var added: [Element] = [], kept: [(Element, Element)] = []
        for element in new where seen.insert(key(element)).inserted {
            if let before = oldByKey[key(element)] { kept.append((before, element)) } else { added.append(element) }
        }
        return (old.filter { !newKeys.contains(key($0)) }, added, kept)
    }

    /// Reports a documentation change when a text differs.
    mutating func docs(_ old: String, _ new: String, _ symbol: String, _ what: String, at location: SourceLocation) {
        if old != new { add(.docs, symbol, "\(what) changed", at: location) }
    }

    // MARK: Service

    mutating func compareService() {
        let before = old.service, after = new.service
        let client = GeneratedNames.client(service: after.name)
        if before.name != after.name {
            add(.breaking, client, "the service is now '\(after.name)' (was '\(before.name)'): the client is `\(client)` (was `\(GeneratedNames.client(service: before.name))`)",
                at: after.location(of: "name"))
        }
        if before.host != after.host {
            add(.compatible, client + ".defaultBaseURL", "now https://\(after.host) (was https://\(before.host))", at: after.location(of: "host"))
        }
        if before.basePath != after.basePath {
            add(.compatible, client, "every path now starts with \(after.basePath) (was \(before.basePath))", at: after.location(of: "basePath"))
        }
        docs(before.title, after.title, client, "the title", at: after.location(of: "title"))
        docs(before.description, after.description, client, "the description", at: after.location(of: "description"))
        docs(before.docs, after.docs, client, "the doc link", at: after.location(of: "docs"))
        docs(before.notes.joined(separator: "\n"), after.notes.joined(separator: "\n"), client, "the notes", at: after.location(of: "notes"))
    }
}
