// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "iceda",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "iceda", targets: ["iceda"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "iceda",
            dependencies: ["IcedaApp"]
        ),
        .target(
            name: "IcedaApp",
            dependencies: [
                "DesignSystem", "Localization", "Methods",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        .target(
            name: "DesignSystem",
            dependencies: ["Localization"],
            resources: [.copy("Resources/Public")]
        ),
        .target(
            name: "Localization",
            resources: [.copy("Resources/Catalogs")]
        ),
        .target(name: "Methods"),
        .testTarget(
            name: "IcedaAppTests",
            dependencies: [
                "IcedaApp",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        .testTarget(name: "DesignSystemTests", dependencies: ["DesignSystem", "Localization"]),
        .testTarget(name: "MethodsTests", dependencies: ["Methods"]),
    ],
    swiftLanguageModes: [.v6]
)
