// swift-tools-version:6.1
import PackageDescription

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
            dependencies: [.product(name: "NCPRuntime", package: "ncp-media-intelligence")],
            plugins: [.plugin(name: "NCPCodegenBuildPlugin", package: "ncp-media-intelligence")]
        ),
        // A second, made-up API in the same spec format: weather.ncp.yaml.
        .target(
            name: "WeatherAPI",
            dependencies: [.product(name: "NCPRuntime", package: "ncp-media-intelligence")],
            plugins: [.plugin(name: "NCPCodegenBuildPlugin", package: "ncp-media-intelligence")]
        ),
        .executableTarget(
            name: "plugin-example",
            dependencies: [
                "MediaIntelligenceLite", "WeatherAPI",
                .product(name: "NCPRuntime", package: "ncp-media-intelligence"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
    ]
)
