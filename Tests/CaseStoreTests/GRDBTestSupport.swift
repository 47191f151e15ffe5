import Foundation
import GRDB

/// Raw database helpers for the backup tests.
enum GRDBTestSupport {
    /// A valid SQLite file that is not a Confidant database.
    static func makeForeignDatabase(at path: String) throws -> Bool {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')") }
        try queue.close()
        return true
    }

    static func execute(at path: String, sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// One blob read straight from the file, as someone with sqlite3 would.
    static func value(at path: String, sql: String) throws -> Data {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try Data.fetchOne(db, sql: sql) } ?? Data()
    }
}
