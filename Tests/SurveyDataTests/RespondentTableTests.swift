import Testing
@testable import SurveyData

/// The duplicate-respondent table: every id kept once with its first line, compared byte for
/// byte, against a `Dictionary` doing the same.
@Suite("RespondentTable")
struct RespondentTableTests {
    func insert(_ table: RespondentTable, _ id: [UInt8], line: UInt32, hash: UInt64? = nil) -> (line: UInt32, inserted: Bool) {
        id.withUnsafeBytes { table.insertIfAbsent(line, for: $0, hash: hash ?? ByteTable.hash($0)) }
    }

    @Test func firstLineWinsAndLaterOnesAreDuplicates() {
        let table = RespondentTable(capacity: 4)
        #expect(insert(table, Array("2024-0000001".utf8), line: 2) == (2, true))
        #expect(insert(table, Array("2024-0000002".utf8), line: 3) == (3, true))
        #expect(insert(table, Array("2024-0000001".utf8), line: 9) == (2, false))
        #expect(insert(table, [], line: 10) == (10, true))
        #expect(insert(table, [], line: 11) == (10, false))
        #expect(table.count == 3)
    }

    @Test func idsWithOneHashAreStillToldApartByTheirBytes() {
        // Every id gets the same hash: one probe chain, and the tag always matches, so only
        // the byte comparison (and the length in the entry) separates them.
        let table = RespondentTable(capacity: 2)
        let ids = ["A", "AB", "B", "BA", String(repeating: "x", count: 127), String(repeating: "x", count: 128),
                   String(repeating: "x", count: 300), String(repeating: "x", count: 16_384)]
        for (k, id) in ids.enumerated() { #expect(insert(table, Array(id.utf8), line: UInt32(k), hash: 0xDEAD_BEEF) == (UInt32(k), true)) }
        for (k, id) in ids.enumerated() { #expect(insert(table, Array(id.utf8), line: 999, hash: 0xDEAD_BEEF) == (UInt32(k), false)) }
        #expect(table.count == ids.count)
    }

    @Test func agreesWithADictionaryThroughGrowth() {
        var rng = SystemRandomNumberGenerator()
        var seed = UInt64.random(in: 0...UInt64.max, using: &rng)
        func next() -> UInt64 {   // splitmix64, seeded from the system, printed on failure
            seed &+= 0x9E37_79B9_7F4A_7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let start = seed
        for reserved in [false, true] {
            let table = RespondentTable(capacity: 16)
            if reserved { table.reserve(30_000) }
            var oracle: [[UInt8]: UInt32] = [:]
            for line in 1...30_000 {
                // Ids from a small alphabet, so that repeats are common; lengths 0 to 140.
                let length = Int(next() % 141)
                let id = (0..<min(length, 3 + line % 5)).map { _ in UInt8(0x41 + next() % 4) }
                    + (length > 8 ? Array(repeating: UInt8(0x7A), count: length - 8) : [])
                let expected: (UInt32, Bool) = oracle[id].map { ($0, false) } ?? (UInt32(line), true)
                if oracle[id] == nil { oracle[id] = UInt32(line) }
                let got = insert(table, id, line: UInt32(line))
                #expect(got == expected, "seed \(start), line \(line)")
                if got != expected { return }
            }
            #expect(table.count == oracle.count)
        }
    }

    @Test func reservingSizesTheSlotsOnce() {
        let table = RespondentTable(capacity: 16)
        #expect(table.capacity == 32)   // 16 ids at most three quarters full: 32 slots
        table.reserve(1_000_000)
        // 1,000,000 ids at most three quarters full: 2^21 slots (2^20 would hold 786,432).
        #expect(table.capacity == 1 << 21)
        for line in 0..<1_000 { _ = insert(table, Array("id-\(line)".utf8), line: UInt32(line)) }
        #expect(table.capacity == 1 << 21)
        table.reserve(10)
        #expect(table.capacity == 1 << 21)
        // Without reserving, the table doubles when it passes three quarters.
        let growing = RespondentTable(capacity: 16)
        for line in 0..<25 { _ = insert(growing, Array("id-\(line)".utf8), line: UInt32(line)) }
        #expect(growing.capacity == 64)   // 25 > 24 = 3/4 of 32
    }

    func insertText(_ table: RespondentTable, _ id: String, line: UInt32, hash: UInt64? = nil) -> (line: UInt32, inserted: Bool) {
        insert(table, Array(id.utf8), line: line, hash: hash)
    }

    /// The first line of each id, against a dictionary, through many growths of the slots,
    /// the key bytes and the per-id arrays.
    @Test func firstLinesMatchADictionary() {
        let table = RespondentTable()
        var expected: [String: UInt32] = [:]
        var rng = SplitMix64(state: 3)
        for line in UInt32(2)..<60_000 {
            let id = "2024-\(Int.random(in: 0..<40_000, using: &rng))" + String(repeating: "x", count: Int(line % 7))
            let got = insertText(table, id, line: line)
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
        #expect(insertText(table, "A1", line: 2, hash: 42) == (2, true))
        #expect(insertText(table, "A10", line: 3, hash: 42) == (3, true))
        #expect(insertText(table, "B", line: 4, hash: 42) == (4, true))
        #expect(insertText(table, "A1", line: 5, hash: 42) == (2, false))
        #expect(insertText(table, "A10", line: 6, hash: 42) == (3, false))
        #expect(insertText(table, "B", line: 7, hash: 42) == (4, false))
        #expect(insertText(table, "A100", line: 8, hash: 42) == (8, true))
        #expect(table.count == 4)
    }
}
