import Foundation

/// Turns a rendered letter (the small Markdown subset templates use: `#` and `##` headings, `- ` lists,
/// paragraphs whose lines join as in Markdown, a trailing `\` for a line break, `**bold**`) into one self-contained printable HTML page with the exports' style sheet.
/// Placeholder values are escaped before they are placed; the template's own text is escaped here.
public enum LetterHTML {
    /// - Parameters:
    ///   - language: the page's `lang`.
    ///   - rightToLeft: the page reads right to left (`dir="rtl"`: Arabic, Hebrew…).
    public static func render(markdown: String, title: String, language: String = "en", rightToLeft: Bool = false) -> String {
        var body: [String] = []
        var paragraph: [String] = []
        var list: [String] = []
        func flush() {
            if !paragraph.isEmpty { body.append("<p>" + paragraph.joined(separator: "\n") + "</p>"); paragraph = [] }
            if !list.isEmpty { body.append("<ul>\n" + list.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>"); list = [] }
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            // A trailing backslash is a Markdown hard break; other lines of a paragraph join with a space.
            let hardBreak = line.hasSuffix("\\")
            if hardBreak { line.removeLast() }
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("## ") { flush(); body.append("<h2>\(inline(String(line.dropFirst(3))))</h2>"); continue }
            if line.hasPrefix("# ") { flush(); body.append("<h1>\(inline(String(line.dropFirst(2))))</h1>"); continue }
            if line.hasPrefix("- ") {
                if !paragraph.isEmpty { flush() }
                list.append(inline(String(line.dropFirst(2))))
                continue
            }
            if !list.isEmpty, raw.hasPrefix("  ") { list[list.count - 1] += " " + inline(line); continue }
            if !list.isEmpty { flush() }
            paragraph.append(inline(line) + (hardBreak ? "<br>" : ""))
        }
        flush()
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLText.line(language))"\(rightToLeft ? " dir=\"rtl\"" : "")>
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>\(HTMLText.line(title))</title>
            <style>
            \(HTMLRenderer.styleSheet)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// Escapes a line of template text (values were escaped when placed) and turns `**bold**` into `<strong>`.
    static func inline(_ text: String) -> String {
        let parts = text.components(separatedBy: "**")
        return parts.enumerated().map { index, part in
            index % 2 == 1 && index < parts.count - 1 ? "<strong>\(part)</strong>" : part
        }.joined()
    }
}
