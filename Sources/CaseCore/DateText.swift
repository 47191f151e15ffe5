import Foundation

/// ISO-8601 dates as used in files and on the command line: `2026-10-02T09:30:00Z` or a plain `2026-10-02`.
public enum DateText {
    /// Parses a timestamp or a plain date (taken as midnight UTC). Only real calendar dates: `2026-02-30` is
    /// refused, not rolled over into March, wherever a date comes from (a file, an import, the command line).
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let day = plainDay(String(trimmed.prefix(10))) else { return nil }
        if trimmed.count == 10 { return day }
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        return nil
    }

    /// `YYYY-MM-DD` as midnight UTC, when it names a day that exists.
    static func plainDay(_ text: String) -> Date? {
        guard text.count == 10, let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()),
              day(date) == text else { return nil }
        return date
    }

    /// `2026-10-02T09:30:00Z`
    public static func timestamp(_ date: Date) -> String {
        if let civil = CivilTime(date, calendar: .utc) { return civil.timestampText }
        return date.formatted(.iso8601)
    }

    /// `2026-10-02` in the given calendar's time zone.
    public static func day(_ date: Date, calendar: Calendar = .utc) -> String {
        if let civil = CivilTime(date, calendar: calendar) { return civil.dayText }
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// `2026-10-02 09:30` in the given calendar's time zone.
    public static func minute(_ date: Date, calendar: Calendar = .utc) -> String {
        if let civil = CivilTime(date, calendar: calendar) { return civil.minuteText }
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return day(date, calendar: calendar) + String(format: " %02d:%02d", c.hour!, c.minute!)
    }
}

extension DateText {
    /// ``DateText/day(_:calendar:)`` and ``DateText/minute(_:calendar:)`` for the many dates of a listing: the zone's
    /// offset is found once when the zone has only one (UTC), else for each date.
    public struct Printer: Sendable {
        let calendar: Calendar
        let fixedOffset: Int?

        public init(calendar: Calendar) {
            self.calendar = calendar
            fixedOffset = CivilTime.fixedOffset(of: calendar)
        }

        func civil(_ date: Date) -> CivilTime? {
            let since1970 = date.timeIntervalSince1970
            guard let fixedOffset, CivilTime.range.contains(since1970) else { return nil }
            return CivilTime(secondsSince1970: Int(since1970.rounded(.down)) + fixedOffset)
        }

        public func day(_ date: Date) -> String { civil(date)?.dayText ?? DateText.day(date, calendar: calendar) }

        public func minute(_ date: Date) -> String { civil(date)?.minuteText ?? DateText.minute(date, calendar: calendar) }

        /// Months since the year 0 (year × 12 + month − 1), when found by arithmetic; nil otherwise.
        func monthNumber(_ date: Date) -> Int? { civil(date).map { $0.year * 12 + $0.month - 1 } }
    }

    /// The timestamp text the database stores (millisecond precision, UTC).
    public static func databaseTimestamp(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d.%03d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!,
                      c.nanosecond! / 1_000_000)
    }
}
