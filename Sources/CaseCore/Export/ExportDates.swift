import Foundation

/// Dates as exports print them, in the export's language and always in UTC so a file reads the same everywhere:
/// `2 October 2026 09:30 UTC`, `2 octobre 2026 à 09:30 UTC`. JSON and CSV keep ISO dates.
public enum ExportDates {
    public static func minute(_ date: Date, _ catalogue: Catalogue = .english) -> String {
        catalogue["export.date", values: ["date": catalogue.minute(date, calendar: .utc)]]
    }

    /// A document timestamp (`2026-10-02T09:30:00Z`) re-printed; text that is not a date is returned as it is.
    public static func minute(_ timestamp: String, _ catalogue: Catalogue = .english) -> String {
        DateText.parse(timestamp).map { minute($0, catalogue) } ?? timestamp
    }

    /// A document day (`2026-10-02`) in words (`2 October 2026`); text that is not a date is returned as it is.
    public static func day(_ day: String, _ catalogue: Catalogue = .english) -> String {
        DateText.parse(day).map { catalogue.day($0, calendar: .utc) } ?? day
    }
}
