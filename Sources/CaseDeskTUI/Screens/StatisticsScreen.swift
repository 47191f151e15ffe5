import CaseCore
import CaseStore
import Foundation

/// The anonymised statistics of ``CaseDesk/statistics(from:to:)`` on screen: the same figures as the `report`
/// command, with horizontal bars drawn in block characters. Suppressed counts (`<5`, `x`) are shown as such, never
/// with a bar. One column up to 159 columns, two side by side from 160; scrolls when taller than the screen.
final class StatisticsScreen: Screen {
    let report: StatisticsReport
    /// The desk's language.
    let words: Catalogue
    var scroll = 0
    private var pageSize = 10

    init(report: StatisticsReport, words: Catalogue = .english) {
        self.report = report
        self.words = words
    }

    /// Computes the report over every case received up to today and shows it.
    static func open(app: DeskApp) {
        do {
            app.push(StatisticsScreen(report: try app.desk.statistics(from: nil, to: nil), words: app.words))
        } catch {
            app.show(error: error)
        }
    }

    var contexts: [KeyContext] { [.statistics, .global] }

    func title(app: DeskApp) -> String {
        words[report.from == nil ? "desk.stats.title-up-to" : "desk.stats.title", values: [
            "from": report.from.map { ExportDates.day($0, words) } ?? "", "to": ExportDates.day(report.to, words)]]
    }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        if Scrolling.apply(action, to: &scroll, pageSize: pageSize) { return }
        switch action {
        case .back: app.pop()
        default: break
        }
    }

    /// Widths from which the sections are laid out in two columns.
    static let twoColumnWidth = 160

    func renderBody(into buffer: inout ScreenBuffer, top: Int, bottom: Int, app: DeskApp) {
        let rows = bottom - top
        pageSize = max(1, rows - 1)
        let twoColumns = buffer.width >= Self.twoColumnWidth
        let columnWidth = twoColumns ? (buffer.width - 3) / 2 : buffer.width - 1
        let sections = Self.sections(report, width: columnWidth, words: words)
        let (left, right) = twoColumns ? Self.split(sections) : (sections.flatMap { $0 }, [])
        let count = max(left.count, right.count)
        scroll = max(0, min(scroll, max(0, count - rows)))
        for i in 0..<min(rows, max(0, count - scroll)) {
            let index = scroll + i
            if index < left.count { left[index].draw(into: &buffer, row: top + i, col: 1, columns: columnWidth) }
            if index < right.count { right[index].draw(into: &buffer, row: top + i, col: columnWidth + 2, columns: columnWidth) }
        }
        if count > rows {
            let marker = " \(scroll + 1)–\(min(count, scroll + rows))/\(count) "
            buffer.put(marker, row: 0, col: buffer.width - DisplayWidth.width(of: marker), style: .bar)
        }
    }

    /// Splits whole sections into two columns of as even a height as can be.
    static func split(_ sections: [[StyledLine]]) -> ([StyledLine], [StyledLine]) {
        let total = sections.reduce(0) { $0 + $1.count }
        var best = sections.count, bestHeight = Int.max, running = 0
        for k in 0...sections.count {
            let height = max(running, total - running)
            if height < bestHeight { bestHeight = height; best = k }
            if k < sections.count { running += sections[k].count }
        }
        var left = sections[..<best].flatMap { $0 }
        let right = sections[best...].flatMap { $0 }
        while left.last == .blank { left.removeLast() }
        return (left, right)
    }

    // MARK: Content

    /// Eighths of a block, for the end of a bar.
    static let partialBlocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `value` on a scale where `maximum` fills `width` columns, to the nearest eighth; a value above
    /// zero always shows at least an eighth.
    static func bar(_ value: Double, maximum: Double, width: Int) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        var eighths = Int((min(value, maximum) / maximum * Double(width) * 8).rounded())
        eighths = max(1, eighths)
        return String(repeating: "█", count: eighths / 8) + partialBlocks[eighths % 8]
    }

    static let barStyle = Style(role: .accent)

    /// The report as sections of lines for a column `width` wide; each section ends with a blank line.
    static func sections(_ report: StatisticsReport, width: Int, words: Catalogue = .english) -> [[StyledLine]] {
        let total = report.totalCases.shownValue
        var out: [[StyledLine]] = []

        var notice = StyledLine.paragraph(words["desk.stats.notice", values: [
            "below": String(report.suppressionThreshold - 1), "suppressed": StatCell.suppressedText, "withheld": StatCell.withheldText,
        ]], indent: 0, width: width)
        notice.append(.blank)
        out.append(notice)

        var overview = [StyledLine(words["stats.section.overview"], .heading)]
        let escalated = report.escalation.escalated.description
            + (report.escalation.sharePercent.map { " " + words["desk.stats.share-of-cases", values: ["percent": words.percent($0)]] } ?? "")
        let fields = [("stats.field.received", report.totalCases.description), ("stats.field.open", report.openCases.description),
                      ("stats.field.overdue", report.overdue.cases.description), ("stats.field.escalated", escalated)]
        let labelWidth = max(20, (fields.map { DisplayWidth.width(of: words[$0.0]) }.max() ?? 0) + 1)
        for (key, value) in fields {
            overview.append(StyledLine([("  " + DisplayWidth.pad(words[key], to: labelWidth), .bold), (value, .normal)]))
        }
        overview.append(.blank)
        out.append(overview)

        out.append(counts(words["stats.section.band"], report.byBand, width: width) { key in
            Style.band(Band(rawValue: key))
        })
        out.append(counts(words["stats.section.category"], report.byCategory, width: width, note: words["desk.stats.note.categories"]))
        out.append(counts(words["desk.stats.relationship"], report.byRelationship, width: width))
        out.append(counts(words["stats.section.channel"], report.byChannel, width: width))
        out.append(report.byMonth.isEmpty
            ? [StyledLine(words["stats.section.month"], .heading), StyledLine("  " + words["stats.note.no-cases"]), .blank]
            : counts(words["stats.section.month"], report.byMonth, width: width))
        out.append(timings(report, width: width, words: words))
        out.append(counts(words["desk.stats.overdue"], report.overdue.byDeadline, width: width,
                          note: words["desk.stats.note.overdue", values: ["count": report.overdue.cases.description]]))
        out.append(counts(words["desk.stats.escalation"], report.escalation.byLevel, width: width,
                          shares: total, words: words, note: words["desk.stats.note.share", values: ["total": report.totalCases.description]]))
        return out
    }

    /// A breakdown as bars: label, count, (share,) bar. The bars share one scale, the largest count shown.
    static func counts(_ heading: String, _ rows: [StatisticsReport.Count], width: Int, shares total: Int? = nil,
                       words: Catalogue = .english, note: String? = nil, style: (String) -> Style = { _ in barStyle }) -> [StyledLine] {
        var out = [StyledLine(heading, .heading)]
        if let note { out += StyledLine.paragraph(note, width: width) }
        let labelWidth = min(max(12, rows.map { DisplayWidth.width(of: $0.label) }.max() ?? 0), max(12, width * 2 / 5))
        let shareWidth = total == nil ? 0 : 8
        let barWidth = max(1, width - 2 - labelWidth - 1 - 5 - shareWidth - 2)
        let maximum = Double(rows.compactMap(\.cases.shownValue).max() ?? 0)
        for row in rows {
            var segments: [(String, Style)] = [
                ("  " + DisplayWidth.fit(row.label, to: labelWidth) + " ", .normal),
                (DisplayWidth.padLeft(row.cases.description, to: 5), row.cases.shownValue == nil ? .bold : .normal),
            ]
            if let total {
                let share = row.cases.shownValue.flatMap { total > 0 ? words.percent(100 * Double($0) / Double(total)) : nil } ?? ""
                segments.append((DisplayWidth.padLeft(share, to: shareWidth), .normal))
            }
            if let value = row.cases.shownValue, value > 0 {
                segments.append(("  " + bar(Double(value), maximum: maximum, width: barWidth), style(row.key)))
            }
            out.append(StyledLine(segments))
        }
        out.append(.blank)
        return out
    }

    /// Median and 90th percentile days to acknowledge and to first contact, as bars on one scale.
    static func timings(_ report: StatisticsReport, width: Int, words: Catalogue = .english) -> [StyledLine] {
        var out = [StyledLine(words["desk.stats.response-times"], .heading)]
        let milestones = [(words["stats.milestone.acknowledge"], report.timeToAcknowledge),
                          (words["stats.milestone.first-contact"], report.timeToFirstContact)]
        let maximum = milestones.flatMap { [$0.1.medianDays, $0.1.p90Days] }.compactMap { $0 }.max() ?? 0
        let barWidth = max(1, width - 2 - 20 - 1 - 6 - 2)
        for (label, timing) in milestones {
            out.append(StyledLine([("  " + label, .bold), (" · " + words["desk.stats.cases", values: ["count": timing.cases.description]], .normal)]))
            for (name, value) in [(words["desk.stats.median"], timing.medianDays), (words["desk.stats.p90"], timing.p90Days)] {
                let head = "    " + DisplayWidth.pad(name, to: 18) + " "
                if let value {
                    out.append(StyledLine([(head + DisplayWidth.padLeft(words.decimal(value), to: 6), .normal),
                                           ("  " + bar(value, maximum: maximum, width: barWidth), barStyle)]))
                } else {
                    out.append(StyledLine(head + words["desk.stats.not-shown", values: ["threshold": String(report.suppressionThreshold)]]))
                }
            }
        }
        out.append(.blank)
        return out
    }
}
