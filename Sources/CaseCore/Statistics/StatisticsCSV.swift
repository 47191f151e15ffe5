import Foundation

/// The statistics report as one CSV table: `section,key,label,value`, one row per figure, written with
/// ``CSVWriter`` (formula-neutralised, RFC 4180). Sections, keys, values and dates stay as they are in every
/// language; only the `label` column is in the catalogue's.
public enum StatisticsCSV {
    public static func render(_ report: StatisticsReport, catalogue w: Catalogue = .english) -> String {
        var writer = CSVWriter(header: ["section", "key", "label", "value"])
        writer.append(["report", "from", w["stats.csv.from"], report.from ?? ""])
        writer.append(["report", "to", w["stats.csv.to"], report.to])
        writer.append(["report", "generated_at", w["stats.csv.generated"], report.generatedAt])
        writer.append(["report", "suppression_threshold", w["stats.csv.threshold"], String(report.suppressionThreshold)])
        writer.append(["overview", "total", w["stats.field.received"], report.totalCases.description])
        writer.append(["overview", "open", w["stats.field.open"], report.openCases.description])
        writer.append(["overview", "overdue", w["stats.field.overdue"], report.overdue.cases.description])
        writer.append(["overview", "escalated", w["stats.field.escalated"], report.escalation.escalated.description])
        writer.append(["overview", "escalated_share_percent", w["stats.csv.escalated-share"],
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
            writer.append([section, "cases", w["stats.csv.cases-reached"], timing.cases.description])
            writer.append([section, "median_days", w["stats.header.median"], timing.medianDays.map { String(format: "%.1f", $0) } ?? ""])
            writer.append([section, "p90_days", w["stats.header.p90"], timing.p90Days.map { String(format: "%.1f", $0) } ?? ""])
        }
        rows("overdue", report.overdue.byDeadline)
        rows("escalation_level", report.escalation.byLevel)
        return writer.text
    }
}
