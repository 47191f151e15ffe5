import CaseCore
import Foundation
import GRDB

/// `audit verify` over a whole database: every case row's seal checked in one pass (two queries, not two per case).
extension SQLiteCaseStore {
    /// Case rows that no longer match their seal (see ``rowIsIntact(_:_:)``, the rule for one row).
    public func tamperedCases() throws -> [CaseID] {
        try read { db in
            var journals: [String: (count: Int, last: Int64)] = [:]
            journals.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM casefile INDEXED BY casefile_statistics") ?? 0)
            let counts = try Row.fetchCursor(db, sql: "SELECT caseId, COUNT(*), MAX(id) FROM journal GROUP BY caseId")
            while let row = try counts.next() { journals[row[0]] = (row[1], row[2]) }
            let sealsInForce = try sealsInForce(db)
            var tampered: [CaseID] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, rowSeal, \(try sealedColumns(db)) FROM casefile ORDER BY year, seq")
            while let row = try rows.next() {
                let id: String = row[0]
                let stored: String? = row[1]
                if stored == nil, !sealsInForce { continue }
                // The same text as rowSeal(_:_:) seals: the id, each sealed column as SQLite gives it, the journal's extent.
                var fields = [id]
                for index in 2..<row.count { fields.append(Self.sealText(row[index])) }
                let journal = journals[id] ?? (0, 0)
                fields.append("journal \(journal.count) up to \(journal.last)")
                if stored != mac(fields.joined(separator: "\u{1F}")), let caseID = CaseID(id) { tampered.append(caseID) }
            }
            return tampered
        }
    }

    /// Accounts whose role no longer matches its seal.
    public func tamperedAccounts() throws -> [String] {
        try read { db in
            let sealsInForce = try sealsInForce(db)
            return try Row.fetchAll(db, sql: "SELECT account, role, roleSeal FROM keyslot ORDER BY rowid").compactMap { row in
                let account: String = row[0], seal: String? = row[2]
                guard let role = Role(rawValue: row[1]) else { return seal == nil && !sealsInForce ? nil : account }
                return roleIsIntact(account: account, role: role, seal: seal, sealsInForce: { sealsInForce }) ? nil : account
            }
        }
    }

    /// `DatabaseValue.description`, the text a row seal covers (``rowSeal(_:_:)``), without going through
    /// `String(reflecting:)` for the plain ASCII texts the sealed columns hold: quoted as it would quote them.
    static func sealText(_ value: DatabaseValue) -> String {
        if case let .string(text) = value.storage,
           text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        return value.description
    }
}
