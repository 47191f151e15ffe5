import CaseCore
import Foundation
import Testing

@Suite("CSV reader and writer")
struct CSVTests {
    @Test("quoted fields hold commas, doubled quotes and line breaks; each record knows its first line")
    func readsRFC4180() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"line one\nline two\r\nline three\",z\n\n3,,\"\"\n"
        let records = try CSVReader.parse(text)
        #expect(records.map(\.fields) == [
            ["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "line one\nline two\nline three", "z"], [""], ["3", "", ""],
        ])
        #expect(records.map(\.line) == [1, 2, 3, 6, 7])
        #expect(records[3].isBlank)
    }

    @Test("a byte-order mark is skipped, the last line needs no line end, and semicolon files are recognised")
    func bomAndSemicolons() throws {
        #expect(try CSVReader.parse("\u{FEFF}a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(try CSVReader.parse("a;b\n\"1;5\";2\n").map(\.fields) == [["a", "b"], ["1;5", "2"]])
    }

    @Test("a quoted field that is never closed is an error naming the line it starts on")
    func unterminatedQuote() {
        #expect(throws: CSVSyntaxError(line: 3, field: 2, problem: .key("csv.unclosed-quote"))) {
            try CSVReader.parse("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n")
        }
        #expect(CSVSyntaxError(line: 3, field: 2, problem: .key("csv.unclosed-quote")).description
            == "line 3, field 2: a quoted field starts here and is never closed (a missing \")")
    }

    @Test("text after a closing quote is an error")
    func textAfterQuote() throws {
        do {
            _ = try CSVReader.parse("a,b\n1,\"x\"y\n")
            Issue.record("expected an error")
        } catch let error as CSVSyntaxError {
            #expect(error.line == 2 && error.field == 2)
        }
    }

    @Test("cells a spreadsheet would run as a formula get a leading quote", arguments: [
        ("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"),
        ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "' =1"), ("\r=1", "'\n=1"), ("  =1", "'  =1"), ("＝1", "'＝1"),
        ("\u{1B}[0m=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("plain", "plain"), ("<5", "<5"), ("12", "12"), ("a=b", "a=b"),
    ])
    func neutralisesFormulas(input: String, expected: String) {
        #expect(CSVField.neutralised(input) == expected)
    }

    @Test("the writer quotes what needs it, neutralises formulas, and its output reads back")
    func writerRoundTrip() throws {
        var writer = CSVWriter(header: ["name", "value"])
        writer.append(["=1+2", "a, b"])
        writer.append(["say \"hi\"", "two\nlines"])
        writer.append(["short"])
        #expect(writer.text == "name,value\r\n'=1+2,\"a, b\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\nshort,\r\n")
        #expect(try CSVReader.parse(writer.text).map(\.fields) == [
            ["name", "value"], ["'=1+2", "a, b"], ["say \"hi\"", "two\nlines"], ["short", ""],
        ])
    }
}
