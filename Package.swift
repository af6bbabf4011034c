// swift-tools-version: 6.0
// The target list is the architecture (docs/architecture.md): modules in the order data
// flows through them, each depending only on modules above it. No package dependencies.
import PackageDescription

let package = Package(
    name: "satkit",
    products: [
        .library(name: "SatKit", targets: ["SatKit"]),
        .executable(name: "satkit", targets: ["SatKitCLI"]),
    ],
    dependencies: [],
    targets: [
        // SHA-256 block compression with the x86 SHA extensions: the fast path of
        // SurveySchema's SHA256 (Swift has no intrinsics for them). C, no dependencies.
        .target(name: "CSHA256"),
        // What the CPU offers (SSSE3, AVX2), for the C fast paths below to choose their code at
        // run time. C, no dependencies.
        .target(name: "CCPU"),
        // UTF-8 validation with AVX2 or SSSE3: the fast path of SurveyData's UTF8Validation. C.
        .target(name: "CUTF8", dependencies: ["CCPU"]),
        // The bootstrap's row loop with AVX2: the fast path of SatisfactionIndex's UnitTotals. C.
        .target(name: "CLanes", dependencies: ["CCPU"]),
        // The survey model and its JSON5 file format. Depends only on CSHA256.
        .target(name: "SurveySchema", dependencies: ["CSHA256"]),
        // Pure numerics: distributions, intervals, design-based variance, bootstrap.
        .target(name: "SurveyStatistics"),
        // CSV bytes -> coded answers, quarantine, import report.
        .target(name: "SurveyData", dependencies: ["SurveySchema", "CUTF8"]),
        // Synthetic survey exports for demos, tests and benchmarks.
        .target(name: "SurveySample", dependencies: ["SurveySchema", "SurveyData", "SurveyStatistics"]),
        // The survey's index rules applied to a dataset: indices, comparisons, rankings.
        .target(name: "SatisfactionIndex", dependencies: ["SurveySchema", "SurveyData", "SurveyStatistics", "CLanes"]),
        // Rendering: terminal tables, JSON, CSV, Markdown, HTML.
        .target(name: "SurveyReport", dependencies: ["SatisfactionIndex", "SurveySchema", "SurveyData"]),
        // Umbrella: `import SatKit` brings every module above.
        .target(name: "SatKit", dependencies: [
            "SurveySchema", "SurveyStatistics", "SurveyData", "SurveySample",
            "SatisfactionIndex", "SurveyReport",
        ]),
        // The `satkit` command: arguments, files, exit codes.
        .executableTarget(name: "SatKitCLI", dependencies: ["SatKit"]),

        // Shared by the test targets: locating fixtures and the built binary.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SurveySchemaTests", dependencies: ["SurveySchema", "TestSupport"]),
        .testTarget(name: "SurveyStatisticsTests", dependencies: ["SurveyStatistics", "TestSupport"]),
        .testTarget(name: "SurveyDataTests", dependencies: ["SurveyData", "TestSupport"]),
        .testTarget(name: "SurveySampleTests", dependencies: ["SurveySample", "TestSupport"]),
        .testTarget(name: "SatisfactionIndexTests", dependencies: ["SatisfactionIndex", "TestSupport"]),
        .testTarget(name: "SurveyReportTests", dependencies: ["SurveyReport", "TestSupport"]),
        .testTarget(name: "SatKitCLITests", dependencies: ["SatKitCLI", "TestSupport"]),
    ]
)
