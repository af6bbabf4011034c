import Foundation

/// Paths that tests share: the package root, fixtures, and the built `satkit` binary.
public enum TestPaths {
    /// The package root, found from this source file's location.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Tests/Fixtures/<relative>`.
    public static func fixture(_ relative: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative)
    }

    /// A file in the package, e.g. `surveys/sipas.json5`.
    public static func file(_ relative: String) -> URL {
        packageRoot.appendingPathComponent(relative)
    }

    /// The folder that holds built products (`.build/debug`), found from the test bundle.
    public static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
        #else
        return Bundle.main.bundleURL
        #endif
    }
}
