import CaseCore
import Foundation
import Testing

/// Dates printed and deadlines computed by arithmetic are exactly what `Calendar` gives, in any zone.
@Suite("Dates by arithmetic")
struct CivilTimeTests {
    /// Instants from 1700 to 2400 with milliseconds, the same every run, and the edges that break naive arithmetic.
    static let instants: [Date] = {
        var generator = SplitMix(seed: 42)
        var dates = (0..<4_000).map { _ in
            Date(timeIntervalSince1970: Double(generator.next() % 21_000_000_000) - 8_000_000_000 + Double(generator.next() % 1000) / 1000)
        }
        dates += ["1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2000-02-29T12:00:00Z", "2024-01-31T23:30:00Z",
                  "2100-02-28T00:00:00Z", "2026-03-29T01:30:00Z", "2026-10-25T00:59:59Z", "2026-12-31T23:59:59Z"]
            .map { DateText.parse($0)! }
        dates.append(Date(timeIntervalSince1970: -0.5))
        dates.append(Date(timeIntervalSince1970: 1_790_000_000.999))
        return dates
    }()

    static let zones = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"]

    static func calendar(_ zone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar
    }

    /// What DateText printed before it did the arithmetic itself.
    static func foundationMinute(_ date: Date, _ calendar: Calendar) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    @Test("Day, minute and timestamp texts are Foundation's", arguments: zones)
    func texts(zone: String) {
        let calendar = Self.calendar(zone)
        let printer = DateText.Printer(calendar: calendar)
        for date in Self.instants {
            let expected = Self.foundationMinute(date, calendar)
            #expect(DateText.minute(date, calendar: calendar) == expected, "\(date.timeIntervalSince1970) in \(zone)")
            #expect(DateText.day(date, calendar: calendar) == String(expected.prefix(10)))
            #expect(printer.minute(date) == expected && printer.day(date) == String(expected.prefix(10)))
        }
        if zone == "UTC" {
            for date in Self.instants { #expect(DateText.timestamp(date) == date.formatted(.iso8601)) }
        }
    }

    @Test("Adding days and months gives Calendar's date, to the last bit",
          arguments: ["UTC", "GMT+0530", "Europe/Paris", "Asia/Kolkata"])
    func arithmetic(zone: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(secondsFromGMT: 19_800)!
        let arithmetic = CalendarArithmetic(calendar)
        for (index, date) in Self.instants.enumerated() {
            let days = [1, 2, 14, 30, 365, -3][index % 6]
            let months = [1, 3, 6, 12, -1, 25][index % 6]
            #expect(arithmetic.adding(days: days, to: date) == calendar.date(byAdding: .day, value: days, to: date)!,
                    "\(date.timeIntervalSince1970) + \(days) days in \(zone)")
            #expect(arithmetic.adding(months: months, to: date) == calendar.date(byAdding: .month, value: months, to: date)!,
                    "\(date.timeIntervalSince1970) + \(months) months in \(zone)")
        }
    }

    @Test("Case ids are written with at least four digits")
    func caseIDs() {
        #expect(CaseID(year: 2026, number: 42).description == "C-2026-0042")
        #expect(CaseID(year: 2026, number: 1).description == "C-2026-0001")
        #expect(CaseID(year: 2031, number: 9_999).description == "C-2031-9999")
        #expect(CaseID(year: 2031, number: 123_456).description == "C-2031-123456")
        #expect(CaseID("C-2031-123456")?.description == "C-2031-123456")
    }

    @Test("The end of a month stays the end of a shorter one, as Calendar has it")
    func monthEnds() {
        let arithmetic = CalendarArithmetic(.utc)
        #expect(arithmetic.adding(months: 1, to: DateText.parse("2026-01-31T09:00:00Z")!) == DateText.parse("2026-02-28T09:00:00Z")!)
        #expect(arithmetic.adding(months: 1, to: DateText.parse("2028-01-31T09:00:00Z")!) == DateText.parse("2028-02-29T09:00:00Z")!)
        #expect(arithmetic.adding(months: 3, to: DateText.parse("2026-11-30T23:59:59Z")!) == DateText.parse("2027-02-28T23:59:59Z")!)
    }
}

/// A small seeded generator (SplitMix64), so the instants are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
