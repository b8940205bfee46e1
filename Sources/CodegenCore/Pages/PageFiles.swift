import Foundation

/// Doc pages from files and folders.
public enum PageFiles {
    /// The extensions a page file may have; other files in a folder (notes, lists of sources) are not pages.
    static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm", ""]

    /// Reads every file given, and every page file under the folders given, sorted by path.
    /// - Throws: `GenerationError` for a path that doesn't exist or can't be read.
    public static func read(_ paths: [String]) throws -> [PageModel] {
        try files(paths).map { file in
            guard let data = FileManager.default.contents(atPath: file) else { throw GenerationError(message: "\(file) can't be read") }
            return PageModel.read(source: file, text: String(decoding: data, as: UTF8.self))
        }
    }

    /// The page files the paths name.
    public static func files(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw GenerationError(message: "\(path): no such file or folder")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
            for name in names.sorted() where !(name as NSString).lastPathComponent.hasPrefix(".") {
                let file = (path as NSString).appendingPathComponent(name)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue,
                      extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
                files.append(file)
            }
        }
        return files
    }
}
