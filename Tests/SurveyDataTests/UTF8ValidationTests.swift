import Testing
@testable import SurveyData

@Suite("UTF8Validation")
struct UTF8ValidationTests {
    func check(_ bytes: [UInt8]) -> UTF8Validation.Outcome {
        bytes.withUnsafeBytes { UTF8Validation.validate($0) }
    }

    @Test func valid() {
        #expect(check([]) == .valid)
        #expect(check(Array("plain ASCII, long enough for the fast path".utf8)) == .valid)
        #expect(check(Array("Rất hài lòng 😀 ₫".utf8)) == .valid)
        #expect(check([0xF4, 0x8F, 0xBF, 0xBF]) == .valid)  // U+10FFFF
    }

    @Test func invalid() {
        #expect(check([0x61, 0x80]) == .invalid(at: 1))               // lone continuation byte
        #expect(check([0xC0, 0xAF]) == .invalid(at: 0))               // overlong "/"
        #expect(check([0xE0, 0x80, 0xAF]) == .invalid(at: 0))         // overlong three-byte form
        #expect(check([0xED, 0xA0, 0x80]) == .invalid(at: 0))         // surrogate U+D800
        #expect(check([0xF4, 0x90, 0x80, 0x80]) == .invalid(at: 0))   // past U+10FFFF
        #expect(check([0xFF]) == .invalid(at: 0))
        #expect(check(Array("abcdefghij".utf8) + [0xE0, 0x20]) == .invalid(at: 10))  // cp1258 "à "
    }

