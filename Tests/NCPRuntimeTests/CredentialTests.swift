import Foundation
@testable import NCPRuntime
import TestSupport
import Testing

@Suite struct CredentialTests {
    let secret = "SECRET-VALUE-THAT-MUST-NOT-LEAK"

    @Test func environmentPrefersTheLongNamesAndAcceptsTheAliases() async throws {
        let long = try await EnvironmentCredentialProvider(environment: ["NCLOUD_ACCESS_KEY_ID": "AK1", "NCLOUD_SECRET_ACCESS_KEY": "SK1",
                                                                          "NCLOUD_ACCESS_KEY": "AK2", "NCLOUD_SECRET_KEY": "SK2"]).credentials()
        #expect(long == NCPCredentials(accessKey: "AK1", secretKey: "SK1"))
        let alias = try await EnvironmentCredentialProvider(environment: ["NCLOUD_ACCESS_KEY": "AK2", "NCLOUD_SECRET_KEY": "SK2"]).credentials()
        #expect(alias == NCPCredentials(accessKey: "AK2", secretKey: "SK2"))
    }

    @Test func environmentWithOnlyOneHalfIsAnError() async {
        await #expect(throws: CredentialError(attempts: ["environment: an access key is set but NCLOUD_SECRET_ACCESS_KEY/NCLOUD_SECRET_KEY is not"])) {
            try await EnvironmentCredentialProvider(environment: ["NCLOUD_ACCESS_KEY_ID": "AK"]).credentials()
        }
        await #expect(throws: CredentialError.self) {
            try await EnvironmentCredentialProvider(environment: ["NCLOUD_SECRET_KEY": secret]).credentials()
        }
    }

    func withConfigFile(_ text: String, _ body: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ncloud-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("configure")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try await body(file.path)
    }

    @Test func configFileProfiles() async throws {
        let text = """
        # NCP CLI configuration
        [DEFAULT]
        ncloud_access_key_id = DEFAULTAK
        ncloud_secret_access_key = DEFAULTSK

        [work]
        ncloud_access_key_id=WORKAK
        ncloud_secret_access_key=WORKSK
        """
        try await withConfigFile(text) { path in
            let byDefault = try await ConfigFileCredentialProvider(path: path, environment: [:]).credentials()
            let named = try await ConfigFileCredentialProvider(path: path, profile: "work", environment: [:]).credentials()
            let fromEnvironment = try await ConfigFileCredentialProvider(path: path, environment: ["NCLOUD_PROFILE": "work"]).credentials()
            #expect(byDefault.accessKey == "DEFAULTAK")
            #expect(named == NCPCredentials(accessKey: "WORKAK", secretKey: "WORKSK"))
            #expect(fromEnvironment.accessKey == "WORKAK")
            await #expect(throws: CredentialError(attempts: ["\(path) [home]: no such profile (the file has: DEFAULT, work)"])) {
                try await ConfigFileCredentialProvider(path: path, profile: "home", environment: [:]).credentials()
            }
        }
    }

    @Test func configFileWithoutSectionsReadsAsDefault() async throws {
        try await withConfigFile("ncloud_access_key_id = PLAINAK\nncloud_secret_access_key = PLAINSK\n") { path in
            let found = try await ConfigFileCredentialProvider(path: path, environment: [:]).credentials()
            #expect(found == NCPCredentials(accessKey: "PLAINAK", secretKey: "PLAINSK"))
        }
    }

    @Test func configFileMissingAKeySaysWhich() async throws {
        try await withConfigFile("[DEFAULT]\nncloud_access_key_id = AK\n") { path in
            await #expect(throws: CredentialError(attempts: ["\(path) [DEFAULT]: the profile lacks ncloud_secret_access_key"])) {
                try await ConfigFileCredentialProvider(path: path, environment: [:]).credentials()
            }
        }
    }

    @Test func chainFallsBackToTheFileAndReportsEverythingTried() async throws {
        try await withConfigFile("[DEFAULT]\nncloud_access_key_id = FILEAK\nncloud_secret_access_key = FILESK\n") { path in
            let chain = CredentialProviderChain([EnvironmentCredentialProvider(environment: [:]), ConfigFileCredentialProvider(path: path, environment: [:])])
            let found = try await chain.credentials()
            #expect(found.accessKey == "FILEAK")
        }
        // The metadata service is a loopback port that closes every connection: no NCP server here.
        let noMetadata = try DroppingServer()
        let empty = CredentialProviderChain.standard(environment: ["HOME": "/nonexistent-home", "NCLOUD_METADATA_ENDPOINT": noMetadata.baseURL.absoluteString])
        do {
            _ = try await empty.credentials()
            Issue.record("expected an error")
        } catch let error as CredentialError {
            #expect(error.attempts.count == 3)
            #expect(error.description.contains("environment: neither NCLOUD_ACCESS_KEY_ID/NCLOUD_ACCESS_KEY"))
            #expect(error.description.contains("/nonexistent-home/.ncloud/configure [DEFAULT]: the file does not exist"))
            #expect(error.description.contains("server role (\(noMetadata.baseURL.absoluteString)): the metadata service can't be reached"))
        }
    }

    @Test func chainStopsAtAHalfSetEnvironmentInsteadOfReadingTheFile() async {
        let chain = CredentialProviderChain.standard(environment: ["NCLOUD_ACCESS_KEY_ID": "AK", "HOME": "/nonexistent-home"])
        await #expect(throws: CredentialError(attempts: ["environment: an access key is set but NCLOUD_SECRET_ACCESS_KEY/NCLOUD_SECRET_KEY is not"])) {
            try await chain.credentials()
        }
    }

    @Test func descriptionsNeverShowTheSecret() {
        let credentials = NCPCredentials(accessKey: "ACCESSKEY1234567890", secretKey: secret)
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [dumped, credentials.description, credentials.debugDescription, String(describing: credentials), String(reflecting: credentials), "\(credentials)"] {
            #expect(!text.contains(secret))
            #expect(!text.contains("ACCESSKEY1234567890"))
            #expect(text.contains("ACCE…7890"))
        }
    }
}
