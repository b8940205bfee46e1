import Foundation
import Yams

/// Reads an OpenAPI 3.0 or 3.1 document (YAML or JSON) and writes a spec folder in our format.
public enum OpenAPIImport {
    /// What an import produced: the files to write, and what it couldn't express or had to guess.
    public struct Result: Sendable {
        /// The spec's YAML files.
        public var files: [OutputFile]
        /// What the format can't express, each at the document's line and JSON pointer.
        public var warnings: [Diagnostic]
    }

    /// Documents larger than this are refused: the largest real NCP description is a few hundred kilobytes.
    public static let maximumSize = 4 * 1024 * 1024

    /// Imports the document at `path`.
    /// - Throws: `SpecErrors` with every problem (not OpenAPI, Swagger 2.0, broken YAML, a dangling or circular
    ///   `$ref`, too large), each at its place; nothing is produced then.
    public static func importDocument(at path: String) throws -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecErrors(diagnostics: [Diagnostic(.error, at: .start(of: path), "the document can't be read")])
        }
        guard data.count <= maximumSize else {
            throw SpecErrors(diagnostics: [Diagnostic(.error, at: .start(of: path),
                                                      "the document is \(data.count / 1024 / 1024) MB; documents up to \(maximumSize / 1024 / 1024) MB are imported")])
        }
        return try importDocument(SpecSource(path: path, text: String(decoding: data, as: UTF8.self)))
    }

    /// Imports a document already in memory.
    public static func importDocument(_ source: SpecSource) throws -> Result {
        var diagnostics = Diagnostics()
        guard let root = YAMLParser.parse(source, into: &diagnostics) else { throw SpecErrors(diagnostics: diagnostics.all) }
        var importer = OpenAPIImporter(root: root, file: source.path)
        var spec = importer.run()
        if importer.diagnostics.hasErrors { throw SpecErrors(diagnostics: importer.diagnostics.all.sorted { $0.location < $1.location }) }
        // The promise is a spec that validates: checked here, as the loader will read it, before anything is written.
        let locator = importer
        let files = try spec.validatedFiles(origin: "OpenAPI", shapesSource: "the schemas the document declares",
                                            diagnostics: &importer.diagnostics, location: { locator.operationLocations[$0] ?? .start(of: source.path) })
        return Result(files: files, warnings: importer.diagnostics.all.sorted { $0.location < $1.location })
    }
}

/// The walk over the document.
struct OpenAPIImporter {
    let root: Node
    let file: String
    var diagnostics = Diagnostics()
    var spec = ImportedSpec()
    /// Type names and operation ids already given.
    var names = ImportNames()
    /// Component schemas by name, and what each became.
    var componentNames: [String: String] = [:]
    /// Types that some answer reaches: enums they reach must be open.
    var answerSchemas: Set<String> = []
    /// References being inlined (schemas that can't be types), so one that contains itself stops.
    var inlining: Set<String> = []
    /// Where each operation is in the document, for what is said about it after the walk.
    var operationLocations: [String: SourceLocation] = [:]

    /// The NCP API Gateway's signature headers: authentication, never parameters.
    static let gatewayHeaders: Set<String> = ["x-ncp-apigw-timestamp", "x-ncp-iam-access-key", "x-ncp-apigw-signature-v2", "x-ncp-apigw-api-key", "content-type", "accept"]

    init(root: Node, file: String) {
        self.root = root
        self.file = file
    }

    // MARK: Places and messages

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return .start(of: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func warn(_ message: String, _ node: Node?, pointer: String) {
        diagnostics.warning("\(message) (at \(pointer))", at: location(node))
    }

    mutating func fail(_ message: String, _ node: Node?, pointer: String) {
        diagnostics.error("\(message) (at \(pointer))", at: location(node))
    }

    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    // MARK: The whole document

    mutating func run() -> ImportedSpec {
        guard root.mapping != nil else {
            fail("not an OpenAPI document: the top level must be a mapping", root, pointer: "#")
            return spec
        }
        if root["swagger"] != nil {
            fail("this is a Swagger 2.0 document; convert it to OpenAPI 3 first (for example with swagger2openapi)", root["swagger"], pointer: "#/swagger")
            return spec
        }
        guard let version = root["openapi"]?.string, version.hasPrefix("3.") else {
            fail("not an OpenAPI 3 document: it has no 'openapi: 3.x' key", root["openapi"] ?? root, pointer: "#/openapi")
            return spec
        }
        checkReferences(root, pointer: "#")
        guard !diagnostics.hasErrors else { return spec }
        readService()
        readComponents()
        readPaths()
        readExtensions()
        spec.openEnums(reachedFrom: answerSchemas)
        for message in spec.separateSwiftNames() { diagnostics.warning(message, at: .start(of: file)) }
        if spec.groups.isEmpty { spec.groups = [("default", "Operations", "")] }
        return spec
    }

    /// Every `$ref` must resolve inside the document, and no chain of them may loop.
    mutating func checkReferences(_ node: Node, pointer: String) {
        if let mapping = node.mapping {
            if let reference = mapping["$ref"]?.string {
                var seen: Set<String> = [pointer]
                var current = reference
                while true {
                    guard current.hasPrefix("#/") else {
                        fail("the $ref '\(current)' points outside the document; only local references (#/…) are imported", mapping["$ref"], pointer: pointer + "/$ref")
                        break
                    }
                    guard let found = resolve(current) else {
                        fail("the $ref '\(current)' points at nothing in the document", mapping["$ref"], pointer: pointer + "/$ref")
                        break
                    }
                    guard seen.insert(current).inserted else {
                        fail("the $ref '\(reference)' leads back to itself through references only", mapping["$ref"], pointer: pointer + "/$ref")
                        break
                    }
                    guard let next = found.mapping?["$ref"]?.string else { break }
                    current = next
                }
            }
            for (key, value) in mapping where key.string != "$ref" {
                checkReferences(value, pointer: pointer + "/" + Self.escape(key.string ?? ""))
            }
        } else if let sequence = node.sequence {
            for (index, item) in sequence.enumerated() { checkReferences(item, pointer: pointer + "/\(index)") }
        }
    }

    /// The node a local JSON pointer names.
    func resolve(_ reference: String) -> Node? {
        var node: Node? = root
        for raw in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let sequence = node?.sequence, let index = Int(key), sequence.indices.contains(index) {
                node = sequence[index]
            } else {
                node = node?.mapping?[key]
            }
            if node == nil { return nil }
        }
        return node
    }

