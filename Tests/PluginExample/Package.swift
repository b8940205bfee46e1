// swift-tools-version:6.1
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which differs between checkouts (a clone's folder is
// whatever the cloner chose), so read it rather than hard-code it.
let generatorPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// A downstream package: it depends on the generator by path and gets two clients generated at build time.
let package = Package(
    name: "plugin-example",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
    ],
    targets: [
        // The Media Intelligence spec of this repository, filtered by ncp-codegen-config.json.
        .target(
            name: "MediaIntelligenceLite",
            dependencies: [.product(name: "NCPRuntime", package: generatorPackage)],
            plugins: [.plugin(name: "NCPCodegenBuildPlugin", package: generatorPackage)]
        ),
        // A second, made-up API in the same spec format: weather.ncp.yaml.
        .target(
            name: "WeatherAPI",
            dependencies: [.product(name: "NCPRuntime", package: generatorPackage)],
            plugins: [.plugin(name: "NCPCodegenBuildPlugin", package: generatorPackage)]
        ),
        // Cloud Outbound Mailer, committed: `generate-ncp-client` writes Sources/MailerAPI/GeneratedClient/ and
        // CI runs it with --check. No build plugin here: the same files would have two producers.
        .target(
            name: "MailerAPI",
            dependencies: [.product(name: "NCPRuntime", package: generatorPackage)],
            exclude: ["ncp-codegen-config.json"]
        ),
        .executableTarget(
            name: "plugin-example",
            dependencies: [
                "MediaIntelligenceLite", "WeatherAPI", "MailerAPI",
                .product(name: "NCPRuntime", package: generatorPackage),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
    ]
)
