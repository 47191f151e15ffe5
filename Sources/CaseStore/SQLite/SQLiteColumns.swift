import Foundation
import GRDB
import GRDBSQLite

/// The current row of a statement read through SQLite's own C functions, for the loops that read every case: GRDB's
/// general decoding of a column costs far more than the column itself when a listing reads 100,000 rows of a dozen.
/// Use it only on the statement a cursor is stepping, between two steps.
struct SQLiteColumns {
    let statement: SQLiteStatement

    init(_ statement: Statement) { self.statement = statement.sqliteStatement }

    func isNull(_ index: Int) -> Bool { sqlite3_column_type(statement, CInt(index)) == SQLITE_NULL }

    func int(_ index: Int) -> Int? { isNull(index) ? nil : Int(sqlite3_column_int64(statement, CInt(index))) }

    func double(_ index: Int) -> Double? { isNull(index) ? nil : sqlite3_column_double(statement, CInt(index)) }

    func bool(_ index: Int) -> Bool { sqlite3_column_int64(statement, CInt(index)) != 0 }

    func text(_ index: Int) -> String? {
        guard let bytes = sqlite3_column_text(statement, CInt(index)) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, CInt(index)))), as: UTF8.self)
    }

    /// The case at the position an ``EnumColumn/position(of:_:)`` column gave, or nil.
    func value<T: CaseIterable>(_ index: Int, _: T.Type) -> T? where T.AllCases == [T] {
        guard let position = int(index), T.allCases.indices.contains(position) else { return nil }
        return T.allCases[position]
    }

    /// A stored timestamp (see ``DatabaseTimestamp``), or nil for NULL.
    func date(_ index: Int) -> Date? { DatabaseTimestamp.date(statement, at: index) }

    /// Whether the text of a column sorts before `other` as SQLite sorts texts (byte by byte), without making a string.
    func text(_ index: Int, precedes other: String) -> Bool {
        guard let bytes = sqlite3_column_text(statement, CInt(index)) else { return true }
        let count = Int(sqlite3_column_bytes(statement, CInt(index)))
        return UnsafeBufferPointer(start: bytes, count: count).lexicographicallyPrecedes(other.utf8)
    }
}
