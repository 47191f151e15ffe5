import Foundation

/// `Calendar.date(byAdding:)` for days and months, by arithmetic when the calendar is Gregorian in a zone with a single
/// fixed offset (UTC, as on servers and in CI); any other calendar or zone goes through `Calendar`, which costs
/// microseconds per call: deadlines are computed for every open case when the alerts are shown.
public struct CalendarArithmetic: Sendable {
    public let calendar: Calendar
    /// Seconds from GMT when the zone has only ever had that one.
    let fixedOffset: Int?

    public init(_ calendar: Calendar) {
        self.calendar = calendar
        fixedOffset = CivilTime.fixedOffset(of: calendar)
    }

    /// The same wall-clock time `days` days later (earlier when negative).
    public func adding(days: Int, to date: Date) -> Date {
        guard fixedOffset != nil, CivilTime.range.contains(date.timeIntervalSince1970 + Double(days) * 86_400),
              CivilTime.range.contains(date.timeIntervalSince1970) else {
            return calendar.date(byAdding: .day, value: days, to: date)!
        }
        return date.addingTimeInterval(Double(days) * 86_400)
    }

    /// The same day and time `months` months later, on the month's last day when it is shorter (31 January + 1 month
    /// is 28 or 29 February), as `Calendar` does.
    public func adding(months: Int, to date: Date) -> Date {
        let since1970 = date.timeIntervalSince1970
        guard let offset = fixedOffset, CivilTime.range.contains(since1970) else {
            return calendar.date(byAdding: .month, value: months, to: date)!
        }
        // Whole seconds and the fraction as Foundation keeps them: since 2001-01-01.
        let sinceReference = date.timeIntervalSinceReferenceDate
        let whole = sinceReference.rounded(.down)
        let start = CivilTime(secondsSince1970: Int(whole) + 978_307_200 + offset)
        let monthIndex = start.year * 12 + start.month - 1 + months
        let year = monthIndex / 12, month = monthIndex % 12 + 1
        guard (1601...9999).contains(year) else { return calendar.date(byAdding: .month, value: months, to: date)! }
        let day = min(start.day, CivilTime.daysIn(month: month, year: year))
        let local = CivilTime.days(year: year, month: month, day: day) * 86_400 + start.hour * 3_600 + start.minute * 60 + start.second
        return Date(timeIntervalSinceReferenceDate: Double(local - offset - 978_307_200) + (sinceReference - whole))
    }
}

extension CivilTime {
    /// Seconds from GMT of a Gregorian calendar whose zone has only ever had that one offset (UTC), else nil.
    static func fixedOffset(of calendar: Calendar) -> Int? {
        let zone = calendar.timeZone
        let everChanges = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: range.lowerBound)) != nil
        return calendar.identifier == .gregorian && !everChanges ? zone.secondsFromGMT() : nil
    }

    /// Days in a month of the Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
