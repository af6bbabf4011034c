#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the records in a buffer of UTF-8 bytes: the grammar of the reader, with no I/O.
///
/// `parse` reads one record starting at a record boundary and either returns it, says the
/// buffer ends before the record does (the caller adds bytes and calls again from the same
/// place), or says the input has ended. It keeps no state between calls except its reusable
/// storage, so any buffer that starts at a record boundary can be handed to a parser of its
/// own: that is what lets two workers parse two halves of a chunk.
///
/// The grammar (RFC 4180 plus what real files do):
/// - a record ends at LF, CRLF or a lone CR outside quotes, or at the end of the input;
/// - an empty line is not a record (the caller counts it);
/// - a field that starts with `"` is quoted: it runs to the next `"` not doubled, may hold
///   delimiters and line ends, and `""` inside it stands for one `"`;
/// - text after a quoted field's closing quote, up to the next delimiter or line end, is kept
///   literally (`"ab"c` reads `abc`, as Excel does);
/// - a `"` inside an unquoted field is an ordinary character (`5"` reads `5"`, as Excel does);
/// - a quote that is still open at the end of the input ends the record there, which carries
///   ``CSVRecordProblem/unterminatedQuote(line:)`` with the line where the quote opened.
final class CSVRecordParser {
    enum Outcome: Equatable {
        /// A record ends before `next`; `line` is the line at `next`.
        case record(next: Int, line: Int)
        /// An empty line ends before `next`.
        case blank(next: Int, line: Int)
        /// The buffer ends inside the record; the field being read started at `fieldStart` on `fieldLine`.
        case needMore(fieldStart: Int, fieldLine: Int)
        /// No bytes are left and the input has ended.
        case end
    }

