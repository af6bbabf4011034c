import Testing
@testable import SurveyData

@Suite("RespondentTable")
struct RespondentTableTests {
    func insert(_ table: RespondentTable, _ id: String, line: UInt32, hash: UInt64? = nil) -> (line: UInt32, inserted: Bool) {
        var id = id
        return id.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            return table.insertIfAbsent(line, for: raw, hash: hash ?? ByteTable.hash(raw))
        }
    }

    /// The first line of each id, against a dictionary, through many growths of the slots,
    /// the key bytes and the per-id arrays.
    @Test func firstLinesMatchADictionary() {
        let table = RespondentTable()
        var expected: [String: UInt32] = [:]
        var rng = SplitMix64(state: 3)
        for line in UInt32(2)..<60_000 {
            let id = "2024-\(Int.random(in: 0..<40_000, using: &rng))" + String(repeating: "x", count: Int(line % 7))
            let got = insert(table, id, line: line)
            if let first = expected[id] {
                #expect(got.line == first && !got.inserted)
            } else {
                #expect(got.line == line && got.inserted)
                expected[id] = line
            }
        }
        #expect(table.count == expected.count)
    }

    /// Ids whose hashes agree (a collision) are told apart by their bytes; an id that is a
    /// prefix of another is not the other.
    @Test func collidingHashesAndPrefixes() {
        let table = RespondentTable()
        #expect(insert(table, "A1", line: 2, hash: 42) == (2, true))
        #expect(insert(table, "A10", line: 3, hash: 42) == (3, true))
        #expect(insert(table, "B", line: 4, hash: 42) == (4, true))
        #expect(insert(table, "A1", line: 5, hash: 42) == (2, false))
        #expect(insert(table, "A10", line: 6, hash: 42) == (3, false))
        #expect(insert(table, "B", line: 7, hash: 42) == (4, false))
        #expect(insert(table, "A100", line: 8, hash: 42) == (8, true))
        #expect(table.count == 4)
    }
}
