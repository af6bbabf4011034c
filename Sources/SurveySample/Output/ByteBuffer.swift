/// A growable byte buffer for the generator's hot loop: cells are appended as pre-encoded
/// bytes or written digit by digit, never through `String`.
///
/// One buffer is reused for the whole output; ``SampleGenerator`` hands its contents to the
/// sink whenever it passes the flush size and then empties it.
struct ByteBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: [UInt8]) {
        let n = bytes.count
        reserve(n)
        bytes.withUnsafeBufferPointer { source in
            if let address = source.baseAddress { (base + count).update(from: address, count: n) }
        }
        count += n
    }

    /// Appends `n` bytes from `source`; short runs (most cells are a byte or two) are copied
    /// in a loop rather than by a call to `memmove`.
    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count n: Int) {
        reserve(n)
        let target = base + count
        if n <= 16 {
            for k in 0..<n { target[k] = source[k] }
        } else {
            target.update(from: source, count: n)
        }
        count += n
    }

    /// Appends the bytes of span number `index` of `tables`.
    @inline(__always)
    mutating func append(span index: Int32, of tables: UnsafePointer<CompiledPlan.Tables>) {
        let span = tables.pointee.spans[Int(index)]
        append(tables.pointee.arena + Int(span.start), count: Int(span.count))
    }

    /// Appends `value` (not negative) in decimal, left-padded with zeros to `width` digits.
    mutating func appendDecimal(_ value: Int, width: Int = 1) {
        precondition(value >= 0)
        var digits = 1
        var probe = value / 10
        while probe > 0 {
            digits += 1
            probe /= 10
        }
        let total = max(digits, width)
        reserve(total)
        var v = value
        var i = count + total - 1
        while i >= count {
            base[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
            i -= 1
        }
        count += total
    }

    /// Appends `value` (not negative, finite) with exactly `decimals` digits after the point,
    /// rounded half away from zero: `1234.5678` with 2 decimals is `1234.57`. Integer
    /// arithmetic only, so the text is the same on every platform and in every locale.
    mutating func appendFixed(_ value: Double, decimals: Int) {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded(.toNearestOrAwayFromZero))
        appendDecimal(scaled / scale)
        if decimals > 0 {
            append(0x2E)
            appendDecimal(scaled % scale, width: decimals)
        }
    }

    mutating func removeAll() { count = 0 }

    /// The bytes written so far.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}
