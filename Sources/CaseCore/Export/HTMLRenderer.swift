import Foundation

/// Draws an ``ExportOutline`` as one self-contained, printable HTML file: inline CSS (with print rules), no
/// scripts, no external resources, and a Content-Security-Policy that would block both if anything slipped in.
/// Every string from the outline is cleaned and escaped with ``HTMLText``.
public enum HTMLRenderer {
    public static let styleSheet = """
        :root { color-scheme: light; }
        body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
               color: #1b1b1b; background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid #bbb; }
        .notice { margin: .2rem 0; padding: .35rem .6rem; background: #f3f0e6; border-left: 4px solid #8a6d1d; }
        dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .4rem 0; }
        dl.fields dt { font-weight: 600; }
        dl.fields dd { margin: 0; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .4rem 0; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border: 1px solid #bbb; padding: .25rem .45rem; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        ul.timeline { list-style: none; padding: 0; }
        ul.timeline li { margin: 0 0 .6rem; padding-left: .6rem; border-left: 3px solid #ccc; }
        .meta { font-weight: 600; }
        .note { font-style: italic; color: #555; }
        footer { margin-top: 2rem; font-size: .85rem; color: #555; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          h2 { break-after: avoid; }
          table, tr, li, dl { break-inside: avoid; }
          .notice { background: none; border: 1px solid #000; }
          th { background: none; }
          @page { margin: 18mm 16mm; }
        }
        """

    public static func render(_ outline: ExportOutline) -> String {
        var out: [String] = []
        out.append("<!DOCTYPE html>")
        out.append("<html lang=\"\(HTMLText.line(outline.language))\"\(outline.rightToLeft ? " dir=\"rtl\"" : "")>")
        out.append("<head>")
        out.append("<meta charset=\"utf-8\">")
        out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'\">")
        out.append("<meta name=\"referrer\" content=\"no-referrer\">")
        out.append("<meta name=\"robots\" content=\"noindex, nofollow\">")
        out.append("<title>\(HTMLText.line(outline.title))</title>")
        out.append("<style>\n\(styleSheet)\n</style>")
        out.append("</head>")
        out.append("<body>")
        out.append("<h1>\(HTMLText.line(outline.title))</h1>")
        for notice in outline.notices {
            out.append("<p class=\"notice\">\(HTMLText.line(notice))</p>")
        }
        for section in outline.sections {
            out.append("<section>")
            out.append("<h2>\(HTMLText.line(section.title))</h2>")
            for block in section.blocks { out.append(render(block)) }
            out.append("</section>")
        }
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    static func render(_ block: ExportOutline.Block) -> String {
        switch block {
        case let .fields(fields):
            let items = fields.map { "<dt>\(HTMLText.line($0.label))</dt><dd dir=\"auto\">\(HTMLText.line($0.value))</dd>" }
            return "<dl class=\"fields\">\n" + items.joined(separator: "\n") + "\n</dl>"
        case let .text(text):
            return "<p class=\"text\" dir=\"auto\">\(HTMLText.escape(trimmed(text)))</p>"
        case let .table(table):
            var lines = ["<table>", "<thead><tr>"
                + table.headers.enumerated().map { index, header in
                    "<th scope=\"col\"\(table.numericColumns.contains(index) ? " class=\"num\"" : "")>\(HTMLText.line(header))</th>"
                }.joined() + "</tr></thead>", "<tbody>"]
            for row in table.rows {
                lines.append("<tr>" + row.enumerated().map { index, cell in
                    let value = HTMLText.line(cell)
                    return "<td\(table.numericColumns.contains(index) ? " class=\"num\"" : " dir=\"auto\"")>\(value.isEmpty ? "–" : value)</td>"
                }.joined() + "</tr>")
            }
            lines += ["</tbody>", "</table>"]
            return lines.joined(separator: "\n")
        case let .list(items):
            return "<ul>\n" + items.map { "<li dir=\"auto\">\(HTMLText.line($0))</li>" }.joined(separator: "\n") + "\n</ul>"
        case let .note(text):
            return "<p class=\"note\">\(HTMLText.line(text))</p>"
        case let .timeline(entries):
            let items = entries.map { entry in
                "<li><div class=\"meta\">\(HTMLText.line(entry.at)) · \(HTMLText.line(entry.kind)) · \(HTMLText.line(entry.author))</div>"
                    + "<div class=\"text\" dir=\"auto\">\(HTMLText.escape(trimmed(entry.text)))</div></li>"
            }
            return "<ul class=\"timeline\">\n" + items.joined(separator: "\n") + "\n</ul>"
        }
    }

    private static func trimmed(_ text: String) -> String {
        SafeText.clean(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
