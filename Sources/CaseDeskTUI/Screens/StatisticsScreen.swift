import CaseCore
import CaseStore
import Foundation

/// The anonymised statistics of ``CaseDesk/statistics(from:to:)`` on screen: the same figures as the `report`
/// command, with horizontal bars drawn in block characters. Suppressed counts (`<5`, `x`) are shown as such, never
/// with a bar. One column up to 159 columns, two side by side from 160; scrolls when taller than the screen.
final class StatisticsScreen: Screen {
    let report: StatisticsReport
    var scroll = 0
    private var pageSize = 10

    init(report: StatisticsReport) {
        self.report = report
    }

    /// Computes the report over every case received up to today and shows it.
    static func open(app: DeskApp) {
        do {
            app.push(StatisticsScreen(report: try app.desk.statistics(from: nil, to: nil)))
        } catch {
            app.show(error: error)
        }
    }

    var contexts: [KeyContext] { [.statistics, .global] }

    func title(app: DeskApp) -> String {
        "Confidant — statistics · cases received " + (report.from.map { "\($0) to \(report.to)" } ?? "up to \(report.to)")
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
        let sections = Self.sections(report, width: columnWidth)
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
    static func sections(_ report: StatisticsReport, width: Int) -> [[StyledLine]] {
        let total = report.totalCases.shownValue
        var out: [[StyledLine]] = []

        var notice = StyledLine.paragraph(
            "Anonymised: no names, ids, pseudonyms or case text. Counts from 1 to \(report.suppressionThreshold - 1) show as "
                + "\(StatCell.suppressedText); \(StatCell.withheldText) is a count withheld so that a small one cannot be "
                + "worked out from a total. Neither has a bar.", indent: 0, width: width)
        notice.append(.blank)
        out.append(notice)

        var overview = [StyledLine("Overview", .heading)]
        let escalated = report.escalation.escalated.description
            + (report.escalation.sharePercent.map { " (\(percent($0)) of cases)" } ?? "")
        for (label, value) in [("Cases received", report.totalCases.description), ("Still open", report.openCases.description),
                               ("Open and overdue", report.overdue.cases.description), ("Escalated", escalated)] {
            overview.append(StyledLine([("  " + DisplayWidth.pad(label, to: 20), .bold), (value, .normal)]))
        }
        overview.append(.blank)
        out.append(overview)

        out.append(counts("By triage band", report.byBand, width: width) { key in
            Style.band(Band(rawValue: key))
        })
        out.append(counts("By category", report.byCategory, width: width,
                          note: "A case can have several categories: these do not add up to the total."))
        out.append(counts("By the reporter's relationship", report.byRelationship, width: width))
        out.append(counts("By channel", report.byChannel, width: width))
        out.append(report.byMonth.isEmpty
            ? [StyledLine("By month of receipt", .heading), StyledLine("  No cases in this period."), .blank]
            : counts("By month of receipt", report.byMonth, width: width))
        out.append(timings(report, width: width))
        out.append(counts("Overdue, by the earliest deadline missed", report.overdue.byDeadline, width: width,
                          note: "Open cases whose earliest deadline has passed: \(report.overdue.cases)."))
        out.append(counts("Escalation, by the highest level reached", report.escalation.byLevel, width: width,
                          shares: total, note: "Share: of all \(report.totalCases) cases received in the period."))
        return out
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value) }

    /// A breakdown as bars: label, count, (share,) bar. The bars share one scale, the largest count shown.
    static func counts(_ heading: String, _ rows: [StatisticsReport.Count], width: Int, shares total: Int? = nil,
                       note: String? = nil, style: (String) -> Style = { _ in barStyle }) -> [StyledLine] {
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
                let share = row.cases.shownValue.flatMap { total > 0 ? percent(100 * Double($0) / Double(total)) : nil } ?? ""
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
    static func timings(_ report: StatisticsReport, width: Int) -> [StyledLine] {
        var out = [StyledLine("Response times, days from receipt", .heading)]
        let milestones = [("Acknowledgement of receipt", report.timeToAcknowledge),
                          ("First contact with the reporter", report.timeToFirstContact)]
        let maximum = milestones.flatMap { [$0.1.medianDays, $0.1.p90Days] }.compactMap { $0 }.max() ?? 0
        let barWidth = max(1, width - 2 - 20 - 1 - 6 - 2)
        for (label, timing) in milestones {
            out.append(StyledLine([("  " + label, .bold), (" · \(timing.cases) cases", .normal)]))
            for (name, value) in [("median", timing.medianDays), ("90th percentile", timing.p90Days)] {
                let head = "    " + DisplayWidth.pad(name, to: 18) + " "
                if let value {
                    out.append(StyledLine([(head + DisplayWidth.padLeft(String(format: "%.1f", value), to: 6), .normal),
                                           ("  " + bar(value, maximum: maximum, width: barWidth), barStyle)]))
                } else {
                    out.append(StyledLine(head + "not shown (fewer than \(report.suppressionThreshold) cases)"))
                }
            }
        }
        out.append(.blank)
        return out
    }
}
