import Foundation

/// Dates as a reader of the language writes them: `28 November 2026`, `28 novembre 2026`, `1er décembre 2026`,
/// `28 de noviembre de 2026`. Files for programs (JSON, CSV) keep ISO dates (``DateText``).
extension Catalogue {
    /// The day: `date.day` with `{day}`, `{month}` (the month's name) and `{year}`.
    public func day(_ date: Date, calendar: Calendar = .utc) -> String {
        words(.day(date, calendar: calendar))
    }

    /// The day and time: `date.minute` with `{date}` and `{time}` (`09:30`).
    public func minute(_ date: Date, calendar: Calendar = .utc) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return self["date.minute", values: ["date": day(date, calendar: calendar), "time": String(format: "%02d:%02d", c.hour!, c.minute!)]]
    }

    /// A month of a year: `November 2026`.
    public func month(year: Int, month: Int) -> String {
        self["date.month", values: ["month": self["month.\(month)"], "year": String(year)]]
    }

    /// The keys dates are written with (see also ``Phrase/day(_:calendar:)``).
    public static let dateKeys: [String] = ["date.day", "date.first-of-month", "date.minute", "date.month"] + (1...12).map { "month.\($0)" }
}

extension Phrase {
    /// A day in words, put into words in the reader's language (`28 November 2026`, `1er décembre 2026`): for a
    /// sentence that carries a date, such as an error.
    public static func day(_ date: Date, calendar: Calendar = .utc) -> Phrase {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return .key("date.day", [
            "day": c.day == 1 ? .key("date.first-of-month") : .text(String(c.day!)),
            "month": .key("month.\(c.month!)"), "year": .text(String(c.year!)),
        ])
    }
}
