public import Foundation

/// The text of one spec file and the path it is reported under.
public struct SpecSource: Sendable {
    /// The path diagnostics name.
    public var path: String
    /// The file's text.
    public var text: String

    /// Creates a source from text already in memory (tests, plugins).
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Finds and reads spec files, turning every unreadable input into a diagnostic.
public enum SpecFiles {
    /// Files larger than this are refused before parsing: the real spec is about 100 KB.
    public static let maximumFileSize = 4 * 1024 * 1024

    /// Reads every `.yaml`/`.yml` file named, or found (recursively, sorted) under a directory named.
    public static func read(paths: [String], fileManager: FileManager = .default) -> (sources: [SpecSource], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var sources: [SpecSource] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.error("no such file or directory", at: .start(of: path))
                continue
            }
            let files = isDirectory.boolValue ? yamlFiles(under: path, fileManager: fileManager) : [path]
            if isDirectory.boolValue && files.isEmpty {
                diagnostics.error("the directory holds no .yaml or .yml file", at: .start(of: path))
            }
            for file in files {
                switch readText(of: file) {
                case .success(let text): sources.append(SpecSource(path: file, text: text))
                case .failure(let problem):
                    diagnostics.error(problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column))
                    diagnostics.hasUnreadableFiles = true
                }
            }
        }
        return (sources, diagnostics)
    }

    /// The YAML files below a directory, in a stable order.
    static func yamlFiles(under directory: String, fileManager: FileManager) -> [String] {
        guard let enumerator = fileManager.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                files.append((directory as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }

    struct ReadProblem: Error {
        var message: String
        var line = 1
        var column = 1
    }

    /// The file's text, or why it can't be a spec: too large, not UTF-8, binary.
    static func readText(of file: String) -> Result<String, ReadProblem> {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            return .failure(ReadProblem(message: "the file can't be read"))
        }
        defer { try? handle.close() }
        // Read one byte past the limit so an oversized file is refused without loading all of it.
        let data = (try? handle.read(upToCount: maximumFileSize + 1)) ?? Data()
        if data.count > maximumFileSize {
            return .failure(ReadProblem(message: "the file is larger than \(maximumFileSize / 1024 / 1024) MB; a spec file should be far smaller"))
        }
        return decodeText(data)
    }

    /// Checks that bytes are UTF-8 text without NUL bytes.
    static func decodeText(_ data: Data) -> Result<String, ReadProblem> {
        if let nul = data.firstIndex(of: 0) {
            let place = TextCheck.firstInvalidUTF8(in: data[..<nul] + [0xFF]) ?? (1, 1)
            return .failure(ReadProblem(message: "the file holds binary data (a NUL byte), not YAML text", line: place.line, column: place.column))
        }
        if let text = String(data: data, encoding: .utf8) { return .success(text) }
        let place = TextCheck.firstInvalidUTF8(in: data) ?? (1, 1)
        return .failure(ReadProblem(message: "the file is not UTF-8 text: the bytes here are not valid UTF-8", line: place.line, column: place.column))
    }
}
