import Foundation

/// Dates as exports print them: `2026-10-02 09:30 UTC`, always in UTC so a file reads the same everywhere.
public enum ExportDates {
    public static func minute(_ date: Date) -> String {
        DateText.minute(date, calendar: .utc) + " UTC"
    }

    /// A document timestamp (`2026-10-02T09:30:00Z`) re-printed; text that is not a date is returned as it is.
    public static func minute(_ timestamp: String) -> String {
        DateText.parse(timestamp).map(minute) ?? timestamp
    }
}
