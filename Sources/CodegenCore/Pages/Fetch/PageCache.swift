import Foundation

/// Fetched pages kept between runs, each with the `ETag` and `Last-Modified` its server sent, so the next run
/// asks only whether a page changed. One file per address; a file that can't be read is a miss, never an error.
struct PageCache: Sendable {
    struct Entry: Codable, Sendable {
        var url: String
        var etag: String?
        var lastModified: String?
        var body: String
    }

    let folder: String

    init(folder: String) {
        self.folder = folder
    }

    /// The file of an address: a hash of it, since addresses don't make file names.
    func file(for url: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in url.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (folder as NSString).appendingPathComponent(String(hash, radix: 16) + ".json")
    }

    func entry(for url: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: file(for: url)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.url == url,
              entry.etag != nil || entry.lastModified != nil else { return nil }
        return entry
    }

    /// Keeps a page, written aside and moved into place so a killed run never leaves half a file.
    func store(_ entry: Entry) {
        guard entry.etag != nil || entry.lastModified != nil, let data = try? JSONEncoder().encode(entry) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = URL(fileURLWithPath: file(for: entry.url))
        try? data.write(to: target, options: .atomic)
    }
}
