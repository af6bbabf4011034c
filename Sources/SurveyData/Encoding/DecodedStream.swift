/// The text of a file as UTF-8 bytes in one growable buffer, refilled in chunks.
///
/// Picks the encoding (byte-order mark, else the caller's choice, else UTF-8), drops the mark,
/// checks UTF-8 or transcodes everything else (to NFC UTF-8), and turns bad bytes into
/// ``CSVError``s that name the line and the byte offset in the file. The reader keeps a partial
/// record at the front when it asks for more, so memory holds one chunk plus that record.
final class DecodedStream {
    private let source: ByteSource
    let name: String
    private(set) var encoding: TextEncoding = .utf8
    private(set) var hadByteOrderMark = false

    /// Decoded text; `[0, ready)` may be parsed, `[ready, end)` waits for the rest of a character.
    private(set) var buffer: UnsafeMutablePointer<UInt8>
    /// Bytes a refill reads up to (from `buffer`); the allocation may hold more.
    private var capacity: Int
    /// The allocation `buffer` points into, and its size.
    private var storage: UnsafeMutablePointer<UInt8>
    private var storageSize: Int

    // Reading ahead (UTF-8 path, see ``prefetch()``): raw bytes of the file already read into
    // `spare` at `spare + gap`, in file order, that the next reads take before the source.
    private var spare: UnsafeMutablePointer<UInt8>?
    private var spareSize = 0
    private var ahead = 0
    /// Where the bytes read ahead start (in `spare`, or in `storage` once they begin it).
    private var aheadBytes: UnsafeMutablePointer<UInt8>?
    private var aheadError: CSVError?
    private var aheadEOF = false
    /// Room kept in front of the bytes read ahead for the record a refill carries over.
    private let gap: Int
    private var end = 0
    private(set) var ready = 0
    /// The source is exhausted and every byte of it is in `[0, ready)`.
    private(set) var atEOF = false
    /// Bytes read from the file so far, mark included.
    private(set) var bytesRead = 0
    /// Decoded bytes so far, and the last of them (to count the lines of the file).
    private(set) var decodedBytes = 0
    private(set) var lastByte: UInt8 = 0

    private let chunkSize: Int
    private var sourceDone = false
    /// UTF-8 path: file offset of `buffer[0]`.
    private(set) var fileOffset = 0
    /// UTF-8 path: leave checking to the consumer (``needsUTF8Check``), which checks the
    /// bytes it parses, on its own thread. `[0, ready)` then ends at a character boundary.
    var defersUTF8Check = false
    /// Whether the consumer must check `[0, ready)` as UTF-8 itself.
    var needsUTF8Check: Bool { defersUTF8Check && decoder == nil }
    /// Transcoding path: raw bytes not yet decoded, and the file offset of `raw[0]`.
    private var decoder: (any StreamDecoder)?
    private var raw: UnsafeMutableRawPointer
    private var rawCount = 0
    private var rawCapacity: Int
    private var rawFileOffset = 0
    private var pending: [UInt8] = []

    init(source: ByteSource, chunkSize: Int) {
        self.source = source
        self.name = source.name
        self.chunkSize = max(chunkSize, 16)
        capacity = self.chunkSize * 2
        gap = min(64 << 10, self.chunkSize)
        storageSize = capacity + gap
        storage = .allocate(capacity: storageSize)
        buffer = storage
        rawCapacity = 0
        raw = .allocate(byteCount: 1, alignment: 16)
    }

    deinit {
        storage.deallocate()
        spare?.deallocate()
        raw.deallocate()
    }

