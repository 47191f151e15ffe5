import CaseCore
import Foundation
import GRDB
import GRDBSQLite

/// Reads the timestamps the store writes (`2026-10-02 09:30:00.000`, UTC) by arithmetic: GRDB's general decoding goes
/// through `Calendar` and costs microseconds per date, which adds up when deadlines are computed for every open case.
/// The same `Date` as GRDB's decoding, which remains the fallback for any other form.
enum DatabaseTimestamp {
    /// The date in a column of the statement's current row, read in place from SQLite's text (no string or data is
    /// made for it); GRDB decodes any other form. Nil for NULL.
    static func date(_ sqlite: SQLiteStatement, at index: Int) -> Date? {
        let column = CInt(index)
        if sqlite3_column_type(sqlite, column) == SQLITE_TEXT, let text = sqlite3_column_text(sqlite, column),
           let date = parseBytes(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqlite, column)))) {
            return date
        }
        return Date.fromDatabaseValue(DatabaseValue(sqliteStatement: sqlite, index: column))
    }

    /// `YYYY-MM-DD HH:MM:SS.SSS` or `YYYY-MM-DD HH:MM:SS` as text (another engine's column); nil for anything else.
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8(parseBytes)
    }

    /// `YYYY-MM-DD HH:MM:SS.SSS` or `YYYY-MM-DD HH:MM:SS`; nil for anything else (or a day that does not exist).
    static func parseBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 19 || bytes.count == 23,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
              let minute = number(14, 2), let second = number(17, 2),
              (1601...9999).contains(year), (1...12).contains(month), day >= 1, day <= CivilTime.daysIn(month: month, year: year), hour < 24, minute < 60, second < 60 else { return nil }
        var milliseconds = 0
        if bytes.count == 23 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = number(20, 3) else { return nil }
            milliseconds = fraction
        }
        // Added in the order Foundation's Calendar adds them (the day's start since 2001, then the time of day with its
        // fraction), so the Date is GRDB's to the last bit.
        let dayStart = (CivilTime.days(year: year, month: month, day: day) - 11_323) * 86_400
        let timeOfDay = Double(hour * 3_600 + minute * 60 + second) + Double(milliseconds * 1_000_000) / 1_000_000_000
        return Date(timeIntervalSinceReferenceDate: Double(dayStart) + timeOfDay)
    }
}
