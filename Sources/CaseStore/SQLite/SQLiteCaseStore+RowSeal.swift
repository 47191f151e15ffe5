import CaseCore
import Crypto
import Foundation
import GRDB

/// The plain columns that drive behaviour — a case's status, dates, legal hold, consent, escalation level, band,
/// score, follow-up interval, and how many journal entries it has up to which id; an account's role — are
/// authenticated with an HMAC under a key derived from the data key. A row changed outside Confidant (closing a case
/// with an old date and lifting its hold so retention purges it; deleting a journal row; flipping a role) no longer
/// matches its seal: it is reported, never obeyed.
extension SQLiteCaseStore {
    static let rowSealColumns = """
        status, receivedAt, acknowledgedAt, closedAt, legalHold, consentShareIdentity, escalationLevel, band, score,
        followUpDays, needsReassignment
        """

    /// The seal a case row should carry, from what it holds now.
    func rowSeal(_ db: Database, _ id: String) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.rowSealColumns) FROM casefile WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let journal = try Row.fetchOne(db, sql: "SELECT COUNT(*), IFNULL(MAX(id), 0) FROM journal WHERE caseId = ?", arguments: [id])!
        var fields = [id]
        for value in row.databaseValues { fields.append(value.description) }
        fields.append("journal \(journal[0] as Int) up to \(journal[1] as Int64)")
        return mac(fields.joined(separator: "\u{1F}"))
    }

    func mac(_ text: String) -> String { Self.mac(text, key: rowKey) }

    static func mac(_ text: String, key: SymmetricKey) -> String { StoreKeys.mac(text, key: key) }

    static func roleSeal(account: String, role: Role, key: SymmetricKey) -> String {
        StoreKeys.roleSeal(account: account, role: role, key: key)
    }

    /// Seals every case row this transaction changed.
    func sealChangedRows(_ db: Database) throws {
        for id in changedRows.take() {
            guard let seal = try rowSeal(db, id) else { continue }
            try db.execute(sql: "UPDATE casefile SET rowSeal = ? WHERE id = ?", arguments: [seal, id])
        }
    }

    /// Whether a case row still matches its seal. Until a database's rows were first sealed (at the first login of
    /// this version), an unsealed row is taken as it is; after that, a row without its seal is a forged one.
    func rowIsIntact(_ db: Database, _ id: String) throws -> Bool {
        let stored = try String.fetchOne(db, sql: "SELECT rowSeal FROM casefile WHERE id = ?", arguments: [id])
        if stored == nil, try !sealsInForce(db) { return true }
        return try stored != nil && stored == rowSeal(db, id)
    }

    func checkRowIntact(_ db: Database, _ id: CaseID) throws {
        guard try rowIsIntact(db, id.description) else { throw StoreError.tampered(id.description) }
    }

    /// Whether this database's rows are sealed: its marker says so, or its audit log does (so removing the marker
    /// does not turn forged rows into "older" ones).
    func sealsInForce(_ db: Database) throws -> Bool {
        if try sealMarkerValid(db) { return true }
        return try Bool.fetchOne(db, sql: """
            SELECT 1 FROM audit WHERE action = 'seal-rows' OR (action = 'init' AND detail LIKE '%rows sealed%') LIMIT 1
            """) ?? false
    }

    /// Whether the database's marker says its rows are sealed (an HMAC nobody without the key can write).
    func sealMarkerValid(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'rowSeals'") == mac("row seals in force")
    }

    func roleSeal(account: String, role: Role) -> String { Self.roleSeal(account: account, role: role, key: rowKey) }

    /// Seals rows written before seals existed, once, at the first login that can (audited). After that, a row
    /// without a seal is a tampered row.
    func sealLegacyRows(_ db: Database, now: Date) throws {
        if try sealMarkerValid(db) { return }
        guard try !sealsInForce(db) else { throw StoreError.tampered("The seals of this database") }
        // Rows of older databases hold grounds, conduct tags, ratings, the child flag, incident dates, outcome and
        // screening reason in plain columns, and recusals by account name: rewrite them sealed, once. Each rewritten
        // row is sealed with the transaction (``sealChangedRows(_:)``).
        let ids = try String.fetchAll(db, sql: "SELECT id FROM casefile").compactMap(CaseID.init)
        for id in ids {
            try updateRow(db, try loadCase(db, id, unseal: true), now: now)
        }
        for row in try Row.fetchAll(db, sql: "SELECT rowid, account FROM recusal") {
            let account: String = row["account"]
            guard account.count != 64 || !account.allSatisfy(\.isHexDigit) else { continue }
            try db.execute(sql: "UPDATE recusal SET account = ? WHERE rowid = ?", arguments: [recusalTag(account), row["rowid"] as Int64])
        }
        for slot in try Row.fetchAll(db, sql: "SELECT account, role FROM keyslot WHERE roleSeal IS NULL") {
            let role = Role(rawValue: slot["role"]) ?? .supervisor
            try db.execute(sql: "UPDATE keyslot SET roleSeal = ? WHERE account = ?", arguments: [roleSeal(account: slot["account"], role: role), slot["account"] as String])
        }
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('rowSeals', ?)", arguments: [mac("row seals in force")])
        try AuditLog.append(db, actor: session.account, action: "seal-rows", caseId: nil,
                            detail: "\(ids.count) case rows and every account's role sealed", at: now, headKey: headKey)
    }
}
