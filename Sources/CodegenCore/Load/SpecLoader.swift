/// Reads spec files into one `Spec`, collecting every problem on the way.
public enum SpecLoader {
    /// Loads the files and directories named (a directory contributes every YAML file below it).
    public static func load(paths: [String]) -> (spec: Spec, diagnostics: Diagnostics) {
        var (sources, diagnostics) = SpecFiles.read(paths: paths)
        let (spec, loadDiagnostics) = load(sources)
        diagnostics.append(contentsOf: loadDiagnostics)
        return (spec, diagnostics)
    }

    /// Loads in-memory sources, in the order given.
    public static func load(_ sources: [SpecSource]) -> (spec: Spec, diagnostics: Diagnostics) {
        var spec = Spec()
        var diagnostics = Diagnostics()
        var serviceSeen: SourceLocation?
        var unreadableFiles = 0
        for source in sources {
            guard let root = YAMLParser.parse(source, into: &diagnostics) else {
                unreadableFiles += 1
                diagnostics.hasUnreadableFiles = true
                continue
            }
            let reader = NodeReader(file: source.path)
            SpecDecoder(reader: reader).decode(root: root, into: &spec, serviceSeen: &serviceSeen)
            diagnostics.append(contentsOf: reader.diagnostics)
        }
        // An unreadable file may be the one that declares the service; don't pile a guess on its real error.
        if serviceSeen == nil, !sources.isEmpty, unreadableFiles == 0 {
            diagnostics.error("no file declares 'service'; one file must say what the API is called and where it lives",
                              at: .start(of: sources[0].path))
        }
        resolveSharedParameters(in: &spec, diagnostics: &diagnostics)
        return (spec, diagnostics)
    }

    /// Replaces each `NAME: shared` parameter with the shared definition, keeping where it was named.
    static func resolveSharedParameters(in spec: inout Spec, diagnostics: inout Diagnostics) {
        let shared = Dictionary(spec.sharedParameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for index in spec.operations.indices {
            spec.operations[index].parameters = spec.operations[index].parameters.compactMap { parameter in
                guard parameter.style == "shared" else { return parameter }
                guard var definition = shared[parameter.name] else {
                    diagnostics.unresolved("'\(parameter.name)' is not a shared parameter\(Suggestion.hint(for: parameter.name, in: shared.keys.sorted()))",
                                      at: parameter.sourceLocation)
                    return nil
                }
                definition.sourceLocation = parameter.sourceLocation
                return definition
            }
        }
    }
}

/// Loading and validation in one call: what the CLI's `validate` and the pipeline use.
public enum SpecCompiler {
    /// The spec and every problem found, load and validation alike, sorted by location.
    public static func compile(paths: [String]) -> (spec: Spec, diagnostics: [Diagnostic]) {
        let (spec, diagnostics) = SpecLoader.load(paths: paths)
        return finish(spec, diagnostics)
    }

    /// The same for in-memory sources.
    public static func compile(_ sources: [SpecSource]) -> (spec: Spec, diagnostics: [Diagnostic]) {
        let (spec, diagnostics) = SpecLoader.load(sources)
        return finish(spec, diagnostics)
    }

    private static func finish(_ spec: Spec, _ loadDiagnostics: Diagnostics) -> (spec: Spec, diagnostics: [Diagnostic]) {
        var diagnostics = loadDiagnostics
        // Semantic checks run even after load errors, so one run reports the problems of every readable file.
        diagnostics.append(contentsOf: SpecValidator.validate(spec))
        return (spec, diagnostics.withoutFollowOnErrors.sorted)
    }
}