    let delimiter: UInt8
    /// `special[b]` is true for the delimiter, CR and LF: the bytes that end an unquoted field.
    private let special: UnsafeMutablePointer<Bool>
    @exclusivity(unchecked) private(set) var fields: UnsafeMutablePointer<UnsafeRawBufferPointer>
    @exclusivity(unchecked) private var fieldCapacity: Int
    @exclusivity(unchecked) private(set) var count = 0
    /// The record's field bytes added up (after `tidy`).
    @exclusivity(unchecked) private(set) var fieldBytes = 0
    @exclusivity(unchecked) private(set) var problem: CSVRecordProblem?
    /// Fields whose bytes must be rewritten (doubled quotes, text after a closing quote).
    @exclusivity(unchecked) private var untidy: [Int] = []
    @exclusivity(unchecked) private var scratch: UnsafeMutableRawPointer
    @exclusivity(unchecked) private var scratchCapacity: Int

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        special = .allocate(capacity: 256)
        special.initialize(repeating: false, count: 256)
        special[Int(delimiter)] = true
        special[0x0A] = true
        special[0x0D] = true
        fieldCapacity = 64
        fields = .allocate(capacity: fieldCapacity)
        scratchCapacity = 4096
        scratch = .allocate(byteCount: scratchCapacity, alignment: 16)
        untidy.reserveCapacity(16)
    }

    deinit {
        special.deallocate()
        fields.deallocate()
        scratch.deallocate()
    }

    /// The record just parsed, for a callback.
    func record(index: Int, line: Int) -> CSVRecord {
        CSVRecord(index: index, line: line, problem: problem, fields: fields, count: count, fieldBytes: fieldBytes)
    }

    private func growFields(count: Int) {
        let bigger = UnsafeMutablePointer<UnsafeRawBufferPointer>.allocate(capacity: fieldCapacity * 2)
        bigger.moveInitialize(from: fields, count: count)
        fields.deallocate()
        fields = bigger
        fieldCapacity *= 2
    }

    /// Parses one record of `base[start..<end]`. `atEOF`: no bytes follow `end`.
    func parse(_ base: UnsafePointer<UInt8>, from start: Int, end: Int, atEOF: Bool, line startLine: Int) -> Outcome {
        self.count = 0
        problem = nil
        if !untidy.isEmpty { untidy.removeAll(keepingCapacity: true) }
        var p = base + start
        let stop = base + end
        var line = startLine
        let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        let delimiter = self.delimiter
        let special = UnsafePointer(self.special)
        // The hot state lives in locals: class properties would cost an exclusivity check each.
        var fields = self.fields
        var count = 0
        var capacity = fieldCapacity
        // The fields' bytes are the record's span less its delimiters and the quotes around
        // clean quoted fields (`tidy` takes off what it removes): no tally per field.
        var quoteBytes = 0

        if p == stop { return atEOF ? .end : .needMore(fieldStart: start, fieldLine: line) }
        if p.pointee == lf { return .blank(next: start + 1, line: line + 1) }
        if p.pointee == cr {
            if p + 1 < stop { return .blank(next: start + (p[1] == lf ? 2 : 1), line: line + 1) }
            return atEOF ? .blank(next: start + 1, line: line + 1) : .needMore(fieldStart: start, fieldLine: line)
        }

        while true {
            #if _endian(little)
            // Fast path: eight bytes at a time, every field that ends at a delimiter before the
            // first quote, CR or LF of the word is cut at once (one bit trick per word, one
            // `trailingZeroBitCount` per field). The field that holds such a byte, or that
            // runs to the end of the buffer, goes the byte-at-a-time way below.
            var fieldBegin = p
            var word = p
            while stop - word >= 8 {
                let w = UnsafeRawPointer(word).loadUnaligned(as: UInt64.self)
                // Quote, LF and CR are all below 0x23: a word with no byte below it (most, in
                // text without spaces) skips the three exact tests.
                var other: UInt64 = 0
                if (w &- 0x2323_2323_2323_2323) & ~w & 0x8080_8080_8080_8080 != 0 {
                    other = Self.matches(w, quote) | Self.matches(w, lf) | Self.matches(w, cr)
                }
                var delimiters = Self.matches(w, delimiter)
                // Only the delimiters below the first other byte.
                if other != 0 { delimiters &= (other & (0 &- other)) &- 1 }
                // At most eight fields end in a word: room is made once per word.
                if count &+ 8 > capacity {
                    growFields(count: count)
                    fields = self.fields
                    capacity = fieldCapacity
                }
                while delimiters != 0 {
                    let fieldEnd = word + (delimiters.trailingZeroBitCount >> 3)
                    fields[count] = UnsafeRawBufferPointer(start: fieldBegin, count: fieldEnd - fieldBegin)
                    count &+= 1
                    fieldBegin = fieldEnd + 1
                    delimiters &= delimiters &- 1
                }
                if other != 0 { break }
                word += 8
            }
            p = fieldBegin
            #endif
            let fieldStart = p
            let fieldLine = line
            // The field's bytes, and whether they must be rewritten (see `tidy`).
            var from = p, to = p, untidyField = false
            if p < stop && p.pointee == quote {
                p += 1
                var doubled = false
                var closed = false
                // The next quote by `memchr`; line ends are counted up to it only once it is found
                // (a field still open at the end of the buffer is parsed again when more comes),
                // so a long quoted field costs a library scan, not a loop of ours per byte.
                while true {
                    guard let found = memchr(p, Int32(quote), stop - p) else {
                        if !atEOF { return .needMore(fieldStart: fieldStart - base, fieldLine: fieldLine) }
                        line += countLineEnds(p, from: 0, to: stop - p)
                        p = stop
                        break
                    }
                    let q = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                    line += countLineEnds(p, from: 0, to: q - p)
                    p = q
                    if p + 1 < stop {
                        if p[1] == quote { doubled = true; p += 2; continue }
                        closed = true
                        break
                    }
                    if atEOF { closed = true; break }
                    return .needMore(fieldStart: fieldStart - base, fieldLine: fieldLine)
                }
                if !closed {
                    if !atEOF { return .needMore(fieldStart: fieldStart - base, fieldLine: fieldLine) }
                    problem = .unterminatedQuote(line: fieldLine)
                    to = stop
                    untidyField = true
                } else {
                    let closing = p
                    p += 1
                    if p < stop && !special[Int(p.pointee)] {
                        while p < stop && !special[Int(p.pointee)] { p += 1 }
                        if p == stop && !atEOF { return .needMore(fieldStart: fieldStart - base, fieldLine: fieldLine) }
                        to = p
                        untidyField = true
                    } else if doubled {
                        to = p
                        untidyField = true
                    } else {
                        from = fieldStart + 1
                        to = closing
                        quoteBytes &+= 2
                    }
                }
            } else {
                while p < stop && !special[Int(p.pointee)] { p += 1 }
                if p == stop && !atEOF { return .needMore(fieldStart: fieldStart - base, fieldLine: fieldLine) }
                to = p
            }
            if count == capacity {
                growFields(count: count)
                fields = self.fields
                capacity = fieldCapacity
            }
            if untidyField { untidy.append(count) }
            fields[count] = UnsafeRawBufferPointer(start: from, count: to - from)
            count += 1

            // At a delimiter, a line end, or the end of the input.
            let fieldsEnd = p
            var next: Int
            if p == stop {
                next = end
            } else {
                let c = p.pointee
                if c == delimiter {
                    p += 1
                    continue
                }
                if c == lf {
                    next = p + 1 - base
                } else if p + 1 < stop {  // CR, alone or before LF
                    next = p + (p[1] == lf ? 2 : 1) - base
                } else if atEOF {
                    next = end
                } else {
                    return .needMore(fieldStart: fieldStart - base, fieldLine: fieldLine)
                }
                line += 1
            }
            self.count = count
            fieldBytes = (fieldsEnd - (base + start)) - (count - 1) - quoteBytes
            if !untidy.isEmpty { tidy() }
            return .record(next: next, line: line)
        }
    }

    /// 0x80 in every byte of `v` that equals `byte`, 0 elsewhere (exact: no false positives).
    @inline(__always)
    private static func matches(_ v: UInt64, _ byte: UInt8) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let x = v ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// Rewrites the untidy fields into the scratch buffer: undoes doubled quotes and drops the
    /// quotes that opened and closed the field. Only ever shortens a field.
    private func tidy() {
        guard !untidy.isEmpty else { return }
        var total = 0
        for i in untidy { total += fields[i].count }
        if total > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = max(total, scratchCapacity * 2)
            scratch = .allocate(byteCount: scratchCapacity, alignment: 16)
        }
        var out = scratch.assumingMemoryBound(to: UInt8.self)
        for i in untidy {
            let raw = fields[i]
            let start = out
            var inQuotes = true
            var k = 1  // raw[0] is the opening quote
            while k < raw.count {
                let c = raw[k]
                if inQuotes && c == 0x22 {
                    if k + 1 < raw.count && raw[k + 1] == 0x22 {
                        out.pointee = 0x22
                        out += 1
                        k += 2
                    } else {
                        inQuotes = false
                        k += 1
                    }
                    continue
                }
                out.pointee = c
                out += 1
                k += 1
            }
            fieldBytes -= raw.count - (out - start)
            fields[i] = UnsafeRawBufferPointer(start: start, count: out - start)
        }
    }
}