    /// Reads the first bytes, settles the encoding and fills the first chunk.
    func start(declared: TextEncoding?) throws(CSVError) {
        let head = UnsafeMutableRawPointer.allocate(byteCount: 4, alignment: 4)
        defer { head.deallocate() }
        var got = 0
        while got < 4 {
            let n = try source.read(into: head + got, count: 4 - got)
            if n == 0 { sourceDone = true; break }
            got += n
        }
        bytesRead = got
        let prefix = Array(UnsafeRawBufferPointer(start: head, count: got))
        var skip = 0
        if let (marked, length) = prefix.withUnsafeBytes({ TextEncoding.byteOrderMark(at: $0) }) {
            encoding = marked
            hadByteOrderMark = true
            skip = length
        } else {
            encoding = declared ?? .utf8
        }
        let rest = Array(prefix[skip...])
        switch encoding {
        case .utf8:
            fileOffset = skip
            for (i, byte) in rest.enumerated() { buffer[i] = byte }
            end = rest.count
            decodedBytes = rest.count
        case .utf16LittleEndian, .utf16BigEndian, .windows1258:
            decoder = encoding == .windows1258 ? Windows1258Decoder() : UTF16Decoder(bigEndian: encoding == .utf16BigEndian)
            rawCapacity = max(chunkSize, 2 * minimumWindow)
            raw.deallocate()
            raw = .allocate(byteCount: rawCapacity, alignment: 16)
            rest.withUnsafeBytes { raw.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(raw), byteCount: rest.count) }
            rawCount = rest.count
            rawFileOffset = skip
        }
        try refill(keepingFrom: 0, line: 1, minimumNewBytes: chunkSize)
    }

    /// Drops `buffer[0..<keep]`, moves the rest to the front and adds at least
    /// `minimumNewBytes` of text (fewer only at the end of the input).
    /// - Parameter line: the line number at `keep`, for error messages.
    func refill(keepingFrom keep: Int, line: Int, minimumNewBytes: Int) throws(CSVError) {
        if let spare, spareSize == storageSize, ahead > 0, aheadBytes == spare + gap, end - keep <= gap,
           end - keep + minimumNewBytes <= capacity {
            // The bytes read ahead start the next buffer: the record carried over is copied in
            // front of them, and the buffers swap (the old one is the next `spare`).
            let carry = end - keep
            let view = spare + (gap - carry)
            view.update(from: buffer + keep, count: carry)
            self.spare = storage  // the same size (`spareSize == storageSize`)
            storage = spare
            buffer = view
            end = carry
            ready = max(ready - keep, 0)
            fileOffset += keep
        } else if keep > 0 {
            buffer.update(from: buffer + keep, count: end - keep)
            end -= keep
            ready -= keep
            fileOffset += keep
        }
        let target = end + minimumNewBytes
        if decoder == nil {
            try fillUTF8(until: target, line: line)
        } else {
            try fillDecoded(until: target, line: line)
        }
        if end > 0 { lastByte = buffer[end - 1] }
    }

    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let newCapacity = max(needed, capacity * 2)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity + gap)
        bigger.update(from: buffer, count: end)
        storage.deallocate()
        storage = bigger
        storageSize = newCapacity + gap
        buffer = bigger
        capacity = newCapacity
        // A spare of the old size no longer fits a buffer: bytes read ahead move out of it
        // when read, and no more are read ahead into it.
    }

    /// Reads the next raw bytes of the file into a second buffer, for the next ``refill``:
    /// called while the text already in ``buffer`` is being parsed (by other threads), so that
    /// reading the file overlaps the parsing. The bytes are the ones the refill would read
    /// itself, in the same amounts: the text of each refill is the same with or without it.
    /// UTF-8 path with a deferred check only; does nothing otherwise or once the source ended.
    func prefetch() {
        guard decoder == nil, defersUTF8Check, !sourceDone, !aheadEOF, aheadError == nil, ahead == 0,
              storageSize == capacity + gap else { return }
        if spareSize != storageSize {
            spare?.deallocate()
            spare = .allocate(capacity: storageSize)
            spareSize = storageSize
        }
        guard let spare else { return }
        let want = capacity - gap
        aheadBytes = spare + gap
        do {
            while ahead < want {
                let n = try source.read(into: spare + gap + ahead, count: want - ahead)
                if n == 0 { aheadEOF = true; break }
                ahead += n
            }
        } catch {
            aheadError = error
        }
    }

    /// Reads up to `count` bytes into `destination`, the bytes read ahead first (in place when
    /// they are already there); 0 means the end of the input.
    private func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
        if ahead > 0, let from = aheadBytes {
            let n = min(count, ahead)
            if from != destination { destination.update(from: from, count: n) }
            ahead -= n
            aheadBytes = from + n
            // One read of the source returns all it is asked for (a file's does, up to its
            // end): what was not read ahead is read now, so that a refill's text is the same.
            guard n < count, !aheadEOF, aheadError == nil else { return n }
            do {
                let more = try source.read(into: destination + n, count: count - n)
                if more == 0 { aheadEOF = true }
                return n + more
            } catch {
                aheadError = error
                return n
            }
        }
        if let aheadError {
            self.aheadError = nil
            throw aheadError
        }
        if aheadEOF { return 0 }
        return try source.read(into: destination, count: count)
    }

    private func fillUTF8(until target: Int, line: Int) throws(CSVError) {
        reserve(target)
        while end < target && !sourceDone {
            let n = try read(into: buffer + end, count: capacity - end)
            if n == 0 { sourceDone = true; break }
            end += n
            bytesRead += n
            decodedBytes += n
        }
        if defersUTF8Check {
            ready = sourceDone ? end : characterBoundary(before: end)
            atEOF = sourceDone
            return
        }
        switch UTF8Validation.validate(UnsafeRawBufferPointer(start: buffer + ready, count: end - ready)) {
        case .valid:
            ready = end
        case let .truncated(at):
            if sourceDone { throw invalidUTF8(at: ready + at, line: line) }
            ready += at
        case let .invalid(at):
            throw invalidUTF8(at: ready + at, line: line)
        }
        atEOF = sourceDone && ready == end
    }

    /// `end`, or the start of a multi-byte sequence that `end` cuts short (bytes that are not
    /// UTF-8 at all are left for the check to find).
    private func characterBoundary(before end: Int) -> Int {
        var i = end - 1
        while i >= max(0, end - 4) {
            let b = buffer[i]
            if b & 0xC0 != 0x80 {  // not a continuation byte
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                return i + length > end ? i : end
            }
            i -= 1
        }
        return end
    }

    private func invalidUTF8(at position: Int, line: Int) -> CSVError {
        .invalidUTF8(file: name, line: line + lineEnds(before: position), byteOffset: fileOffset + position)
    }

    private func fillDecoded(until target: Int, line: Int) throws(CSVError) {
        while end < target && !atEOF {
            if !sourceDone && rawCount < rawCapacity {
                let n = try source.read(into: raw + rawCount, count: rawCapacity - rawCount)
                if n == 0 { sourceDone = true }
                rawCount += n
                bytesRead += n
            }
            pending.removeAll(keepingCapacity: true)
            var consumed = 0
            var failure: DecodeFailure?
            do {
                consumed = try decoder!.decode(UnsafeRawBufferPointer(start: raw, count: rawCount), final: sourceDone, into: &pending)
            } catch {
                failure = error
            }
            reserve(end + pending.count)
            pending.withUnsafeBytes { UnsafeMutableRawPointer(buffer + end).copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(buffer), byteCount: $0.count) }
            end += pending.count
            decodedBytes += pending.count
            ready = end
            if let failure {
                let at = lineEnds(before: end)
                let offset = rawFileOffset + failure.offset
                switch failure.kind {
                case let .undefinedByte(byte):
                    throw .undefinedByte(file: name, line: line + at, byteOffset: offset, byte: byte, encoding: encoding)
                case .unpairedSurrogate, .oddLength:
                    throw .invalidUTF16(file: name, line: line + at, byteOffset: offset)
                }
            }
            if consumed > 0 {
                (raw).copyMemory(from: raw + consumed, byteCount: rawCount - consumed)
                rawCount -= consumed
                rawFileOffset += consumed
            }
            atEOF = sourceDone && rawCount == 0
        }
    }

    /// Line ends (LF, CRLF or a lone CR, each counted once) in `buffer[0..<position]`.
    private func lineEnds(before position: Int) -> Int {
        var count = 0
        var i = 0
        while i < position {
            let c = buffer[i]
            if c == 0x0A { count += 1 } else if c == 0x0D { count += 1; if i + 1 < position && buffer[i + 1] == 0x0A { i += 1 } }
            i += 1
        }
        return count
    }
}
