/// A tiny quote-aware CSV splitter for the tests (RFC 4180: quoted fields may hold commas,
/// doubled quotes and line breaks; records end with CRLF or LF). It is written here, apart
/// from the generator's writer, so that a quoting mistake in the generator cannot hide
/// behind the same mistake in the reader.
enum TinyCSV {
    static func parse(_ bytes: [UInt8]) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var i = 0
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let byte = bytes[i]
            if inQuotes {
                if byte == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 && field.isEmpty {
                inQuotes = true
            } else if byte == 0x2C {
                endField()
            } else if byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
                // CRLF: the LF ends the record on the next turn.
            } else if byte == 0x0A {
                endField()
                records.append(record)
                record = []
            } else {
                field.append(byte)
            }
            i += 1
        }
        if !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}

/// A parsed sample: the header and the rows, with cells looked up by column name.
struct ParsedSample {
    let header: [String]
    let rows: [[String]]
    private let index: [String: Int]

    init(_ bytes: [UInt8]) {
        let records = TinyCSV.parse(bytes)
        header = records.first ?? []
        rows = Array(records.dropFirst())
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() { index[name] = i }
        self.index = index
    }

    /// The cells of column `name`, one per row; empty when there is no such column.
    func column(_ name: String) -> [String] {
        guard let i = index[name] else { return [] }
        return rows.map { $0[i] }
    }
}
