/// Both importers' promise: a spec that validates, or a refusal before anything is written.
extension ImportedSpec {
    /// The spec's files, checked as the loader will read them. Examples are the one part made from the source's
    /// own values, which may contradict the shapes it declares: an operation whose examples don't fit is written
    /// without them, and the loss is said at `location(operationID)`. Any other error is thrown, since the importer
    /// made a spec it shouldn't have.
    /// - Parameter shapesSource: what declares the shapes, for the warning: "the fields its tables give".
    mutating func validatedFiles(origin: String, shapesSource: String, diagnostics: inout Diagnostics,
                                 location: (String) -> SourceLocation) throws -> [OutputFile] {
        var compiled = compile(origin: origin)
        if !compiled.errors.isEmpty {
            let failing = operationsWithErrors(compiled.errors, files: compiled.files)
            for index in operations.indices where !operations[index].examples.isEmpty {
                guard let problem = failing[operations[index].id] else { continue }
                operations[index].examples = []
                diagnostics.warning("the examples of `\(operations[index].id)` don't fit \(shapesSource) (\(problem)); they were left out",
                                    at: location(operations[index].id))
            }
            compiled = compile(origin: origin)
        }
        guard compiled.errors.isEmpty else {
            throw SpecErrors(diagnostics: diagnostics.all.sorted { $0.location < $1.location } + compiled.errors.map {
                Diagnostic(.error, at: $0.location, "the imported spec doesn't validate (please report this): \($0.message)")
            })
        }
        return compiled.files
    }

    private func compile(origin: String) -> (files: [OutputFile], errors: [Diagnostic]) {
        let files = YAMLWriter.files(self, origin: origin)
        let (_, diagnostics) = SpecCompiler.compile(files.map { SpecSource(path: $0.name, text: $0.contents) })
        return (files, diagnostics.filter { $0.severity == .error })
    }

    /// The operations whose YAML holds an error, with the first: each operation's lines run from its id to the next one's.
    private func operationsWithErrors(_ errors: [Diagnostic], files: [OutputFile]) -> [String: String] {
        var failing: [String: String] = [:]
        for error in errors {
            guard let file = files.first(where: { $0.name == error.location.file }) else { continue }
            let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false)
            var owner: String?
            for (index, line) in lines.enumerated() where index < error.location.line {
                if line.hasPrefix("  "), !line.hasPrefix("   "), !line.hasPrefix("  #"), let colon = line.firstIndex(of: ":") {
                    owner = String(line[line.index(line.startIndex, offsetBy: 2)..<colon])
                }
            }
            if let owner, operations.contains(where: { $0.id == owner }), failing[owner] == nil { failing[owner] = error.message }
        }
        return failing
    }
}
