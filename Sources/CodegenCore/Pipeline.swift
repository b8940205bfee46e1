import Foundation

/// The one entry point the CLI, the plugins and the tests call: spec → validated model → Swift files.
///
/// Pure: it reads the spec and template inputs it is given and writes nothing. Any spec error stops it
/// before rendering, so a broken spec never produces output.
public enum Generator {
    /// The output of one generation.
    public struct Result: Sendable {
        /// The generated files, in a fixed order with fixed names (with the test double's, when it shares the
        /// client's module).
        public var files: [OutputFile]
        /// The test double's files, when it has a module of its own.
        public var doubleFiles: [OutputFile]
        /// The server side (`Server.swift`), when asked for: a module of its own that imports the client's.
        public var serverFiles: [OutputFile] = []
        /// The spec they were generated from.
        public var spec: Spec
        /// Warnings found on the way (errors throw instead).
        public var warnings: [Diagnostic]
        /// How many operations, and object and enum types, the files declare (fewer than the spec's with a filter).
        public var operationCount: Int
        public var typeCount: Int
    }

    /// Generates the client for an in-memory spec.
    /// - Throws: `SpecErrors` with every problem when the spec has errors; `GenerationError` for templates.
    public static func generate(spec: Spec, templates: TemplateSet, options: GeneratorOptions = GeneratorOptions()) throws -> Result {
        let diagnostics = SpecValidator.validate(spec)
        return try render(spec, diagnostics: diagnostics.sorted, templates: templates, options: options)
    }

    /// Loads spec files and directories, validates them and generates.
    public static func generate(specPaths: [String], templates: TemplateSet, options: GeneratorOptions = GeneratorOptions()) throws -> Result {
        let (spec, diagnostics) = SpecCompiler.compile(paths: specPaths)
        return try render(spec, diagnostics: diagnostics, templates: templates, options: options)
    }

    /// Loads spec files and directories and parses the templates at the same time (neither needs the other),
    /// then validates and generates: what the CLI does, where the parsing is a twentieth of a `--check`.
    public static func generate(specPaths: [String], loadingTemplates load: @escaping @Sendable () throws -> TemplateSet,
                                options: GeneratorOptions = GeneratorOptions()) throws -> Result {
        final class Slot<Value>: @unchecked Sendable { var value: Value? } // each written by one iteration only
        let compiled = Slot<(Spec, [Diagnostic])>(), templates = Slot<Swift.Result<TemplateSet, any Error>>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                compiled.value = SpecCompiler.compile(paths: specPaths)
            } else {
                templates.value = Swift.Result { try load() }
            }
        }
        let (spec, diagnostics) = compiled.value!
        return try render(spec, diagnostics: diagnostics, templates: templates.value!.get(), options: options)
    }

    private static func render(_ spec: Spec, diagnostics: [Diagnostic], templates: TemplateSet, options: GeneratorOptions) throws -> Result {
        var diagnostics = diagnostics
        if let clientName = options.clientName {
            // The validator checks the spec's own names; a client named in the options must not take one of them.
            if let problem = GeneratedNames.clientNameProblem(clientName) {
                diagnostics.append(Diagnostic(.error, at: spec.service.location, problem))
            } else if let type = spec.types.first(where: { $0.name == clientName }) {
                diagnostics.append(Diagnostic(.error, at: type.location, "the type '\(clientName)' has the name the options give the client; rename one"))
            } else if let type = spec.enums.first(where: { $0.name == clientName }) {
                diagnostics.append(Diagnostic(.error, at: type.location, "the enum '\(clientName)' has the name the options give the client; rename one"))
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw SpecErrors(diagnostics: diagnostics)
        }
        let model = Lowering(spec: spec, options: options).lower()
        let renderer = try Renderer(templates: templates)
        if options.testDouble != .none {
            let library = try templates.parsed.get()
            for output in Renderer.doubleOutputs where library.templates[output.template] == nil {
                throw GenerationError(message: "\(templates.origin): the template '\(output.template).mustache' is missing, and the test double needs it")
            }
        }
        var files: [OutputFile]
        var doubleFiles: [OutputFile] = []
        switch options.testDouble {
        case .none:
            files = renderer.render(model)
        case .sameModule:
            files = renderer.render(model, outputs: Renderer.outputs + Renderer.doubleOutputs)
        case .separateModule:
            let all = renderer.render(model, outputs: Renderer.outputs + Renderer.doubleOutputs)
            files = Array(all.prefix(Renderer.outputs.count))
            doubleFiles = Array(all.dropFirst(Renderer.outputs.count))
        }
        var result = Result(files: files, doubleFiles: doubleFiles, spec: spec, warnings: diagnostics,
                            operationCount: model.groups.reduce(0) { $0 + $1.operations.count }, typeCount: model.types.count + model.enums.count)
        if options.serverClientModule != nil {
            // The server side is a module of its own: it can only name the client's types if they are visible to it.
            guard options.accessLevel != .internal else {
                throw GenerationError(message: "the server side lives in a module of its own, so it needs the client generated public or package, not internal")
            }
            guard (try templates.parsed.get()).templates["server"] != nil else {
                throw GenerationError(message: "\(templates.origin): the template 'server.mustache' is missing, and the server side needs it")
            }
            result.serverFiles = renderer.render(model, outputs: Renderer.serverOutputs)
        }
        return result
    }
}
