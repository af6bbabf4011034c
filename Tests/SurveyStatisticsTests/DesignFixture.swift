import Foundation
import TestSupport

/// A design-side reference fixture (design/, reliability/): `data.csv` (R `write.csv`, "NA" for missing) and `expected.json`.
struct ReferenceFixture {
    let columns: [String: [String]]
    let expected: [String: Any]

    init(_ relative: String) throws {
        let folder = TestPaths.fixture("reference/\(relative)")
        let text = try String(contentsOf: folder.appendingPathComponent("data.csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = ReferenceFixture.cells(lines.removeFirst())
        var columns: [String: [String]] = [:]
        for name in header { columns[name] = [] }
        for line in lines {
            for (name, cell) in zip(header, ReferenceFixture.cells(line)) { columns[name]!.append(cell) }
        }
        self.columns = columns
        let json = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        expected = try JSONSerialization.jsonObject(with: json) as! [String: Any]
    }

    /// Splits one line of R's `write.csv` output (cells are quoted strings or bare numbers,
    /// no embedded commas).
    static func cells(_ line: String) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }

    func strings(_ name: String) -> [String] { columns[name]! }

    /// A numeric column; "NA" becomes NaN.
    func numbers(_ name: String) -> [Double] {
        columns[name]!.map { $0 == "NA" ? Double.nan : Double($0)! }
    }

    var rowCount: Int { columns.values.first?.count ?? 0 }

    func object(_ key: String) -> [String: Any] { expected[key] as! [String: Any] }
    func array(_ key: String) -> [[String: Any]] { expected[key] as! [[String: Any]] }
}

/// Relative closeness: |a − b| ≤ tolerance·|b|, or |a − b| ≤ absolute when b is 0.
func close(_ a: Double, _ b: Double, relative tolerance: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
    if b == 0 { return abs(a) <= absolute }
    return abs(a - b) <= tolerance * abs(b)
}

/// A JSON number (or null → nil).
func number(_ value: Any?) -> Double? {
    (value as? NSNumber)?.doubleValue
}
