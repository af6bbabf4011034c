import Testing
@testable import SurveyData

@Suite("DecodedStream")
struct DecodedStreamTests {
    func stream(_ bytes: [UInt8], chunk: Int, declared: TextEncoding? = nil, deferred: Bool = false) throws -> DecodedStream {
        let s = DecodedStream(source: ByteSource(bytes: bytes, name: "d"), chunkSize: chunk)
        s.defersUTF8Check = deferred
        try s.start(declared: declared)
        return s
    }

    func text(_ s: DecodedStream) -> [UInt8] { Array(UnsafeBufferPointer(start: s.buffer, count: s.ready)) }

    @Test func markIsDroppedAndCounted() throws {
        let s = try stream([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8), chunk: 64)
        #expect(text(s) == Array("a,b\n".utf8))
        #expect(s.encoding == .utf8 && s.hadByteOrderMark && s.atEOF && s.bytesRead == 7 && s.fileOffset == 3)
    }

    @Test func refillKeepsThePartialRecordAndReadsOn() throws {
        let input = (0..<1_000).map { UInt8(0x30 + $0 % 10) }
        let s = try stream(input, chunk: 16)
        var consumed = 0  // input bytes before buffer[0]
        var rounds = 0
        while true {
            #expect(text(s) == Array(input[consumed..<consumed + s.ready]))
            #expect(s.fileOffset == consumed)
            if s.atEOF { break }
            let keep = s.ready / 2
            try s.refill(keepingFrom: keep, line: 1, minimumNewBytes: 16)
            consumed += keep
            rounds += 1
        }
        #expect(consumed + s.ready == input.count && rounds > 10 && s.lastByte == input.last)
    }

    /// Reading ahead between refills (as `forEachBatch` does while its workers parse) gives
    /// each refill the very text it gives without: same bytes, same amounts, same end, whether
    /// the record carried over fits in front of the bytes read ahead or not (then they are
    /// copied), and when a long record makes the buffer grow.
    @Test func readingAheadChangesNoRefill() throws {
        var rng = SplitMix64(state: 21)
        for round in 0..<200 {
            let input = (0..<Int.random(in: 0...3_000, using: &rng)).map { _ in UInt8.random(in: 0x30...0x7A, using: &rng) }
            let chunk = Int.random(in: 16...300, using: &rng)
            let plain = try stream(input, chunk: chunk, deferred: true)
            let ahead = try stream(input, chunk: chunk, deferred: true)
            var steps = 0
            while true {
                #expect(text(ahead) == text(plain), "round \(round), step \(steps)")
                #expect(ahead.fileOffset == plain.fileOffset && ahead.atEOF == plain.atEOF && ahead.bytesRead == plain.bytesRead)
                if plain.atEOF || steps > 10_000 { break }
                ahead.prefetch()
                // Keep most of the text now and then (a long record: more than the room in front).
                let keep = Int.random(in: 0...9, using: &rng) == 0 ? plain.ready / 4 : max(plain.ready - Int.random(in: 0...20, using: &rng), 0)
                let more = max(chunk, plain.ready - keep)
                try plain.refill(keepingFrom: keep, line: 1, minimumNewBytes: more)
                try ahead.refill(keepingFrom: keep, line: 1, minimumNewBytes: more)
                steps += 1
            }
            #expect(text(ahead) == text(plain) && ahead.lastByte == plain.lastByte)
        }
    }

    @Test func aCharacterCutByTheChunkWaits() throws {
        // "ab" + "ấ" (E1 BA A5): a 4-byte chunk ends inside the character.
        for deferred in [false, true] {
            let s = try stream(Array("abấ".utf8), chunk: 16, deferred: deferred)
            #expect(text(s) == Array("abấ".utf8))
            let t = DecodedStream(source: ByteSource(bytes: Array("abấ\n".utf8), name: "d"), chunkSize: 16)
            t.defersUTF8Check = deferred
            try t.start(declared: nil)
            #expect(t.ready == 6)
        }
        let cut = DecodedStream(source: ByteSource(bytes: Array("ab".utf8) + [0xE1, 0xBA, 0xA5, 0x41], name: "d"), chunkSize: 16)
        cut.defersUTF8Check = true
        try cut.start(declared: nil)
        #expect(cut.ready == 6)
    }

    @Test func deferredCheckLeavesBadBytesToTheBatches() throws {
        let s = try stream(Array("a,".utf8) + [0xFF] + Array("\n".utf8), chunk: 64, deferred: true)
        #expect(s.ready == 4 && s.needsUTF8Check)
        #expect(throws: CSVError.invalidUTF8(file: "d", line: 1, byteOffset: 2)) {
            _ = try stream(Array("a,".utf8) + [0xFF] + Array("\n".utf8), chunk: 64)
        }
    }

    @Test func transcodedStreamsAreNeverCheckedAgain() throws {
        let s = try stream([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00], chunk: 64, deferred: true)
        #expect(text(s) == [0x61, 0x0A] && !s.needsUTF8Check && s.encoding == .utf16LittleEndian)
    }
}
