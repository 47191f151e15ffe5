import CaseCore
import Foundation
import GRDB

/// `audit verify` over a whole database: every case row's seal checked in one pass (two queries, not two per case).
extension SQLiteCaseStore {
    /// Case rows that no longer match their seal (see ``rowIsIntact(_:_:)``, the rule for one row).
    public func tamperedCases() throws -> [CaseID] {
        try read { db in
            var journals: [String: (count: Int, last: Int64)] = [:]
            let counts = try Row.fetchCursor(db, sql: "SELECT caseId, COUNT(*), MAX(id) FROM journal GROUP BY caseId")
            while let row = try counts.next() { journals[row[0]] = (row[1], row[2]) }
            let sealsInForce = try sealsInForce(db)
            var tampered: [CaseID] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, rowSeal, \(Self.rowSealColumns) FROM casefile ORDER BY year, seq")
            while let row = try rows.next() {
                let id: String = row[0]
                let stored: String? = row[1]
                if stored == nil, !sealsInForce { continue }
                // The same text as rowSeal(_:_:) seals: the id, each sealed column as SQLite gives it, the journal's extent.
                var fields = [id]
                for index in 2..<row.count { fields.append((row[index] as DatabaseValue).description) }
                let journal = journals[id] ?? (0, 0)
                fields.append("journal \(journal.count) up to \(journal.last)")
                if stored != mac(fields.joined(separator: "\u{1F}")), let caseID = CaseID(id) { tampered.append(caseID) }
            }
            return tampered
        }
    }
}
