import Testing
@testable import SurveyReport

@Suite struct TextTableTests {
    @Test func labelsWrapAndNumbersAlignRight() {
        let table = TextTable(columns: [.init(header: "", wraps: true, minWidth: 10), .init(header: "n", alignment: .right)])
        let lines = table.render(rows: [
            .init(["Access to the service at the one-stop desk", "580"]),
            .init(["Signs", "1,234"], indent: 2),
        ], width: 24)
        // The label column gets 24 − 5 − 2 = 17 columns; continuation lines are indented 2 more
        // and so hold 15.
        #expect(lines == [
            String(repeating: " ", count: 23) + "n",
            String(repeating: "─", count: 24),
            "Access to the" + String(repeating: " ", count: 8) + "580",
            "  service at the",
            "  one-stop desk",
            "  Signs" + String(repeating: " ", count: 12) + "1,234",
        ])
    }

    @Test func everyLineFitsTheWidth() {
        let table = TextTable(columns: [
            .init(header: "", wraps: true), .init(header: "index (95% CI)", alignment: .right),
            .init(header: "n", alignment: .right),
        ])
        let rows = (0..<20).map { i in
            TextTable.Row([String(repeating: "word ", count: i), "83.2% (81.0–85.3)", "12,345"], indent: i % 4 * 2)
        }
        for line in table.render(rows: rows, width: 60) { #expect(TerminalText.width(line) <= 60, "\(line)") }
    }
}
