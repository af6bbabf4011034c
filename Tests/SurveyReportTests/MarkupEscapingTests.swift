import Testing
@testable import SurveyReport

@Suite struct MarkupEscapingTests {
    @Test func htmlEscapesTheFiveSpecialCharacters() {
        #expect(MarkupEscaping.html(#"<script>alert("x")</script> & 'y'"#)
            == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
    }

    @Test func htmlAttributeBreakoutIsNeutralised() {
        #expect(MarkupEscaping.html(#""><img src=x onerror=alert(1)>"#)
            == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
    }

    @Test func htmlKeepsVietnameseText() {
        #expect(MarkupEscaping.html("Rất hài lòng") == "Rất hài lòng")
    }

    @Test func markdownLinkCannotForm() {
        #expect(MarkupEscaping.markdown("[click](javascript:alert(1))")
            == #"\[click\](javascript:alert(1))"#)
    }

    @Test func markdownRawHTMLAndAutolinksBecomeText() {
        #expect(MarkupEscaping.markdown("<script>x</script> <http://a.b>")
            == "&lt;script&gt;x&lt;/script&gt; &lt;http://a.b&gt;")
    }

    @Test func markdownTableCellStaysOneCell() {
        #expect(MarkupEscaping.markdown("a | b\nc") == #"a \| b c"#)
    }

    @Test func markdownEmphasisAndCodeAreEscaped() {
        #expect(MarkupEscaping.markdown("*x* _y_ `z` ~w~ !") == #"\*x\* \_y\_ \`z\` \~w\~ \!"#)
    }

    @Test func markdownLineStartMarkersOnlyAtTheStart() {
        #expect(MarkupEscaping.markdown("# Tiêu đề") == ##"\# Tiêu đề"##)
        #expect(MarkupEscaping.markdown("- item") == #"\- item"#)
        #expect(MarkupEscaping.markdown("  + item") == #"  \+ item"#)
        #expect(MarkupEscaping.markdown("a - b # c") == "a - b # c")
    }

    @Test func markdownOrderedListMarkerAfterLeadingDigits() {
        #expect(MarkupEscaping.markdown("12. item") == #"12\. item"#)
        #expect(MarkupEscaping.markdown("3) item") == #"3\) item"#)
        #expect(MarkupEscaping.markdown("v1.2") == "v1.2")
    }
}
