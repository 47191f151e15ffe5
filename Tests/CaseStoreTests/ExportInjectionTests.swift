import CaseCore
import CaseStore
import Foundation
import TestKit
import Testing

/// Hostile text in names and narratives — HTML, Markdown, quotes, control characters, terminal escape sequences —
/// is escaped or stripped in every export and never emitted raw.
@Suite("Export escaping")
struct ExportInjectionTests {
    static let hostileNarrative = "He wrote <script>alert(1)</script> in the chat.\u{1B}[31mRED\u{1B}[0m\u{07}\r\n"
        + "# Not a heading\n| not | a table |\n[click](javascript:alert(2)) ![img](http://evil.example/x.png)\u{1B}]0;pwned\u{07} & &amp; \"quotes\" 'single'\u{0}"

    static func hostileCase(in directory: URL) throws -> (CaseDesk, CaseID) {
        let (desk, _) = try StoreFixtures.emptyDesk(in: directory)
        let intake = CaseIntake(
            receivedAt: "2026-11-20T09:00:00Z", channel: .complaint, incidentFirst: "2026-11-01",
            reporter: .init(pseudonym: "**Bold** <b>Finch</b>", name: "<img src=x onerror=alert(3)>\u{1B}[2J", contact: "\"><svg onload=alert(4)>"),
            relationship: .staff,
            reported: [.init(name: "</td><script>alert(5)</script>", role: "`code` _em_ =1+1", power: .peer)],
            categories: ["harassment"], narrative: hostileNarrative, supportNeeds: "<iframe src=//evil.example>")
        let item = try desk.add(intake)
        try desk.record(item.id, .note, text: "Note with \u{1B}[1mbold escape\u{1B}[0m and <script>x</script>")
        return (desk, item.id)
    }

    @Test("HTML: every user string escaped, control characters and escape sequences stripped, no script or external resource")
    func html() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, id) = try Self.hostileCase(in: directory)
        for audience in Audience.allCases {
            let html = CaseExportFormat.html.render(try desk.exportDocument(id, for: audience), taxonomy: desk.taxonomy, generatedAt: TestFixtures.now)
            for raw in ["<script", "<img", "<svg", "<iframe", "</td><script", "onerror=alert(3)>", "javascript:alert(2)\"", "src=\"http"] {
                #expect(!html.lowercased().contains(raw), "\(audience): raw '\(raw)' in HTML")
            }
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
                    "\(audience): control character in HTML")
            #expect(!html.contains("[31m") && !html.contains("]0;pwned"), "\(audience): remains of an escape sequence")
            #expect(html.contains("RED"))
            #expect(html.contains("&amp;amp;") && html.contains("&quot;quotes&quot;") && html.contains("&#39;single&#39;"))
            // Self-contained: one inline style sheet, no scripts, links or external references.
            #expect(html.contains("@media print"))
            for markup in ["<link", "<script", "url(", "@import"] {
                #expect(!html.lowercased().contains(markup), "\(audience): '\(markup)' in HTML")
            }
            // Every tag in the file is one the renderer writes: nothing from user text became markup.
            let tags = try NSRegularExpression(pattern: "<\\/?([A-Za-z!][A-Za-z0-9]*)")
            let names = Set(tags.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
                String(html[Range(match.range(at: 1), in: html)!]).lowercased()
            })
            let allowed: Set<String> = ["!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "section",
                                        "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "div"]
            #expect(names.subtracting(allowed).isEmpty, "\(audience): unexpected tags \(names.subtracting(allowed))")
        }
    }

    @Test("Markdown: no raw HTML, headings, tables, links or escape sequences come from user text")
    func markdown() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, id) = try Self.hostileCase(in: directory)
        let md = CaseExportFormat.markdown.render(try desk.exportDocument(id, for: .counselor), taxonomy: desk.taxonomy, generatedAt: TestFixtures.now)
        #expect(!md.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control character in Markdown")
        #expect(!md.contains("[31m"))
        for raw in ["<script>", "<img", "<svg", "<iframe", "](javascript:", "**Bold**", "`code`"] {
            // Present only with the backslash that makes it literal text.
            let unescaped = try NSRegularExpression(pattern: "(?<!\\\\)" + NSRegularExpression.escapedPattern(for: raw))
            #expect(unescaped.firstMatch(in: md, range: NSRange(md.startIndex..., in: md)) == nil, "raw '\(raw)' in Markdown")
        }
        #expect(md.contains("\\<script>alert(1)\\</script>"))
        #expect(md.contains("\\# Not a heading"))
        #expect(md.contains("\\| not \\| a table \\|"))
        #expect(md.contains("\\[click\\](javascript:alert(2))"))
        #expect(md.contains("\\*\\*Bold\\*\\* \\<b>Finch\\</b>"))
        #expect(md.contains("\\&amp;"))
        // No line of the document other than the title starts a heading.
        #expect(md.split(separator: "\n").filter { $0.hasPrefix("# ") }.count == 1)
    }

    @Test("JSON escapes control characters")
    func json() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, id) = try Self.hostileCase(in: directory)
        let json = CaseExportFormat.json.render(try desk.exportDocument(id, for: .counselor), taxonomy: desk.taxonomy, generatedAt: TestFixtures.now)
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(json.contains("\\u001b[31m"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((decoded?["narrative"] as? String)?.contains("<script>alert(1)</script>") == true)
    }
}
