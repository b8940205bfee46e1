// The client itself is generated at build time by NCPCodegenBuildPlugin from the spec named in
// ncp-codegen-config.json; this file only gives the target a source of its own.

/// The operations this package uses, as ncp-codegen-config.json selects them.
public enum MediaIntelligenceLite {
    /// The operation ids generated into `MediaIntelligenceLiteClient`.
    public static let operations = ["listWorkspaces", "createProject", "searchAssets", "getAssetSearchResult"]
}
