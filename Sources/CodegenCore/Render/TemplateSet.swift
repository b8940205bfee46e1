import Foundation

/// The Mustache templates one generation renders with: the built-in ones or a user's directory.
public struct TemplateSet: Sendable {
    /// Template name (file name without `.mustache`) to its text.
    public var sources: [String: String] {
        didSet { parsed = Self.parse(sources, origin: origin) }
    }
    /// Where they came from, for messages.
    public var origin: String
    /// The templates parsed once, so repeated generations (plugins, tests, benchmarks) don't parse them again.
    var parsed: Result<TemplateLibrary, GenerationError>

    /// Templates given as text (tests, plugins that embed their own).
    public init(sources: [String: String], origin: String) {
        self.sources = sources
        self.origin = origin
        parsed = Self.parse(sources, origin: origin)
    }

    static func parse(_ sources: [String: String], origin: String) -> Result<TemplateLibrary, GenerationError> {
        var library = TemplateLibrary()
        var problems: [String] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.templates[name] = try TemplateParser.parse(text)
            } catch {
                problems.append("\(origin)/\(name).mustache:\(error.line):\(error.column): \(error.message)")
            }
        }
        for (name, template) in library.templates.sorted(by: { $0.key < $1.key }) {
            for partial in Set(template.partialNames).sorted() where library.templates[partial] == nil {
                problems.append("\(origin)/\(name).mustache: the partial '\(partial)' has no template '\(partial).mustache'")
            }
        }
        if let cycle = partialCycle(in: library) {
            // The render model holds no recursive data, so a partial reached again always recurses without end.
            problems.append("\(origin)/\(cycle[0]).mustache: the partials include each other without end: \(cycle.joined(separator: " → "))")
        }
        for output in Renderer.outputs where sources[output.template] == nil {
            problems.append("\(origin): the template '\(output.template).mustache' is missing")
        }
        // Every problem at once, each on a line of its own that the description starts with "error: ".
        guard problems.isEmpty else { return .failure(GenerationError(message: problems.joined(separator: "\nerror: "))) }
        return .success(library)
    }

    /// The first chain of partials that leads back to where it started, if any (names in order, the first repeated).
    static func partialCycle(in library: TemplateLibrary) -> [String]? {
        var finished: Set<String> = []
        func visit(_ name: String, path: [String]) -> [String]? {
            if let start = path.firstIndex(of: name) { return Array(path[start...]) + [name] }
            guard !finished.contains(name), let template = library.templates[name] else { return nil }
            for partial in Set(template.partialNames).sorted() {
                if let cycle = visit(partial, path: path + [name]) { return cycle }
            }
            finished.insert(name)
            return nil
        }
        for name in library.templates.keys.sorted() {
            if let cycle = visit(name, path: []) { return cycle }
        }
        return nil
    }

    /// The templates shipped with the generator.
    public static func builtIn() throws -> TemplateSet {
        guard let directory = BuiltInTemplatesLocator.directory else {
            throw GenerationError(message: "the built-in templates are missing from the ncp-codegen installation")
        }
        return try load(directory: directory.path)
    }

    /// Every `.mustache` file in `directory`.
    public static func load(directory: String) throws -> TemplateSet {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var sources: [String: String] = [:]
        for file in files where file.hasSuffix(".mustache") {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw GenerationError(message: "\(path): the template can't be read as UTF-8 text")
            }
            sources[String(file.dropLast(".mustache".count))] = text
        }
        if sources.isEmpty {
            throw GenerationError(message: "\(directory): no .mustache templates found")
        }
        return TemplateSet(sources: sources, origin: directory)
    }
}

/// A generation failure that is not a spec problem: templates missing or broken, output not writable.
public struct GenerationError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong.
    public var message: String

    /// Creates the error.
    public init(message: String) {
        self.message = message
    }

    public var description: String { "error: " + message }
}
