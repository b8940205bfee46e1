public import Foundation

/// Credentials from `~/.ncloud/configure`, the INI file the NCP CLI writes.
///
/// Sections are profiles (`[DEFAULT]`, `[work]`); a file without sections reads as `DEFAULT`. The profile is
/// the one given, else `NCLOUD_PROFILE`, else `DEFAULT`. Keys: `ncloud_access_key_id`, `ncloud_secret_access_key`.
public struct ConfigFileCredentialProvider: CredentialProvider, CustomStringConvertible, CustomDebugStringConvertible {
    public var name: String { "\(path) [\(profile)]" }
    /// The file read.
    public let path: String
    /// The profile read.
    public let profile: String

    /// Reads `path` (default `~/.ncloud/configure`) for `profile` (default `NCLOUD_PROFILE`, then `DEFAULT`).
    public init(path: String? = nil, profile: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"] ?? NSHomeDirectory()
        self.path = path ?? (home as NSString).appendingPathComponent(".ncloud/configure")
        self.profile = profile ?? environment["NCLOUD_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "DEFAULT"
    }

    public func credentials() async throws -> NCPCredentials {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CredentialError(attempts: ["\(name): the file does not exist or can't be read"])
        }
        let sections = Self.parse(text)
        guard let section = sections[profile] else {
            let known = sections.keys.sorted().joined(separator: ", ")
            throw CredentialError(attempts: ["\(name): no such profile (the file has: \(known.isEmpty ? "none" : known))"])
        }
        let accessKey = section["ncloud_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
        let secretKey = section["ncloud_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
        guard let accessKey, let secretKey else {
            let missing = [accessKey == nil ? "ncloud_access_key_id" : nil, secretKey == nil ? "ncloud_secret_access_key" : nil].compactMap { $0 }
            throw CredentialError(attempts: ["\(name): the profile lacks \(missing.joined(separator: " and "))"])
        }
        return NCPCredentials(accessKey: accessKey, secretKey: secretKey)
    }

    /// `ConfigFileCredentialProvider(path: /home/me/.ncloud/configure, profile: DEFAULT)`; it holds no key.
    public var description: String {
        SafeDescription.render("ConfigFileCredentialProvider", ["path": path, "profile": profile])
    }

    public var debugDescription: String { description }

    /// Sections of an INI file: `[name]` headers, `key = value` lines, `#`/`;` comments; keys before any
    /// header belong to `DEFAULT`.
    static func parse(_ text: String) -> [String: [String: String]] {
        var sections: [String: [String: String]] = [:]
        var current = "DEFAULT"
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                sections[current, default: [:]] = sections[current] ?? [:]
                continue
            }
            guard let equals = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            sections[current, default: [:]][key] = value
        }
        return sections
    }
}
