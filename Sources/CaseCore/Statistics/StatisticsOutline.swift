import Foundation

/// The statistics report laid out as an ``ExportOutline`` for Markdown and HTML, in the catalogue's language.
public enum StatisticsOutline {
    public static func make(_ report: StatisticsReport, catalogue w: Catalogue = .english) -> ExportOutline {
        let generated = ExportDates.minute(report.generatedAt, w)
        let period = w["stats.period", values: ["from": report.from.map { ExportDates.day($0, w) } ?? w["stats.first-case"],
                                                 "to": ExportDates.day(report.to, w)]]
        let notices = [
            w["stats.notice.anonymised", values: ["period": period]],
            w["stats.notice.suppression", values: ["below": String(report.suppressionThreshold - 1), "suppressed": StatCell.suppressedText,
                                                   "withheld": StatCell.withheldText]],
            w["stats.notice.generated", values: ["date": generated]],
        ]
        let cases = w["stats.header.cases"]
        let sections: [ExportOutline.Section] = [
            .init(w["stats.section.overview"], [.fields([
                .init(w["stats.field.received"], report.totalCases.description),
                .init(w["stats.field.open"], report.openCases.description),
                .init(w["stats.field.overdue"], report.overdue.cases.description),
                .init(w["stats.field.escalated"], escalatedText(report.escalation, w)),
            ])]),
            .init(w["stats.section.category"], [
                table(w["stats.header.category"], cases, report.byCategory),
                .note(w["stats.note.categories-overlap"]),
            ]),
            .init(w["stats.section.band"], [table(w["stats.header.band"], cases, report.byBand)]),
            .init(w["stats.section.relationship"], [table(w["stats.header.relationship"], cases, report.byRelationship)]),
            .init(w["stats.section.channel"], [table(w["stats.header.channel"], cases, report.byChannel)]),
            .init(w["stats.section.month"], report.byMonth.isEmpty
                ? [.note(w["stats.note.no-cases"])] : [table(w["stats.header.month"], cases, report.byMonth)]),
            .init(w["stats.section.response-times"], [
                .table(.init(
                    headers: [w["stats.header.milestone"], cases, w["stats.header.median"], w["stats.header.p90"]],
                    rows: [timingRow(w["stats.milestone.acknowledge"], report.timeToAcknowledge, w),
                           timingRow(w["stats.milestone.first-contact"], report.timeToFirstContact, w)],
                    numericColumns: [1, 2, 3])),
                .note(w["stats.note.timing", values: ["threshold": String(report.suppressionThreshold)]]),
            ]),
            .init(w["stats.section.overdue"], [
                table(w["stats.header.earliest-missed"], cases, report.overdue.byDeadline),
                .note(w["stats.note.overdue", values: ["date": generated]]),
            ]),
            .init(w["stats.section.escalation"], [
                table(w["stats.header.highest-level"], cases, report.escalation.byLevel),
                .note(w["stats.note.ladder", values: ["ladder": EscalationLevel.allCases.map { w.label($0).lowercased() }.joined(separator: w["list.separator"])]]),
            ]),
        ]
        return ExportOutline(title: w["stats.title"], notices: notices, sections: sections, catalogue: w)
    }

    static func table(_ heading: String, _ cases: String, _ counts: [StatisticsReport.Count]) -> ExportOutline.Block {
        .table(.init(headers: [heading, cases], rows: counts.map { [$0.label, $0.cases.description] }, numericColumns: [1]))
    }

    static func timingRow(_ label: String, _ timing: StatisticsReport.Timing, _ w: Catalogue) -> [String] {
        [label, timing.cases.description, days(timing.medianDays, w), days(timing.p90Days, w)]
    }

    static func days(_ value: Double?, _ w: Catalogue) -> String {
        value.map { w.decimal($0) } ?? w["stats.not-shown"]
    }

    static func escalatedText(_ escalation: StatisticsReport.Escalation, _ w: Catalogue) -> String {
        guard let share = escalation.sharePercent else { return escalation.escalated.description }
        return w["stats.escalated-share", values: ["count": escalation.escalated.description, "percent": w.decimal(share)]]
    }
}
