// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Tolk",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TolkKit", targets: ["TolkKit"]),
        .executable(name: "tolk", targets: ["tolk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libxml2: headers are seen only by CXMLShim (they pull in ICU, which clashes with Foundation).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CXMLShim", dependencies: ["CLibXML2"]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "CSystem"),
        // ICU's collation for sorting titles: headers seen only by CICUShim, as with libxml2.
        .systemLibrary(name: "CICU", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
        .target(name: "CICUShim", dependencies: ["CICU"]),
        // What search needs of ICU: the search collation's letters, scripts without spaces.
        .target(name: "CICUSearch", dependencies: ["CICU"]),
        // SQLite with FTS5 for `tolk search`'s index (Debian's libsqlite3-dev).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "TolkKit",
            dependencies: [
                "CXMLShim", "CCmarkGFM", "CSystem", "CICUShim", "CICUSearch", "CSQLite",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .executableTarget(
            name: "tolk",
            dependencies: [
                "TolkKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "TolkBench", dependencies: ["TolkKit"]),
        .executableTarget(name: "TolkFuzz", dependencies: ["TolkKit"]),
        .testTarget(
            name: "TolkKitTests",
            dependencies: ["TolkKit"],
            exclude: ["Fixtures"]),
    ]
)
