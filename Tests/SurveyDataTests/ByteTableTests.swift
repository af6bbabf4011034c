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
}
