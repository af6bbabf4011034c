import Testing
@testable import SurveyData

/// Category codes take 1, 2 or 4 bytes by the largest code, widen as codes are appended, and
/// compare by value whatever their width.
@Suite("CategoryCodes")
struct CategoryCodesTests {
    @Test func theNarrowestWidthThatHoldsTheLargestCode() {
        #expect(CategoryCodes([0, 255]).bytesPerCode == 1)
        #expect(CategoryCodes([0, 256]).bytesPerCode == 2)
        #expect(CategoryCodes([65_535]).bytesPerCode == 2)
        #expect(CategoryCodes([65_536]).bytesPerCode == 4)
        #expect(CategoryCodes([UInt32.max]).bytesPerCode == 4)
        #expect(CategoryCodes().bytesPerCode == 1)
        #expect(Array(CategoryCodes([7, 65_536, 3])) == [7, 65_536, 3])
    }

    @Test func appendingWidensOnceAndKeepsEveryCode() {
        var codes = CategoryCodes()
        codes.reserveCapacity(10)
        codes.append(contentsOf: [1, 2, 255] as [UInt32])
        #expect(codes.bytesPerCode == 1)
        codes.append(256)
        #expect(codes.bytesPerCode == 2)
        codes.append(contentsOf: [3, 70_000] as [UInt32])
        #expect(codes.bytesPerCode == 4)
        #expect(Array(codes) == [1, 2, 255, 256, 3, 70_000])
        #expect(codes.count == 6 && codes[5] == 70_000 && codes[0] == 1)
        // Straight from one byte to four.
        var jump: CategoryCodes = [9]
        jump.append(100_000)
        #expect(jump.bytesPerCode == 4 && Array(jump) == [9, 100_000])
    }

    @Test func equalAndHashedByValueNotWidth() {
        // The same three codes stored in one byte and in two.
        let narrow: CategoryCodes = [1, 2, 3]
        var stored: CategoryCodes = [1, 2, 300]
        #expect(narrow.bytesPerCode == 1 && stored.bytesPerCode == 2)
        stored.remap([0, 1, 2] + [UInt32](repeating: 3, count: 298), largest: 3)
        #expect(stored.bytesPerCode == 2)
        #expect(Array(stored) == [1, 2, 3])
        #expect(stored == narrow)
        #expect(Set([stored, narrow]).count == 1)
        #expect(stored != [1, 2, 4] && stored != [1, 2])
    }

    @Test func remapRewritesInPlaceAndWidensWhenTheNewCodesNeedIt() {
        var codes: CategoryCodes = [2, 0, 1, 2]
        codes.remap([10, 11, 12], largest: 12)
        #expect(Array(codes) == [12, 10, 11, 12] && codes.bytesPerCode == 1)
        codes = [2, 0, 1, 2]
        var map = [UInt32](repeating: 0, count: 3)
        map[2] = 300
        codes.remap(map, largest: 300)
        #expect(Array(codes) == [300, 0, 0, 300] && codes.bytesPerCode == 2)
    }

    @Test func theBufferShowsTheStoredWidth() {
        let wide = CategoryCodes([1, 65_536])
        let sum = wide.withUnsafeBuffer { buffer -> UInt64 in
            guard case .uint32(let b) = buffer else { return 0 }
            return b.reduce(0) { $0 + UInt64($1) }
        }
        #expect(sum == 65_537)
        #expect(wide.widened == [1, 65_536])
    }
}
