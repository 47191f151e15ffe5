import CaseCore
import Testing

@Suite("Safe text, HTML and Markdown escaping")
struct SafeTextTests {
    @Test("terminal escape sequences and control characters are removed, newlines kept", arguments: [
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("title\u{1B}]0;pwned\u{07}after", "titleafter"),
        ("osc\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "osclink"),
        ("bell\u{07}nul\u{0}del\u{7F}", "bellnuldel"),
        ("c1\u{9B}2Jcsi", "c1csi"),
        ("charset\u{1B}(Bset", "charsetset"),
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("tab\there", "tab here"),
        ("Nguyễn Thị Lan — فاطمة 🙂", "Nguyễn Thị Lan — فاطمة 🙂"),
    ])
    func clean(input: String, expected: String) {
        #expect(SafeText.clean(input) == expected)
    }

    @Test("HTML escaping covers the five special characters after cleaning")
    func html() {
        #expect(HTMLText.escape("<script>alert('x') & \"y\"</script>\u{1B}[2J") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        #expect(HTMLText.line("one\ntwo") == "one two")
    }

    @Test("Markdown escaping neutralises inline markup everywhere and block markup at line starts")
    func markdown() {
        #expect(MarkdownText.inline("*a* _b_ `c` [d](e) <f> | ~g~ $h$ \\") == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f> \\| \\~g\\~ \\$h\\$ \\\\")
        #expect(MarkdownText.inline("<5 and 3 > 2") == "<5 and 3 > 2")
        #expect(MarkdownText.inline("# title", atLineStart: true) == "\\# title")
        #expect(MarkdownText.inline("1. first", atLineStart: true) == "1\\. first")
        #expect(MarkdownText.inline("1.50") == "1.50")
        #expect(MarkdownText.block("# h\n- item\n> quote\n\n2) two\n   ```") == "\\# h\\\n\\- item\\\n\\> quote\n\n2\\) two\\\n\\`\\`\\`")
        #expect(MarkdownText.inline("&lt; & amp") == "\\&lt; & amp")
    }
}
