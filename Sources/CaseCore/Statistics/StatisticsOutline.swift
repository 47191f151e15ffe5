import Foundation

/// The statistics report laid out as an ``ExportOutline`` for Markdown and HTML.
public enum StatisticsOutline {
    public static func make(_ report: StatisticsReport) -> ExportOutline {
        let period = "\(report.from ?? "the first case") to \(report.to)"
        let notices = [
            "Anonymised statistics of the cases received from \(period) (dates of receipt, UTC). "
                + "No names, case ids, pseudonyms or case text are included.",
            "Counts from 1 to \(report.suppressionThreshold - 1) are shown as \(StatCell.suppressedText); "
                + "\(StatCell.withheldText) marks a count withheld so that a small count cannot be worked out from a total.",
            "Generated \(ExportDates.minute(report.generatedAt)).",
        ]
        let sections: [ExportOutline.Section] = [
            .init("Overview", [.fields([
                .init("Cases received", report.totalCases.description),
                .init("Still open", report.openCases.description),
                .init("Open and overdue", report.overdue.cases.description),
                .init("Escalated", escalatedText(report.escalation)),
            ])]),
            .init("By category", [
                table("Category", report.byCategory),
                .note("A case can have several categories, so these counts do not add up to the total."),
            ]),
            .init("By triage band", [table("Band", report.byBand)]),
            .init("By the reporter's relationship to the organisation", [table("Relationship", report.byRelationship)]),
            .init("By channel", [table("Channel", report.byChannel)]),
            .init("By month of receipt", report.byMonth.isEmpty ? [.note("No cases in this period.")] : [table("Month", report.byMonth)]),
            .init("Response times", [
                .table(.init(
                    headers: ["Milestone", "Cases", "Median days", "90th percentile days"],
                    rows: [timingRow("Acknowledgement of receipt", report.timeToAcknowledge),
                           timingRow("First contact with the reporter", report.timeToFirstContact)],
                    numericColumns: [1, 2, 3])),
                .note("Days from receipt. Medians and percentiles (nearest rank) are shown only when at least "
                    + "\(report.suppressionThreshold) cases reached the milestone."),
            ]),
            .init("Overdue", [
                table("Earliest deadline missed", report.overdue.byDeadline),
                .note("Open cases whose earliest deadline had passed on \(ExportDates.minute(report.generatedAt)), by that deadline."),
            ]),
            .init("Escalation", [
                table("Highest level reached", report.escalation.byLevel),
                .note("Escalation ladder: complaints team, head of department, higher management, external complaints committee."),
            ]),
        ]
        return ExportOutline(title: "Case statistics", notices: notices, sections: sections)
    }

    static func table(_ heading: String, _ counts: [StatisticsReport.Count]) -> ExportOutline.Block {
        .table(.init(headers: [heading, "Cases"], rows: counts.map { [$0.label, $0.cases.description] }, numericColumns: [1]))
    }

    static func timingRow(_ label: String, _ timing: StatisticsReport.Timing) -> [String] {
        [label, timing.cases.description, days(timing.medianDays), days(timing.p90Days)]
    }

    static func days(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "not shown"
    }

    static func escalatedText(_ escalation: StatisticsReport.Escalation) -> String {
        escalation.escalated.description + (escalation.sharePercent.map { " (\(String(format: "%.1f", $0))% of cases)" } ?? "")
    }
}
