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
        followUpDays, needsReassignment, severeOrPervasive, nextDueAt, nextDueKind, outsideWindow, supportDuty,
        queueOpen, queueBand, queueScore, nextDueEpoch, receivedEpoch
        """

    /// The columns seals covered before the queue's own columns (the next deadline, the queue order) were sealed too.
    /// A database sealed that way is resealed with every column at its next login (``sealLegacyRows(_:now:)``).
    static let firstRowSealColumns = """
        status, receivedAt, acknowledgedAt, closedAt, legalHold, consentShareIdentity, escalationLevel, band, score,
        followUpDays, needsReassignment
        """

    /// The columns the seals of this database cover: every behaviour-driving column once its marker says so.
    func sealedColumns(_ db: Database) throws -> String {
        try sealMarker(db) == .first ? Self.firstRowSealColumns : Self.rowSealColumns
    }

    /// The seal a case row should carry, from what it holds now.
    func rowSeal(_ db: Database, _ id: String, columns: String? = nil) throws -> String? {
        let columns = try columns ?? sealedColumns(db)
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM casefile WHERE id = ?", arguments: [id]) else {
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
        if try sealMarker(db) != nil { return true }
        return try Bool.fetchOne(db, sql: """
            SELECT 1 FROM audit WHERE action = 'seal-rows' OR (action = 'init' AND detail LIKE '%rows sealed%') LIMIT 1
            """) ?? false
    }

    /// Which seals the database's marker says its rows carry (an HMAC nobody without the key can write), if any.
    enum SealMarker { case first, every }

    static let everyColumnMarker = "row seals over every behaviour-driving column in force"

    func sealMarker(_ db: Database) throws -> SealMarker? {
        switch try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'rowSeals'") {
        case mac(Self.everyColumnMarker): .every
        case mac("row seals in force"): .first
        default: nil
        }
    }

    func roleSeal(account: String, role: Role) -> String { Self.roleSeal(account: account, role: role, key: rowKey) }

    /// Whether an account's role matches its seal. Until a database's rows were first sealed, a slot without a seal is
    /// taken as it is (`sealsInForce` is asked only then).
    func roleIsIntact(account: String, role: Role, seal: String?, sealsInForce: () throws -> Bool) rethrows -> Bool {
        if seal == roleSeal(account: account, role: role) { return true }
        return try seal == nil && !sealsInForce()
    }

    /// Seals rows written before seals existed, once, at the first login that can (audited). After that, a row
    /// without a seal is a tampered row.
    func sealLegacyRows(_ db: Database, now: Date) throws {
        switch try sealMarker(db) {
        case .every: return
        case .first: return try extendSeals(db, now: now)
        case nil: guard try !sealsInForce(db) else { throw StoreError.tamperedRecord(.key("tampered.seals")) }
        }
        // Rows of older databases hold grounds, conduct tags, ratings, the child flag, incident dates, outcome and
        // screening reason in plain columns, and recusals by account name: rewrite them sealed, once. Each rewritten
        // row is sealed with the transaction (``sealChangedRows(_:)``).
        let ids = try String.fetchAll(db, sql: "SELECT id FROM casefile").compactMap(CaseID.init)
        for id in ids {
            let keys = try heldKeys(db, id)
            try updateRow(db, try loadCase(db, id, keys: keys, unseal: true), keys: keys, now: now)
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
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('rowSeals', ?)", arguments: [mac(Self.everyColumnMarker)])
        try AuditLog.append(db, actor: session.account, action: "seal-rows", caseId: nil,
                            detail: "\(ids.count) case rows and every account's role sealed", at: now, headKey: headKey)
    }

    /// Reseals the rows of a database whose seals covered only the first columns so that they cover every
    /// behaviour-driving column. A row that no longer matches its first seal keeps it, and so stays reported.
    func extendSeals(_ db: Database, now: Date) throws {
        var resealed = 0, kept = 0
        for id in try String.fetchAll(db, sql: "SELECT id FROM casefile") {
            let stored = try String.fetchOne(db, sql: "SELECT rowSeal FROM casefile WHERE id = ?", arguments: [id])
            guard let stored, stored == (try rowSeal(db, id, columns: Self.firstRowSealColumns)) else {
                kept += 1
                continue
            }
            try db.execute(sql: "UPDATE casefile SET rowSeal = ? WHERE id = ?",
                           arguments: [try rowSeal(db, id, columns: Self.rowSealColumns), id])
            resealed += 1
        }
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('rowSeals', ?)", arguments: [mac(Self.everyColumnMarker)])
        try AuditLog.append(db, actor: session.account, action: "seal-rows", caseId: nil,
                            detail: "seals extended to the queue's columns; case rows resealed: \(resealed)"
                                + (kept > 0 ? "; left as they were, no longer matching their seal: \(kept)" : ""),
                            at: now, headKey: headKey)
    }
}
