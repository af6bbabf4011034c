/// The codes of a ``CategoryColumn``, one per row, each stored in the fewest bytes that hold
/// the column's largest code: one byte up to 255 levels (a province, a channel, 200
/// services), two up to 65,535 (communes, villages), four beyond.
///
/// A million rows of a 200-level column take 1 MB rather than 4 MB; the dataset's
/// categorical columns were a quarter of the import's memory when every code took four bytes
/// (docs/import.md, "Memory").
///
/// Reading: ``subscript(_:)`` gives any row's code as a `UInt32`; a loop over every row
/// should take ``withUnsafeBuffer(_:)`` and switch once on the width, not once per row.
/// Appending a code wider than the storage widens the whole column once (a copy), so codes
/// can be appended as levels are discovered.
public struct CategoryCodes: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The codes in their stored width.
    public enum Storage: Sendable {
        case uint8([UInt8])
        case uint16([UInt16])
        case uint32([UInt32])
    }

    /// A view of the stored codes for a loop over the rows.
    public enum Buffer {
        case uint8(UnsafeBufferPointer<UInt8>)
        case uint16(UnsafeBufferPointer<UInt16>)
        case uint32(UnsafeBufferPointer<UInt32>)
    }

    public private(set) var storage: Storage

    /// No rows, one byte per code until a larger code is appended.
    public init() { storage = .uint8([]) }

    /// `codes`, stored in the narrowest width that holds their largest value.
    public init<S: Sequence>(_ codes: S) where S.Element == UInt32 {
        let array = Array(codes)
        switch array.max() ?? 0 {
        case 0...UInt32(UInt8.max): storage = .uint8(array.map { UInt8(truncatingIfNeeded: $0) })
        case 0...UInt32(UInt16.max): storage = .uint16(array.map { UInt16(truncatingIfNeeded: $0) })
        default: storage = .uint32(array)
        }
    }

    public init(arrayLiteral elements: UInt32...) { self.init(elements) }

    /// The bytes each code takes: 1, 2 or 4.
    public var bytesPerCode: Int {
        switch storage {
        case .uint8: 1
        case .uint16: 2
        case .uint32: 4
        }
    }

    // MARK: Collection

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .uint8(let a): a.count
        case .uint16(let a): a.count
        case .uint32(let a): a.count
        }
    }

    @inlinable public func index(after i: Int) -> Int { i + 1 }
    @inlinable public func index(before i: Int) -> Int { i - 1 }

    /// The code of row `row`.
    public subscript(row: Int) -> UInt32 {
        switch storage {
        case .uint8(let a): UInt32(a[row])
        case .uint16(let a): UInt32(a[row])
        case .uint32(let a): a[row]
        }
    }

    /// Calls `body` with the stored codes, valid only inside `body`.
    public func withUnsafeBuffer<R>(_ body: (Buffer) throws -> R) rethrows -> R {
        switch storage {
        case .uint8(let a): try a.withUnsafeBufferPointer { try body(.uint8($0)) }
        case .uint16(let a): try a.withUnsafeBufferPointer { try body(.uint16($0)) }
        case .uint32(let a): try a.withUnsafeBufferPointer { try body(.uint32($0)) }
        }
    }

    /// The codes as four-byte integers (a copy).
    public var widened: [UInt32] {
        switch storage {
        case .uint8(let a): a.map(UInt32.init)
        case .uint16(let a): a.map(UInt32.init)
        case .uint32(let a): a
        }
    }

    // MARK: Equality: by value, whatever the width

    public static func == (lhs: CategoryCodes, rhs: CategoryCodes) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for code in self { hasher.combine(code) }
    }

    // MARK: Building

    /// Room for `capacity` codes in the current width.
    public mutating func reserveCapacity(_ capacity: Int) {
        modify(u8: { $0.reserveCapacity(capacity) }, u16: { $0.reserveCapacity(capacity) },
               u32: { $0.reserveCapacity(capacity) })
    }

    /// Appends `code`, widening the column first if it does not fit.
    public mutating func append(_ code: UInt32) {
        append(contentsOf: CollectionOfOne(code), largest: code)
    }

    /// Appends `codes`, whose largest value is `largest` (or is computed when `nil`), widening
    /// the column first if needed.
    public mutating func append<C: Collection>(contentsOf codes: C, largest: UInt32? = nil) where C.Element == UInt32 {
        guard !codes.isEmpty else { return }
        widen(toHold: largest ?? codes.max()!)
        modify(u8: { a in a.append(contentsOf: codes.lazy.map { UInt8(truncatingIfNeeded: $0) }) },
               u16: { a in a.append(contentsOf: codes.lazy.map { UInt16(truncatingIfNeeded: $0) }) },
               u32: { a in a.append(contentsOf: codes) })
    }

    /// Replaces every code `c` by `map[c]` in place; the new codes must fit the current width
    /// or `largest` (the largest value in `map` that rows use), to which the column is widened.
    public mutating func remap(_ map: [UInt32], largest: UInt32) {
        widen(toHold: largest)
        map.withUnsafeBufferPointer { map in
            modify(u8: { a in a.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = UInt8(truncatingIfNeeded: map[Int($0[i])]) } } },
                   u16: { a in a.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = UInt16(truncatingIfNeeded: map[Int($0[i])]) } } },
                   u32: { a in a.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = map[Int($0[i])] } } })
        }
    }

    /// Makes the storage wide enough for `code` (a copy of the column when it grows).
    private mutating func widen(toHold code: UInt32) {
        switch storage {
        case .uint8(let a) where code > UInt32(UInt8.max):
            let capacity = a.capacity
            if code > UInt32(UInt16.max) {
                var wide = [UInt32](); wide.reserveCapacity(capacity); wide.append(contentsOf: a.lazy.map(UInt32.init))
                storage = .uint32(wide)
            } else {
                var wide = [UInt16](); wide.reserveCapacity(capacity); wide.append(contentsOf: a.lazy.map(UInt16.init))
                storage = .uint16(wide)
            }
        case .uint16(let a) where code > UInt32(UInt16.max):
            var wide = [UInt32](); wide.reserveCapacity(a.capacity); wide.append(contentsOf: a.lazy.map(UInt32.init))
            storage = .uint32(wide)
        default:
            break
        }
    }

    /// Mutates the stored array in place: the enum's payload is moved out first so that the
    /// array stays uniquely referenced and is not copied.
    private mutating func modify(u8: (inout [UInt8]) -> Void, u16: (inout [UInt16]) -> Void, u32: (inout [UInt32]) -> Void) {
        switch storage {
        case .uint8(var a): storage = .uint8([]); u8(&a); storage = .uint8(a)
        case .uint16(var a): storage = .uint16([]); u16(&a); storage = .uint16(a)
        case .uint32(var a): storage = .uint32([]); u32(&a); storage = .uint32(a)
        }
    }
}
