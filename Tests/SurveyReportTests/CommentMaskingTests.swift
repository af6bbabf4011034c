import Testing
@testable import SurveyReport

@Suite struct CommentMaskingTests {
    @Test(arguments: [
        ("Gọi 0912345678 nhé", "Gọi [số điện thoại] nhé"),
        ("Gọi 0912 345 678 nhé", "Gọi [số điện thoại] nhé"),
        ("SĐT: 091.234.5678.", "SĐT: [số điện thoại]."),
        ("+84 912 345 678", "[số điện thoại]"),
        ("bàn 0243-8251-234", "bàn [số điện thoại]"),
        ("CCCD 001203004567, cảm ơn", "CCCD [số định danh], cảm ơn"),
        ("CMND 123456789", "CMND [số định danh]"),
        ("mail: nguyen.van.a@gmail.com.", "mail: [email]."),
        ("số hồ sơ 20231234567890", "số hồ sơ [dãy số]"),
    ])
    func masksVietnameseIdentifiers(input: String, expected: String) {
        #expect(CommentMasking.mask(input, language: "vi") == expected)
    }

    @Test func keepsShortNumbersAndDates() {
        let text = "Năm 2023 chờ 15 ngày, ngày 12.03.2024, phí 50.000 đồng"
        #expect(CommentMasking.mask(text, language: "vi") == text)
    }

    @Test func twoPhoneNumbersSeparatedByAWordStayTwo() {
        #expect(CommentMasking.mask("0912345678 hoặc 0988111222", language: "en")
            == "[phone number] hoặc [phone number]")
    }

    @Test func digitsInsideAWordAreNotAPhoneNumber() {
        // A code glued to letters is not read as a number run.
        #expect(CommentMasking.mask("mã HS0912345678X", language: "en") == "mã HS0912345678X")
    }

    @Test func atSignWithoutDomainIsKept() {
        #expect(CommentMasking.mask("@UBND xã", language: "en") == "@UBND xã")
        #expect(CommentMasking.mask("a@b", language: "en") == "a@b")
    }
}