    /// The word-at-a-time paths agree with the standard library's decoder on random mixes of
    /// ASCII runs, valid sequences of every length and stray bytes: valid exactly when Swift
    /// says so, and an error offset with valid bytes before it.
    @Test func agreesWithTheStandardLibrary() {
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("abcdefghijklmnopqrstuvwxyz0123".utf8), Array("ấ".utf8), Array("ô".utf8), Array("😀".utf8),
                                 [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE1, 0xBA], [0xFF], [0xF4, 0x90, 0x80, 0x80]]
        func valid(_ bytes: ArraySlice<UInt8>) -> Bool { String(validating: bytes, as: UTF8.self) != nil }
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                let piece = pieces[Int.random(in: 0..<pieces.count, using: &rng)]
                bytes += piece.prefix(Int.random(in: 1...piece.count, using: &rng))
            }
            switch check(bytes) {
            case .valid:
                #expect(valid(bytes[...]), "\(bytes)")
            case let .truncated(at):
                #expect(!valid(bytes[...]) && valid(bytes[..<at]) && bytes.count - at < 4, "\(bytes)")
            case let .invalid(at):
                #expect(!valid(bytes[...]) && valid(bytes[..<at]), "\(bytes)")
            }
        }
    }

    /// The two- and three-byte sequences read from one 32-bit load (after an ASCII run of
    /// eight or more), at the edges of their lead bytes' ranges: the outcome and its offset are
    /// exact (an error's offset is the length of the longest valid prefix).
    @Test func sequencesAfterAnASCIIRunAtTheEdgesOfTheirRanges() {
        var rng = SplitMix64(state: 8)
        let pieces: [[UInt8]] = [Array("abcdefgh".utf8), Array("0123456789abcdef,".utf8), Array("ấ".utf8), Array("ô".utf8),
                                 [0xC2, 0x80], [0xDF, 0xBF], [0xC1, 0xBF], [0xC0, 0x80], [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF],
                                 [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xE1, 0x80, 0x41], [0xC3, 0x41],
                                 [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]
        func valid(_ bytes: ArraySlice<UInt8>) -> Bool { String(validating: bytes, as: UTF8.self) != nil }
        for _ in 0..<4000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...10, using: &rng) {
                let piece = pieces.randomElement(using: &rng)!
                bytes += Int.random(in: 0..<8, using: &rng) == 0 ? Array(piece.prefix(Int.random(in: 1...piece.count, using: &rng))) : piece
            }
            let longestValidPrefix = (0...bytes.count).last { valid(bytes[..<$0]) }!
            switch check(bytes) {
            case .valid:
                #expect(valid(bytes[...]), "\(bytes)")
            case let .truncated(at):
                #expect(!valid(bytes[...]) && at == longestValidPrefix && bytes.count - at < 4, "\(bytes)")
            case let .invalid(at):
                #expect(!valid(bytes[...]) && at == longestValidPrefix, "\(bytes)")
            }
        }
    }

    /// The vector checks (`CUTF8`, AVX2 where available and SSSE3) against the standard library's decoder: every sequence of
    /// one to three bytes drawn from the values at the edges of UTF-8's ranges, and four-byte
    /// sequences from a smaller set, each placed after 0 to 33 ASCII bytes (so that it starts
    /// at the edges of 16- and 32-byte blocks and straddles the next) and followed by nothing
    /// (the end of the input) or by ASCII; then random mixes of valid and broken text up to
    /// 100 bytes. Valid exactly when Swift says so.
    @Test(arguments: [false, true])
    func theVectorCheckAgreesWithTheStandardLibrary(ssse3: Bool) throws {
        guard UTF8Validation.vectorValid(UnsafeRawBufferPointer(start: nil, count: 0)) != nil else { return }
        func valid(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }
        func vector(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { UTF8Validation.vectorValid($0, ssse3: ssse3)! } }
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                              0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        let four: [UInt8] = [0x41, 0x80, 0x8F, 0x90, 0xBF, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xF5]
        var sequences: [[UInt8]] = edges.map { [$0] }
        for a in edges { for b in edges { sequences.append([a, b]) } }
        for a in edges where a >= 0xC0 { for b in edges { for c in edges { sequences.append([a, b, c]) } } }
        for a in four { for b in four { for c in four { for d in four { sequences.append([a, b, c, d]) } } } }
        var disagreements: [[UInt8]] = []
        for sequence in sequences {
            for lead in [0, 1, 12, 13, 14, 15, 16, 17, 19, 28, 29, 30, 31, 32, 33] {
                for trail in [0, 1, 5, 20] {
                    let bytes = [UInt8](repeating: 0x61, count: lead) + sequence + [UInt8](repeating: 0x62, count: trail)
                    if vector(bytes) != valid(bytes) { disagreements.append(bytes) }
                }
            }
        }
        var rng = SplitMix64(state: 16)
        let pieces: [[UInt8]] = [Array("Rất hài lòng, ".utf8), Array("abcdefghijklmnop".utf8), Array("😀".utf8), Array("ấ".utf8),
                                 [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE1, 0xBA], [0xFF], [0xF4, 0x90, 0x80, 0x80]]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            while bytes.count < Int.random(in: 0...100, using: &rng) {
                let piece = pieces.randomElement(using: &rng)!
                bytes += Int.random(in: 0..<6, using: &rng) == 0 ? Array(piece.prefix(Int.random(in: 1...piece.count, using: &rng))) : piece
            }
            if vector(bytes) != valid(bytes) { disagreements.append(bytes) }
        }
        #expect(sequences.count > 20_000)
        #expect(disagreements.count == 0, "first disagreements: \(disagreements.prefix(3))")
    }

    @Test func truncatedAtTheEnd() {
        #expect(check([0x61, 0xE1, 0xBA]) == .truncated(at: 1))
        #expect(check([0xF0, 0x9F, 0x98]) == .truncated(at: 0))
    }

    @Test func truncatedUTF8AtEndOfFileIsAnError() {
        // "a,b\n" then "x" and the first two bytes of "ấ" (E1 BA A5): byte 5, line 2.
        #expect(throws: CSVError.invalidUTF8(file: "data.csv", line: 2, byteOffset: 5)) {
            _ = try read(bytes: Array("a,b\nx".utf8) + [0xE1, 0xBA])
        }
    }

    @Test func aCharacterSplitAcrossChunksIsFine() throws {
        for size in chunkSizes {
            let r = try read("a,ấ😀\nấ,b\n", options: CSVReadOptions(chunkSize: size))
            #expect(r.fields == [["a", "ấ😀"], ["ấ", "b"]])
        }
    }

    @Test func offsetsCountTheByteOrderMarkAndLinesCountQuotedLineEnds() {
        // BOM (3) + "\"x\ny\",1\n" (8) + "2," (2): the bad byte is at 13, on line 3.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\"x\ny\",1\n2,".utf8) + [0xFF]
        for size in chunkSizes {
            #expect(throws: CSVError.invalidUTF8(file: "data.csv", line: 3, byteOffset: 13)) {
                _ = try read(bytes: bytes, options: CSVReadOptions(chunkSize: size))
            }
        }
    }
}