    /// Follows `$ref`s to the node they name.
    func dereference(_ node: Node?) -> Node? {
        var node = node
        var hops = 0
        while let reference = node?.mapping?["$ref"]?.string, hops < 32 {
            node = resolve(reference)
            hops += 1
        }
        return node
    }

    /// `Edge` for a first server `https://edge.apigw.ntruss.com/api/v1`; nil when the host says nothing usable.
    static func serviceName(fromServerOf root: Node) -> String? {
        guard let url = root["servers"]?.sequence?.first?["url"]?.string,
              let label = URLComponents(string: url)?.host?.split(separator: ".").first,
              let first = label.first, first.isLetter else { return nil }
        let words = label.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    // MARK: Service

    mutating func readService() {
        let info = root["info"]
        spec.title = info?["title"]?.string ?? ""
        spec.description = info?["description"]?.string ?? ""
        if let name = root["info"]?["x-ncp-service-name"]?.string, !name.isEmpty {
            spec.name = name
        } else {
            let words = spec.title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
                .filter { !["API", "Api", "api", "NAVER", "Naver", "NCP", "Cloud", "Platform", "OpenAPI"].contains($0) }
            let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            if name.first?.isLetter == true {
                spec.name = name
                spec.serviceComments.append("guessed: the service name '\(spec.name)' comes from the title; it names the client (\(spec.name)Client)")
            } else if let hostName = Self.serviceName(fromServerOf: root) {
                // NAVER's API Gateway exports every description titled "api"; the host's first label names the service.
                spec.name = hostName
                spec.serviceComments.append("guessed: the service name '\(spec.name)' comes from the server's host; it names the client (\(spec.name)Client)")
            } else {
                spec.name = "Imported" + name
                spec.serviceComments.append("guessed: the service name '\(spec.name)' comes from the title; it names the client (\(spec.name)Client)")
            }
        }
        spec.docs = root["externalDocs"]?["url"]?.string ?? info?["x-ncloud-source"]?.string ?? ""
        let servers = root["servers"]?.sequence ?? []
        var hosts: [(host: String, path: String, site: String?, region: String?)] = []
        for (index, server) in servers.enumerated() {
            guard let url = server["url"]?.string else { continue }
            guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
                warn("the server URL '\(url)' has no host; it is left out", server["url"], pointer: "#/servers/\(index)/url")
                continue
            }
            var path = components.path.isEmpty ? "/" : components.path
            if path.count > 1, path.hasSuffix("/") { path.removeLast() }
            hosts.append((host + (components.port.map { ":\($0)" } ?? ""), path, server["x-ncp-site"]?.string, server["x-ncp-region"]?.string))
        }
        if let first = hosts.first {
            spec.host = first.host
            spec.basePath = first.path
            readEndpoints(hosts)
            let endpointHosts = Set(spec.endpoints.compactMap(\.host))
            spec.legacyHosts = hosts.dropFirst().filter { $0.site == nil }.map(\.host)
                .filter { $0 != first.host && !endpointHosts.contains($0) }
        } else {
            warn("the document names no server with a host; the spec says 'api.example.com' until you set 'host'", root["servers"] ?? root, pointer: "#/servers")
            spec.serviceComments.append("guessed: the document names no server; set host and basePath")
        }
        let schemes = root["components"]?["securitySchemes"]?.mapping.map { Array($0.keys.compactMap(\.string)) } ?? []
        let headerNames = (root["components"]?["securitySchemes"]?.mapping?.values.compactMap { $0["name"]?.string?.lowercased() }) ?? []
        if headerNames.contains(where: { Self.gatewayHeaders.contains($0) }) || schemes.contains(where: { $0.lowercased().contains("ncp") }) {
            spec.authentication = "ncp-apigw-signature-v2"
        } else {
            // A service's own key in a header (CLOVA Speech, CLOVA OCR): its ID, if any, is the scheme named like one.
            let keyHeaders = (root["components"]?["securitySchemes"]?.mapping ?? [:]).compactMap { key, scheme -> (scheme: String, header: String)? in
                guard scheme["type"]?.string == "apiKey", scheme["in"]?.string == "header", let header = scheme["name"]?.string,
                      SpecValidator.headerNameProblem(header) == nil || header.lowercased().hasPrefix("x-ncp-") else { return nil }
                return (key.string ?? "", header)
            }
            let isID = { (entry: (scheme: String, header: String)) in entry.scheme.lowercased().hasSuffix("id") || entry.header.lowercased().hasSuffix("-id") }
            if let key = keyHeaders.first(where: { !isID($0) }) {
                spec.apiKeyHeader = key.header
                spec.apiKeyIDHeader = keyHeaders.first(where: isID)?.header
            }
        }
        if let invokeURL = root["x-ncp-invoke-url"]?.string {
            spec.invokeURL = invokeURL
            spec.basePath = "/"
        }
        for tag in root["tags"]?.sequence ?? [] {
            guard let name = tag["name"]?.string else { continue }
            let title = tag["x-ncp-title"]?.string ?? name
            let description = tag["description"]?.string ?? ""
            guard !spec.groups.contains(where: { $0.key == ImportNames.groupKey(name) }) else { continue }
            spec.groups.append((ImportNames.groupKey(name), title, description == title ? "" : description))
        }
    }


