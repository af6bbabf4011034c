import SurveyData

/// The groups of one grouping as integer indexes: `rowGroup[row]` is the row's group, and
/// `keys[group]` its value in each grouping column. Groups are the combinations present in the
/// data, ordered by the columns' levels (first column slowest). The whole sample is the
/// grouping with no columns and one group.
struct GroupIndex {
    let by: [String]
    let keys: [[String]]
    let rowGroup: [Int32]

    var count: Int { keys.count }

    init(by: [String], columns: [CategoryColumn], rowCount: Int) {
        self.by = by
        guard !columns.isEmpty else {
            keys = [[]]
            rowGroup = [Int32](repeating: 0, count: rowCount)
            return
        }
        // Mixed-radix key per row, then dense ids in key order.
        var radix: [Int] = []
        var product = 1
        for column in columns {
            radix.append(product)
            product *= max(1, column.levels.count)
        }
        var combined = [Int](repeating: 0, count: rowCount)
        for (j, column) in columns.enumerated() {
            let r = radix[j]
            combined.withUnsafeMutableBufferPointer { combined in
                func add<T: FixedWidthInteger>(_ codes: UnsafeBufferPointer<T>) {
                    for i in 0..<rowCount { combined[i] += Int(codes[i]) * r }
                }
                column.codes.withUnsafeBuffer { buffer in
                    switch buffer {
                    case .uint8(let codes): add(codes)
                    case .uint16(let codes): add(codes)
                    case .uint32(let codes): add(codes)
                    }
                }
            }
        }
        // Order: first column slowest, so compare keys by the reversed digit order.
        func digits(_ key: Int) -> [Int] { radix.indices.map { key / radix[$0] % max(1, columns[$0].levels.count) } }
        var present: [Int]
        if product <= 1 << 22 {
            var seen = [Bool](repeating: false, count: product)
            for key in combined { seen[key] = true }
            present = (0..<product).filter { seen[$0] }
        } else {
            present = Array(Set(combined))
        }
        present.sort { digits($0).lexicographicallyPrecedes(digits($1)) }
        var dense: [Int: Int32] = [:]
        dense.reserveCapacity(present.count)
        for (g, key) in present.enumerated() { dense[key] = Int32(g) }
        if product <= 1 << 22 {
            var table = [Int32](repeating: -1, count: product)
            for (key, g) in dense { table[key] = g }
            rowGroup = combined.map { table[$0] }
        } else {
            rowGroup = combined.map { dense[$0]! }
        }
        keys = present.map { key in
            let d = digits(key)
            return columns.indices.map { columns[$0].levels[d[$0]] }
        }
    }
}
