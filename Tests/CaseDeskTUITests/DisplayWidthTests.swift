@testable import CaseDeskTUI
import Testing

@Suite("Display width and the screen buffer")
struct DisplayWidthTests {
    @Test func widthsPerScript() {
        #expect(DisplayWidth.width(of: "abc") == 3)
        #expect(DisplayWidth.width(of: "Жёлтый") == 6)
        #expect(DisplayWidth.width(of: "ليلى") == 4)
        #expect(DisplayWidth.width(of: "中文") == 4)
        #expect(DisplayWidth.width(of: "🙂") == 2)
        #expect(DisplayWidth.width(of: "e\u{301}") == 1, "a combining mark takes no column")
        #expect(DisplayWidth.width(of: "Nguyễn Thị Lan") == 14)
    }

    @Test func fitPadsAndTruncatesAtTheColumnEdge() {
        #expect(DisplayWidth.fit("abc", to: 5) == "abc  ")
        #expect(DisplayWidth.fit("abcdef", to: 5) == "abcd…")
        #expect(DisplayWidth.fit("中文字", to: 6) == "中文字")
        #expect(DisplayWidth.fit("中文字", to: 5) == "中文…")
        // The third column would split 文: it becomes a space before the ellipsis.
        #expect(DisplayWidth.fit("中文字", to: 4) == "中 …")
        #expect(DisplayWidth.fit("🙂🙂🙂", to: 4) == "🙂 …")
        #expect(DisplayWidth.width(of: DisplayWidth.fit("Ольга 王小明 🌻", to: 9)) == 9)
        #expect(DisplayWidth.fit("tab\there", to: 8) == "tab here")
    }

    @Test func wrapKeepsWordsAndWidth() {
        #expect(DisplayWidth.wrap("one two three four", to: 9) == ["one two", "three", "four"])
        #expect(DisplayWidth.wrap("经理在会议上公开羞辱我", to: 8) == ["经理在会", "议上公开", "羞辱我"])
        #expect(DisplayWidth.wrap("a\n\nb", to: 5) == ["a", "", "b"])
    }

    @Test func bufferNeverSplitsAWideCharacter() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        buffer.put("中文字体", row: 0, col: 3)
        #expect(buffer.line(0) == "   中文字", "the last wide character does not fit in column 9")
        #expect(buffer.rows[0][9].text == " ")
        buffer.put("x", row: 0, col: 4)
        #expect(buffer.line(0) == "    x文字", "overwriting half of 中 blanks its first half")
        buffer.put("é", row: 1, col: 0)
        buffer.put("e\u{301}z", row: 1, col: 2, maxWidth: 1)
        #expect(buffer.line(1) == "é é")
    }

    @Test func textFieldEditsWideCharacters() {
        var field = TextField()
        field.insert("Жёлтый 中文")
        field.deleteBackward()
        field.moveLeft()
        field.insert("🙂")
        #expect(field.text == "Жёлтый 🙂中")
        var buffer = ScreenBuffer(width: 12, height: 1)
        field.draw(into: &buffer, row: 0, col: 0, columns: 12, style: .normal, focused: true)
        #expect(buffer.line(0) == "Жёлтый 🙂中")
        #expect(buffer.style(row: 0, col: 9).reverse, "the cursor cell is reversed")
    }
}
