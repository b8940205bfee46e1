import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where doc pages come from: files and folders, or each operation's `doc:` URL.
public enum DocPages {
    /// Reads every file given, and every file under the folders given, sorted by path.
    public static func read(_ paths: [String]) throws -> [DocPage] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw GenerationError(message: "\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { (path as NSString).appendingPathComponent($0) }.filter {
                    var isFolder: ObjCBool = false
                    return FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue
                }
            } else {
                files.append(path)
            }
        }
        return try files.map { file in
            guard let data = FileManager.default.contents(atPath: file) else { throw GenerationError(message: "\(file) can't be read") }
            return DocPage(name: file, text: String(decoding: data, as: UTF8.self))
        }
    }

    /// Downloads each operation's `doc:` page (each URL once), with a 20-second limit per page.
    public static func fetch(for spec: Spec) throws -> [DocPage] {
        var urls: [String] = []
        for operation in spec.operations where !operation.doc.isEmpty && !urls.contains(operation.doc) { urls.append(operation.doc) }
        if !spec.service.docs.isEmpty, !urls.contains(spec.service.docs) { urls.insert(spec.service.docs, at: 0) }
        return try urls.map { address in
            guard let url = URL(string: address), url.scheme == "https" || url.scheme == "http" else {
                throw GenerationError(message: "\(address): not an http(s) URL")
            }
            return DocPage(name: address, text: try download(url))
        }
    }

    static func download(_ url: URL) throws -> String {
        final class Box: @unchecked Sendable { var result: Result<String, GenerationError>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        var request = URLRequest(url: url, timeoutInterval: 20)
        request.setValue("text/plain, text/markdown, text/html", forHTTPHeaderField: "Accept")
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(GenerationError(message: "\(url.absoluteString): \(error.localizedDescription)"))
            } else if let status = (response as? HTTPURLResponse)?.statusCode, !(200..<300).contains(status) {
                box.result = .failure(GenerationError(message: "\(url.absoluteString): HTTP \(status)"))
            } else {
                box.result = .success(String(decoding: data ?? Data(), as: UTF8.self))
            }
            done.signal()
        }.resume()
        done.wait()
        return try box.result!.get()
    }
}
