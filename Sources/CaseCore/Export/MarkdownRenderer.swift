import Foundation

/// Draws an ``ExportOutline`` as CommonMark with GitHub tables. Every string from the outline is cleaned and
/// escaped with ``MarkdownText``.
public enum MarkdownRenderer {
    public static func render(_ outline: ExportOutline) -> String {
        var out: [String] = []
        out.append("# " + MarkdownText.inline(outline.title))
        out.append("")
        for notice in outline.notices {
            out.append("> " + MarkdownText.inline(notice))
            out.append(">")
        }
        if !outline.notices.isEmpty { out.removeLast() }
        for section in outline.sections {
            out.append("")
            out.append("## " + MarkdownText.inline(section.title))
            for block in section.blocks {
                out.append("")
                out.append(contentsOf: render(block, emptyText: outline.emptyText, fieldLabel: outline.fieldLabel))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func render(_ block: ExportOutline.Block, emptyText: String, fieldLabel: String) -> [String] {
        switch block {
        case let .fields(fields):
            // One paragraph with hard breaks, so it never merges with a neighbouring list.
            let lines = fields.map { "**\(Catalogue.fill(fieldLabel, ["label": MarkdownText.inline($0.label)]))** \(MarkdownText.inline($0.value))" }
            return [lines.joined(separator: "\\\n")]
        case let .text(text):
            let rendered = MarkdownText.block(text)
            return [rendered.isEmpty ? "*" + MarkdownText.inline(emptyText) + "*" : rendered]
        case let .table(table):
            var lines = [row(table.headers)]
            lines.append("|" + table.headers.indices.map { table.numericColumns.contains($0) ? " ---: |" : " --- |" }.joined())
            lines += table.rows.map(row)
            return lines
        case let .list(items):
            return items.map { "- " + MarkdownText.inline($0, atLineStart: true) }
        case let .note(text):
            return ["*" + MarkdownText.inline(text) + "*"]
        case let .timeline(entries):
            return entries.map { entry in
                let head = "- **\(MarkdownText.inline(entry.at))** · \(MarkdownText.inline(entry.kind)) · \(MarkdownText.inline(entry.author))"
                let text = MarkdownText.block(entry.text, indent: "  ")
                return text.isEmpty ? head : head + "\\\n  " + text
            }
        }
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map(MarkdownText.cell).joined(separator: " | ") + " |"
    }
}
