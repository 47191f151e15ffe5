import Foundation

/// The statistics report as one CSV table: `section,key,label,value`, one row per figure, written with
/// ``CSVWriter`` (formula-neutralised, RFC 4180).
public enum StatisticsCSV {
    public static func render(_ report: StatisticsReport) -> String {
        var writer = CSVWriter(header: ["section", "key", "label", "value"])
        writer.append(["report", "from", "First day of receipt", report.from ?? ""])
        writer.append(["report", "to", "Last day of receipt", report.to])
        writer.append(["report", "generated_at", "Generated", report.generatedAt])
        writer.append(["report", "suppression_threshold", "Counts below this are shown as <5", String(report.suppressionThreshold)])
        writer.append(["overview", "total", "Cases received", report.totalCases.description])
        writer.append(["overview", "open", "Still open", report.openCases.description])
        writer.append(["overview", "overdue", "Open and overdue", report.overdue.cases.description])
        writer.append(["overview", "escalated", "Escalated", report.escalation.escalated.description])
        writer.append(["overview", "escalated_share_percent", "Escalated, % of cases",
                       report.escalation.sharePercent.map { String(format: "%.1f", $0) } ?? ""])
        func rows(_ section: String, _ counts: [StatisticsReport.Count]) {
            for count in counts { writer.append([section, count.key, count.label, count.cases.description]) }
        }
        rows("category", report.byCategory)
        rows("band", report.byBand)
        rows("relationship", report.byRelationship)
        rows("channel", report.byChannel)
        rows("month", report.byMonth)
        for (section, timing) in [("time_to_acknowledge", report.timeToAcknowledge), ("time_to_first_contact", report.timeToFirstContact)] {
            writer.append([section, "cases", "Cases that reached it", timing.cases.description])
            writer.append([section, "median_days", "Median days", timing.medianDays.map { String(format: "%.1f", $0) } ?? ""])
            writer.append([section, "p90_days", "90th percentile days", timing.p90Days.map { String(format: "%.1f", $0) } ?? ""])
        }
        rows("overdue", report.overdue.byDeadline)
        rows("escalation_level", report.escalation.byLevel)
        return writer.text
    }
}
