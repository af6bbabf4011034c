import CSHA256

/// SHA-256 (FIPS 180-4), streaming: the fingerprint satkit writes for every survey and
/// data file it reads, so that a result can be traced to the exact bytes it came from.
///
/// Feed bytes in any number of ``update(_:)`` calls, then ``finalize()`` once.
/// Foundation on Linux has no CryptoKit, and satkit takes no packages, so it is written
/// here; the test vectors are those of FIPS 180-4 / NIST CAVP and Python's `hashlib`.
///
/// Speed: on x86-64 CPUs with the SHA extensions the blocks go to `CSHA256` (SHA-NI, about
/// 1.5 GB/s); elsewhere to the Swift compression function below (about 200 MB/s), which is
/// also the definition the tests hold the fast path to.
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0
    /// Whether blocks go to the SHA-NI compression function.
    private let hardware: Bool

    /// Whether this CPU has the SHA extensions (checked once).
    static let hardwareAvailable = satkit_sha256_hardware_available() != 0

    /// A hash of no bytes yet.
    public init() { self.init(hardware: Self.hardwareAvailable) }

    /// A hash that uses SHA-NI when `hardware` is true and the CPU has it, else the Swift
    /// compression function (tests compare the two).
    init(hardware: Bool) {
        self.hardware = hardware && Self.hardwareAvailable
        buffer.reserveCapacity(64)
    }

    /// The digest of `bytes` in one call.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(Array(bytes))
        return hasher.finalize()
    }

    /// The digest of `bytes` as 64 lowercase hexadecimal characters.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String { hexString(hash(bytes)) }

    /// Lowercase hexadecimal of a digest.
    public static func hexString(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(digest.count * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Adds the bytes of `raw` to the message.
    public mutating func update(_ raw: UnsafeRawBufferPointer) {
        length &+= UInt64(raw.count)
        var offset = 0
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, raw.count)
            buffer.append(contentsOf: raw[0..<take])
            offset = take
            if buffer.count == 64 {
                buffer.withUnsafeBytes { compress(blocks: $0) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        let whole = (raw.count - offset) / 64 * 64
        if whole > 0 {
            compress(blocks: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + whole)]))
            offset += whole
        }
        if offset < raw.count { buffer.append(contentsOf: raw[offset...]) }
    }

    /// The 32-byte digest. Call once; the hasher is spent afterwards.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail = buffer
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { compress(blocks: $0) }
        buffer.removeAll()
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        return words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0))) } }
    }

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    /// Runs the compression function over whole 64-byte blocks.
    ///
    /// Written for speed: message words are loaded unaligned and byte-swapped once, the
    /// schedule lives in a stack buffer, and the eight working variables rotate by
    /// renaming through eight rounds per loop step instead of shuffling a tuple.
    private mutating func compress(blocks: UnsafeRawBufferPointer) {
        precondition(blocks.count % 64 == 0)
        guard let base = blocks.baseAddress else { return }
        if hardware {
            withUnsafeMutablePointer(to: &state) { tuple in
                tuple.withMemoryRebound(to: UInt32.self, capacity: 8) { words in
                    satkit_sha256_hardware_compress(words, base.assumingMemoryBound(to: UInt8.self), blocks.count / 64)
                }
            }
            return
        }
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { wBuffer in
            Self.k.withUnsafeBufferPointer { kBuffer in
                let w = wBuffer.baseAddress!
                let k = kBuffer.baseAddress!
                var offset = 0
                while offset < blocks.count {
                    for i in 0..<16 {
                        w[i] = UInt32(bigEndian: (base + offset + 4 * i).loadUnaligned(as: UInt32.self))
                    }
                    for i in 16..<64 {
                        let x = w[i - 15], y = w[i - 2]
                        let s0 = Self.rotr(x, 7) ^ Self.rotr(x, 18) ^ (x >> 3)
                        let s1 = Self.rotr(y, 17) ^ Self.rotr(y, 19) ^ (y >> 10)
                        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                    }
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    @inline(__always) func round(
                        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ i: Int
                    ) {
                        let t1 = h &+ (Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25))
                            &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                        let t2 = (Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22))
                            &+ ((a & b) ^ (a & c) ^ (b & c))
                        d = d &+ t1
                        h = t1 &+ t2
                    }
                    var i = 0
                    while i < 64 {
                        round(a, b, c, &d, e, f, g, &h, i)
                        round(h, a, b, &c, d, e, f, &g, i + 1)
                        round(g, h, a, &b, c, d, e, &f, i + 2)
                        round(f, g, h, &a, b, c, d, &e, i + 3)
                        round(e, f, g, &h, a, b, c, &d, i + 4)
                        round(d, e, f, &g, h, a, b, &c, i + 5)
                        round(c, d, e, &f, g, h, a, &b, i + 6)
                        round(b, c, d, &e, f, g, h, &a, i + 7)
                        i += 8
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                    offset += 64
                }
            }
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }
}
