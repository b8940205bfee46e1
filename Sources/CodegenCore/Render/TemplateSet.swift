import Foundation
import Mustache

/// The Mustache templates one generation renders with: the built-in ones or a user's directory.
public struct TemplateSet: Sendable {
    /// Template name (file name without `.mustache`) to its text.
    public var sources: [String: String]
    /// Where they came from, for messages.
    public var origin: String

    /// Templates given as text (tests, plugins that embed their own).
    public init(sources: [String: String], origin: String) {
        self.sources = sources
        self.origin = origin
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
