// swift-tools-version:6.1
import PackageDescription

/// Strictness every target of ours shares: Swift 6 mode is the tools-version default;
/// these make the remaining opt-in checks explicit.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// Every generated golden under `Tests/Snippets` and `Tests/Corpus` is compiled as a module of its own, so a
/// spec that validates but generates Swift that doesn't compile (or warns) fails the build. The folders are listed
/// here rather than read from disk because SwiftPM caches the manifest by its text; `CorpusTests` checks that
/// the lists name every folder.
let compiledSnippets = [
    "closed-enum", "comma-query-array", "delete-with-body", "deprecated-operation", "open-enum",
    "optional-and-nested", "partial-type", "root-base-path", "swift-name-collision-fix", "wire-name-alias",
]
let compiledCorpus = [
    "array-of-arrays", "case-collision-by-acronym", "custom-client-name", "datetime-and-json-bodies",
    "deep-nesting", "delete-and-head-variants", "deprecation-text", "enum-path-parameter", "enum-query-arrays",
    "enum-symbol-values", "enum-unknown-value", "envelope-fields-odd", "every-primitive-default", "example-json-delimiters",
    "example-with-odd-values", "forbidden-characters-quotes", "generated-local-names", "group-keyword-title",
    "header-parameters", "huge-default", "internal-access", "keyword-parameters", "keyword-properties", "list-and-binary-results",
    "long-unbreakable-words", "many-params", "notes-and-since", "nullable-required", "numbers-as-names", "object-and-datetime-queries",
    "operation-named-like-keywords", "optional-body-only", "paging-styles", "partial-with-additional-fields",
    "query-and-body-same-name", "rate-limit-notes", "recursion-through-optional", "service-name-lowercase-group",
    "shared-page-type", "standard-type-names-as-properties", "text-with-control-characters", "two-legacy-hosts",
    "type-named-like-generated", "undocumented-results", "unicode-names", "upload-bodies", "waiter-names", "waiters-on-scalars",
    "wire-name-symbols", "yaml-merge-keys",
]
/// Clients of other NCP APIs, written from NAVER's doc pages: each answers, pages or completes differently.
let compiledNCPAPIs = ["cloud-outbound-mailer", "clova-speech", "secure-token-service", "sens-sms", "vpc-server"]
/// Clients generated from the specs `ncp-codegen import` makes of the OpenAPI documents in `Tests/OpenAPI`
/// (two of them NAVER's own exports: API Gateway and Global Edge).
let compiledOpenAPI = ["api-gateway", "cloud-outbound-mailer", "edge-cases", "global-edge", "media-intelligence-community", "request-shapes", "sens-sms"]
/// Clients generated from the specs `ncp-codegen import` makes of NAVER's doc pages (`Tests/PageImports/NAME.spec`).
let compiledPageImports = ["api-gateway", "billing", "cloud-outbound-mailer", "media-intelligence", "media-intelligence-seed", "nclue", "sens"]
let compiledGoldens: [Target] = [("Snippets", compiledSnippets), ("Corpus", compiledCorpus), ("NCPAPIs", compiledNCPAPIs), ("OpenAPI", compiledOpenAPI),
                                 ("PageImports", compiledPageImports)].flatMap { folder, entries in
    entries.map { entry -> Target in
        let words = entry.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let name = folder + words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return .target(name: name, dependencies: ["NCPRuntime"], path: "Tests/\(folder)/\(entry)", swiftSettings: strictSettings)
    }
}

