import Foundation
import TestSupport

/// Loads `Tests/Fixtures/reference/<path>` as `T`; the fixtures are written by the
/// make.py / make.R scripts beside them.
func loadReference<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
    let data = try Data(contentsOf: TestPaths.fixture("reference/" + path))
    return try JSONDecoder().decode(T.self, from: data)
}

/// |a − b| / |b|, or |a − b| when b is 0.
func relativeError(_ a: Double, _ b: Double) -> Double {
    b == 0 ? abs(a - b) : abs(a - b) / abs(b)
}

/// Whether `a` agrees with the reference `b` to relative tolerance `rel`; a reference bound
/// that is 0 up to rounding (|b| ≤ 1e-15, e.g. statsmodels' Wilson lower bound at x = 0)
/// is matched absolutely to 1e-15.
func agrees(_ a: Double, _ b: Double, rel: Double) -> Bool {
    abs(a - b) <= rel * abs(b) || (abs(b) <= 1e-15 && abs(a - b) <= 1e-15)
}
