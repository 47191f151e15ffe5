import Foundation

/// The calendar fields of an instant, found by arithmetic (Howard Hinnant's days-from-civil algorithm on the
/// proleptic Gregorian calendar) instead of `Calendar.dateComponents`, which costs microseconds: the command line
/// prints dates a hundred thousand times.
public struct CivilTime: Equatable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    /// The instants the arithmetic is used for: 1601-01-01 to 9999-12-31 UTC. Foundation's Gregorian calendar switches to
    /// the Julian one before 1582, so earlier dates (and absurd ones) go through `Calendar`.
    static let range: ClosedRange<Double> = -11_644_473_600 ... 253_402_300_799

    /// The fields of a count of whole seconds since 1970-01-01 00:00 (in whatever zone the count was shifted to).
    public init(secondsSince1970 seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        (year, month, day) = Self.civil(fromDays: days)
        hour = rest / 3_600
        minute = rest % 3_600 / 60
        second = rest % 60
    }

    /// The fields of `date` in `calendar`'s time zone, or nil when the calendar is not Gregorian or the date is out of
    /// ``range``.
    public init?(_ date: Date, calendar: Calendar) {
        let since1970 = date.timeIntervalSince1970
        guard calendar.identifier == .gregorian, Self.range.contains(since1970) else { return nil }
        let offset = calendar.timeZone.secondsFromGMT(for: date)
        self.init(secondsSince1970: Int(since1970.rounded(.down)) + offset)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `2026-10-02`
    public var dayText: String { text(minutes: false) }

    /// `2026-10-02 09:30`
    public var minuteText: String { text(minutes: true) }

    /// `2026-10-02T09:30:00Z` (the fields of a UTC time).
    public var timestampText: String { text(minutes: true, separator: "T", seconds: true) }

    private func text(minutes: Bool, separator: Unicode.Scalar = " ", seconds: Bool = false) -> String {
        guard (0...9999).contains(year) else {
            var text = String(year) + "-" + Self.padded(month) + "-" + Self.padded(day)
            if minutes { text += String(separator) + Self.padded(hour) + ":" + Self.padded(minute) }
            if seconds { text += ":" + Self.padded(second) + "Z" }
            return text
        }
        // Written in place: no intermediate array, one allocation at most.
        let count = 10 + (minutes ? 6 : 0) + (seconds ? 4 : 0)
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            func put(_ value: Int, _ digits: Int) {
                var divisor = digits == 4 ? 1_000 : 10
                while divisor > 0 {
                    buffer[index] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
                    index += 1
                    divisor /= 10
                }
            }
            func put(_ character: Unicode.Scalar) {
                buffer[index] = UInt8(ascii: character)
                index += 1
            }
            put(year, 4); put("-"); put(month, 2); put("-"); put(day, 2)
            if minutes { put(separator); put(hour, 2); put(":"); put(minute, 2) }
            if seconds { put(":"); put(second, 2); put("Z") }
            return index
        }
    }

    private static func padded(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