/// A server side (`ncp-codegen --server-output`) for every compiled client but the two generated `internal` (which a
/// module of its own can't see): each in `Tests/Servers/<client module>/`, compiled over its client, so a spec
/// whose client compiles but whose server side doesn't fails the build. `ServerGoldenTests` checks the folders.
let internalClients: Set<String> = ["SnippetsSwiftNameCollisionFix", "CorpusInternalAccess"]
let compiledServers = ["MediaIntelligence"] + compiledGoldens.map(\.name).filter { !internalClients.contains($0) }
let serverTargets: [Target] = compiledServers.map { client in
    .target(name: client + "Server", dependencies: [.target(name: client), "NCPRuntime", "NCPServerRuntime", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/Servers/\(client)", swiftSettings: strictSettings)
}

let package = Package(
    name: "ncp-media-intelligence",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .library(name: "MediaIntelligence", targets: ["MediaIntelligence"]),
        // The client's test double, for test targets only, so apps never ship it.
        .library(name: "MediaIntelligenceTesting", targets: ["MediaIntelligenceTesting"]),
        .library(name: "NCPRuntime", targets: ["NCPRuntime"]),
        // AsyncHTTPClient's transport, apart so that apps which don't use it never build SwiftNIO.
        .library(name: "NCPAsyncHTTPClient", targets: ["NCPAsyncHTTPClient"]),
        .executable(name: "ncp-codegen", targets: ["ncp-codegen"]),
        // The API on loopback, behind a gateway that checks signatures: Media Intelligence with its state, or any spec.
        .executable(name: "ncp-emulator", targets: ["ncp-emulator"]),
        .library(name: "NCPEmulator", targets: ["NCPEmulator"]),
        // What generated server routes stand on (`ncp-codegen --server-output`).
        .library(name: "NCPServerRuntime", targets: ["NCPServerRuntime"]),
        .plugin(name: "NCPCodegenBuildPlugin", targets: ["NCPCodegenBuildPlugin"]),
        .plugin(name: "NCPCodegenCommandPlugin", targets: ["NCPCodegenCommandPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.2.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.24.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        // Test-only: a small pure-Swift HTTP server (no SwiftNIO) for the loopback tests.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
        // ncp-emulator's HTTP server.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        // Documentation only: `swift package generate-documentation`.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // MARK: Generator
        .target(
            name: "CodegenCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                "CodegenTemplates",
                "CAllocatorTuning",
                "CPathExchange",
            ],
            swiftSettings: strictSettings
        ),
        // glibc's mallopt, which the Glibc module does not export.
        .target(name: "CAllocatorTuning"),
        // Swapping two directories in one step (renameat2 / renamex_np), which Foundation does not offer.
        .target(name: "CPathExchange"),
        .target(
            name: "CodegenTemplates",
            path: "Templates",
            resources: [.copy("swift")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ncp-codegen",
            dependencies: [
                "CodegenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        .plugin(
            name: "NCPCodegenBuildPlugin",
            capability: .buildTool(),
            dependencies: ["ncp-codegen"],
            path: "Sources/NCPCodegenBuildPlugin"
        ),
        .plugin(
            name: "NCPCodegenCommandPlugin",
            capability: .command(
                intent: .custom(verb: "generate-ncp-client", description: "Regenerates each target's NCP client into <target>/GeneratedClient"),
                permissions: [.writeToPackageDirectory(reason: "Writes the generated client into the target's GeneratedClient folder")]
            ),
            dependencies: ["ncp-codegen"],
            path: "Sources/NCPCodegenCommandPlugin"
        ),

        // What swift-openapi-generator 1.14.3 makes of four Media Intelligence operations in our exported OpenAPI
        // document (`ncp-codegen export`, then its `generate` with the config beside the code): the baseline the
        // client benchmark compares with. Committed as generated, so building it needs no generator.
        .target(
            name: "OpenAPIGeneratorBaseline",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["openapi-generator-config.yaml", "regenerate.sh"]
        ),
        // Measures speed and memory (see the README); never run by the tests.
        .executableTarget(
            name: "ncp-benchmarks",
            dependencies: [
                "CodegenCore", "NCPRuntime", "NCPAsyncHTTPClient", "MediaIntelligence", "OpenAPIGeneratorBaseline", "NCPEmulator",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Emulator
        .target(
            name: "NCPEmulator",
            dependencies: [
                "CodegenCore", "NCPRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NCPServerRuntime",
            dependencies: [
                "NCPRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ncp-emulator",
            dependencies: ["NCPEmulator", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),

        // MARK: Runtime and the generated client
        .target(
            name: "NCPRuntime",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NCPAsyncHTTPClient",
            dependencies: [
                "NCPRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MediaIntelligence",
            dependencies: ["NCPRuntime"],
            path: "Generated/MediaIntelligence",
            swiftSettings: strictSettings
        ),
        .target(
            name: "MediaIntelligenceTesting",
            dependencies: ["MediaIntelligence", "NCPRuntime"],
            path: "Generated/MediaIntelligenceTesting",
            swiftSettings: strictSettings
        ),

        // MARK: Tests
        .testTarget(
            name: "CodegenCoreTests",
            dependencies: [
                "CodegenCore",
                // docs-check --fetch reads pages from a loopback server.
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NCPRuntimeTests",
            dependencies: [
                "NCPRuntime", "NCPAsyncHTTPClient", "TestSupport",
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MediaIntelligenceTests",
            dependencies: ["MediaIntelligence", "MediaIntelligenceTesting", "KitchenSinkClient", "TestSupport", "NCPEmulator"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NCPEmulatorTests",
            dependencies: ["NCPEmulator", "MediaIntelligence", "NCPAsyncHTTPClient", "TestSupport", .product(name: "Hummingbird", package: "hummingbird")]
                + compiledGoldens.filter { $0.name.hasPrefix("NCPAPIs") }.map { .target(name: $0.name) }
                + ["NCPAPIsCloudOutboundMailerServer", "NCPAPIsClovaSpeechServer", "NCPAPIsSensSmsServer"].map { .target(name: $0) },
            swiftSettings: strictSettings
        ),
        // A loopback HTTP server that checks signatures, and other helpers the test targets share.
        .target(
            name: "TestSupport",
            dependencies: [
                "NCPRuntime",
                .product(name: "FlyingFox", package: "FlyingFox"),
                // Used to check signatures independently of the runtime's signer.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        // The kitchen-sink snippet's golden output, compiled and called by the generated-client tests.
        .target(
            name: "KitchenSinkClient",
            dependencies: ["NCPRuntime"],
            path: "Tests/Snippets/kitchen-sink",
            swiftSettings: strictSettings
        ),
        // Depends on every other compiled golden, so `swift test` builds them all.
        .testTarget(
            name: "CompiledGoldenTests",
            dependencies: ["TestSupport", "NCPRuntime"] + compiledGoldens.map { .target(name: $0.name) },
            swiftSettings: strictSettings
        ),
    ] + compiledGoldens + serverTargets
)
