// swift-tools-version:6.0
import PackageDescription

// Data flows one way: Corpus → Extraction → GraphStore → Analysis → Rendering → papergraph.
// No target imports one that comes after it in that chain.
let package = Package(
    name: "papergraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "papergraph", targets: ["papergraph"]),
        .library(name: "PaperGraphKit", targets: ["Corpus", "Extraction", "GraphStore", "Analysis", "Rendering"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .target(name: "Corpus"),
        .target(name: "Extraction", dependencies: ["Corpus"]),
        .target(
            name: "GraphStore",
            dependencies: [
                "Corpus", "Extraction", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "Analysis",
            dependencies: ["GraphStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "Rendering", dependencies: ["Analysis", "GraphStore", "CGraphviz"]),
        .executableTarget(
            name: "papergraph",
            dependencies: [
                "Corpus", "Extraction", "GraphStore", "Analysis", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "papergraph-bench",
            dependencies: ["Corpus", "Extraction"],
            path: "Benchmarks/Sources/papergraph-bench"
        ),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Corpus", "Extraction"]),
        .testTarget(name: "GraphStoreTests", dependencies: ["Corpus", "Extraction", "GraphStore"]),
        .testTarget(name: "AnalysisTests", dependencies: ["GraphStore", "Analysis"]),
        .testTarget(name: "RenderingTests", dependencies: ["Analysis", "Rendering"]),
        .testTarget(name: "PapergraphCLITests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
