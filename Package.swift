// swift-tools-version:6.0
import PackageDescription

// Server targets use Vapor and Fluent; the pure targets (Methods, Localization, DesignSystem) use Foundation only.
let server: [Target.Dependency] = [
    "DesignSystem", "Localization", "Methods",
    .product(name: "Vapor", package: "vapor"),
    .product(name: "Fluent", package: "fluent"),
]

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
        // Already in the graph through Vapor; named for the kernel's one reading of multipart form fields.
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.0"),
    ],
    targets: [
        .executableTarget(name: "iceda", dependencies: ["IcedaApp"]),
        // Assembles the features: configuration, the list of features, the route table, the CLI, first start.
        .target(
            name: "IcedaApp",
            dependencies: server + [
                "Kernel", "Network", "Observatory", "Grants", "Centres", "Results", "Dialogue", "Trainings",
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        // What every feature uses and no feature owns; it never imports a feature.
        .target(name: "Kernel", dependencies: server + [.product(name: "MultipartKit", package: "multipart-kit")]),
        // The features. Allowed dependencies between them are listed in docs/ARCHITECTURE.md.
        .target(name: "Network", dependencies: server + ["Kernel"]),
        .target(name: "Observatory", dependencies: server + ["Kernel"]),
        .target(name: "Grants", dependencies: server + ["Kernel", "Network"]),
        .target(name: "Centres", dependencies: server + ["Kernel", "Network", "Observatory"]),
        .target(name: "Dialogue", dependencies: server + ["Kernel", "Network", "Observatory"]),
        .target(name: "Trainings", dependencies: server + ["Kernel", "Network", "Centres"]),
        // Reads the other features only through their metrics and transactions (Feature), never their tables.
        .target(name: "Results", dependencies: server + ["Kernel"]),
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
                "IcedaApp", "Kernel", "Network", "Observatory", "Grants", "Centres", "Results", "Dialogue", "Trainings", "Localization",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "KernelTests", dependencies: ["Kernel"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        .testTarget(name: "DesignSystemTests", dependencies: ["DesignSystem", "Localization"]),
        .testTarget(name: "MethodsTests", dependencies: ["Methods"]),
    ],
    swiftLanguageModes: [.v6]
)
