import Testing
import SurveySchema
@testable import SurveyData

@Suite("ByteTable")
struct ByteTableTests {
    @Test func storesFindsAndGrows() {
        let table = ByteTable(capacity: 2)
        for i in 0..<5000 { withCell("key-\(i)") { _ = table.insert(UInt32(i), for: $0) } }
        #expect(table.count == 5000)
        for i in stride(from: 0, to: 5000, by: 7) { #expect(withCell("key-\(i)") { table.value(for: $0) } == UInt32(i)) }
        #expect(withCell("key-5000") { table.value(for: $0) } == nil)
        #expect(withCell("") { table.value(for: $0) } == nil)
        #expect(withCell("key-3") { table.insertIfAbsent(9, for: $0) } == (3, false))
        #expect(withCell("") { table.insertIfAbsent(9, for: $0) } == (9, true))
        #expect(withCell("") { table.value(for: $0) } == 9)
    }

    /// The inline comparison (words, an overlapping last word, 4/2/1-byte pieces under eight
    /// bytes) against `==` of arrays: every length up to 40, a difference at every place.
    @Test func byteComparisonAgreesWithArrays() {
        for count in 0...40 {
            let a = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let copy = a.map { $0 }
            let same = a.withUnsafeBytes { pa in
                copy.withUnsafeBytes { pc in CategoryCoder.equal(pa.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, pc.baseAddress, count) }
            }
            #expect(same, "length \(count)")
            for place in 0..<count {
                var b = a
                b[place] ^= 0x40
                let equal = a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in CategoryCoder.equal(pa.baseAddress!, pb.baseAddress, count) } }
                #expect(!equal, "length \(count), difference at \(place)")
                let hashesDiffer = a.withUnsafeBytes { ByteTable.hash($0) } != b.withUnsafeBytes { ByteTable.hash($0) }
                #expect(hashesDiffer, "length \(count), difference at \(place)")
            }
        }
    }
}
