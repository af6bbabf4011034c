/// Vietnamese free-text comments: fragments that hold commas, quotes and line breaks, so a
/// CSV writer must quote them, and now and then a phone or ID number, so that masking can be
/// tested. A respondent above the middle of the latent satisfaction draws from the positive
/// fragments, one below it from the negative ones; a third of the fragments are neutral.
enum Comments {
    static let positive = [
        "Cán bộ nhiệt tình, chu đáo, hướng dẫn tận tình.",
        "Thủ tục nhanh gọn, trả kết quả đúng hẹn.",
        "Tôi hài lòng với cách phục vụ của \"bộ phận một cửa\".",
        "Nơi làm thủ tục sạch sẽ, có đủ chỗ ngồi chờ.",
        "Nộp hồ sơ trực tuyến tiện lợi, không phải đi lại nhiều.",
        "Cảm ơn cán bộ đã giúp đỡ,\nmong tiếp tục phát huy.",
    ]
    static let negative = [
        "Thời gian chờ còn lâu, cần bố trí thêm người tiếp nhận.",
        "Phải đi lại nhiều lần mới xong hồ sơ.",
        "Cán bộ bảo \"về bổ sung giấy tờ\" nhưng không nói rõ cần những gì.",
        "Phí, lệ phí chưa được niêm yết rõ ràng.",
        "Cổng dịch vụ công hay bị lỗi, khó đăng nhập.",
        "Đề nghị:\n+ rút ngắn thời gian giải quyết;\n+ giảm bớt giấy tờ.",
    ]
    static let neutral = [
        "Mong thủ tục được đơn giản hơn nữa.",
        "Nên có thêm hướng dẫn bằng tiếng dân tộc, ở những nơi đông đồng bào.",
        "Không có ý kiến gì thêm.",
    ]
    static let phonePrefix = "Số điện thoại liên hệ: 09"
    static let idPrefix = "Số CCCD của tôi là 0"

    /// Each pool's fragments with quotes doubled, and whether the fragment needs quoting.
    struct Pool: Sendable {
        let fragments: [[UInt8]]
        let needsQuotes: [Bool]
        init(_ texts: [String]) {
            fragments = texts.map(CSVCell.escaped)
            needsQuotes = texts.map { CSVCell.needsQuotes($0.utf8) }
        }
    }

    static let positivePool = Pool(positive + neutral)
    static let negativePool = Pool(negative + neutral)
    static let phoneBytes = Array(phonePrefix.utf8)
    static let idBytes = Array(idPrefix.utf8)

    /// Writes one comment (1–3 distinct fragments, sometimes followed by a phone or ID
    /// number) as a CSV field, drawing from `bits` and `more`.
    @inline(__always)
    static func write(positive: Bool, bits: UInt64, more: UInt64, tables t: UnsafePointer<CompiledPlan.Tables>,
                      into buffer: inout ByteBuffer) {
        let pool = positive ? t.pointee.positive : t.pointee.negative
        let quotes = Int(positive ? t.pointee.positiveQuotes : t.pointee.negativeQuotes)
        let n = t.pointee.poolSize
        let parts = 1 + Int(bits & 0x3) % 3
        let first = Int((bits >> 2) & 0xFFFF) % n
        let step = 1 + Int((bits >> 18) & 0xFFFF) % (n - 1)
        let second = (first + step) % n
        var third = (second + step) % n
        while third == first || third == second { third = (third + 1) % n }
        var quoted = t.pointee.ints[quotes + first] != 0
        if parts > 1 && t.pointee.ints[quotes + second] != 0 { quoted = true }
        if parts > 2 && t.pointee.ints[quotes + third] != 0 { quoted = true }
        if quoted { buffer.append(0x22) }
        buffer.append(span: pool + Int32(first), of: t)
        if parts > 1 {
            buffer.append(0x20)
            buffer.append(span: pool + Int32(second), of: t)
        }
        if parts > 2 {
            buffer.append(0x20)
            buffer.append(span: pool + Int32(third), of: t)
        }
        let extra = (bits >> 34) & 0x3F
        if extra < 2 {
            // About 3% of comments: a phone number 09xxxxxxxx or a 12-digit ID 0xxxxxxxxxxx.
            buffer.append(0x20)
            if extra == 0 {
                buffer.append(span: t.pointee.phone, of: t)
                buffer.appendDecimal(Int(more % 100_000_000), width: 8)
            } else {
                buffer.append(span: t.pointee.idNumber, of: t)
                buffer.appendDecimal(Int(more % 100_000_000_000), width: 11)
            }
            buffer.append(0x2E)
        }
        if quoted { buffer.append(0x22) }
    }
}