    /// Sites and regions: the servers our export marks (`x-ncp-site`, `x-ncp-region`), or, in a document of
    /// NAVER's, servers on the first one's host whose base path only adds a region suffix (`/api/v1-sgn`).
    mutating func readEndpoints(_ hosts: [(host: String, path: String, site: String?, region: String?)]) {
        guard let first = hosts.first else { return }
        func endpoint(_ server: (host: String, path: String, site: String?, region: String?), site: String, region: String)
            -> (site: String, region: String, host: String?, basePath: String?) {
            (site, region, server.host == first.host ? nil : server.host, server.path == first.path ? nil : server.path)
        }
        let marked = hosts.filter { $0.site != nil && $0.region != nil && Endpoint.sites.contains($0.site!) }
        if !marked.isEmpty {
            spec.endpoints = marked.map { endpoint($0, site: $0.site!, region: $0.region!) }
            return
        }
        let regional = hosts.dropFirst().compactMap { server -> (String, String, String?, String?)? in
            guard server.host == first.host, server.path.hasPrefix(first.path + "-") else { return nil }
            let suffix = server.path.dropFirst(first.path.count + 1)
            guard !suffix.isEmpty, suffix.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            return endpoint(server, site: "public", region: suffix.uppercased())
        }
        guard !regional.isEmpty else { return }
        spec.endpoints = [("public", "KR", nil, nil)] + regional.map { ($0.0, $0.1, $0.2, $0.3) }
        spec.serviceComments.append("guessed: the servers differ by a region suffix of the base path; the first is taken as the public site's KR region")
    }

    // MARK: Extensions our export writes

    mutating func readExtensions() {
        if let answers = root["x-ncp-answers"] { spec.answers = answersText(answers) }
        spec.notes = root["x-ncp-notes"]?.sequence?.compactMap(\.string) ?? []
        for error in root["components"]?["x-ncp-errors"]?.sequence ?? [] { spec.errors.append(json(error)) }
        for error in root["components"]?["x-ncp-gateway-errors"]?.sequence ?? [] { spec.gatewayErrors.append(json(error)) }
        for waiter in root["x-ncp-waiters"]?.sequence ?? [] { spec.waiters.append(json(waiter)) }
    }

    /// `answers:` as a flow value: the envelope (or `none`) and the error forms.
    func answersText(_ node: Node) -> String {
        var parts: [String] = []
        if let envelope = node["envelope"], envelope.mapping != nil {
            parts.append("envelope: \(json(envelope).compact)")
        } else if node["envelope"] != nil {
            parts.append("envelope: none")
        }
        if let errors = node["errors"], errors.sequence != nil { parts.append("errors: \(json(errors).compact)") }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    /// A YAML node as JSON, scalars typed as YAML's core schema reads them.
    func json(_ node: Node) -> JSONText {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                switch scalar.string {
                case "true", "True", "TRUE": return .bool(true)
                case "false", "False", "FALSE": return .bool(false)
                case "null", "Null", "NULL", "~", "": return .null
                default:
                    if Int64(scalar.string) != nil { return .number(scalar.string) }
                    if let number = Double(scalar.string), number.isFinite, scalar.string.first?.isNumber == true || scalar.string.first == "-" { return .number(scalar.string) }
                }
            }
            return .string(scalar.string)
        case .mapping(let mapping):
            return .object(mapping.map { ($0.key.string ?? "", json($0.value)) })
        case .sequence(let sequence):
            return .array(sequence.map(json))
        case .alias:
            return .null
        }
    }
}
