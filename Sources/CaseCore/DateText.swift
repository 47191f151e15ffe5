import Foundation

/// ISO-8601 dates as used in files and on the command line: `2026-10-02T09:30:00Z` or a plain `2026-10-02`.
public enum DateText {
    /// Parses a timestamp or a plain date (taken as midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        return nil
    }

    /// `2026-10-02T09:30:00Z`
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// `2026-10-02` in the given calendar's time zone.
    public static func day(_ date: Date, calendar: Calendar = .utc) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// `2026-10-02 09:30` in the given calendar's time zone.
    public static func minute(_ date: Date, calendar: Calendar = .utc) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return day(date, calendar: calendar) + String(format: " %02d:%02d", c.hour!, c.minute!)
    }
}

extension DateText {
    /// The timestamp text the database stores (millisecond precision, UTC).
    public static func databaseTimestamp(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d.%03d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!,
                      c.nanosecond! / 1_000_000)
    }
}
