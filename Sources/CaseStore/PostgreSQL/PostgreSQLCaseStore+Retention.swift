import CaseCore
import Foundation

/// Retention (purge of expired closed cases, leaving anonymised traces) and backups.
extension PostgreSQLCaseStore {
    public func purgeCandidates(now: Date) throws -> [PurgeCandidate] {
        guard session.role == .counselor else { throw StoreError.notPermitted(.key("permission.purge-list")) }
        let retention = evaluator.policy.retention
        let calendar = evaluator.deadlines.calendar
        return try read { tx in
            try tx.rows("""
                SELECT id, status, closedAt, sealedDetails, sealedCopy, sealedReview FROM casefile
                WHERE status IN ('closed', 'screened-out', 'withdrawn') AND closedAt IS NOT NULL AND NOT legalHold
                ORDER BY closedAt, id
                """).compactMap { row -> PurgeCandidate? in
                let key: String = try row.get("id")
                // The outcome is sealed; a case whose keys the session does not hold is not judged by it.
                guard let id = CaseID(key) else { return nil }
                let keys = try heldKeys(tx, id)
                guard keys[.content] != nil else { return nil }
                let outcome = try SealedDetails.open(details: try row.get("sealedDetails", as: Data?.self),
                                                     copy: try row.get("sealedCopy", as: Data?.self),
                                                     review: try row.get("sealedReview", as: Data?.self), key: key, keys: keys)?.outcome
                let closedAt = try row.date("closedAt")
                let expiry = calendar.date(byAdding: .day, value: retention.days(for: outcome), to: closedAt)!
                // A row changed on the server (an old close date, a lifted hold) is never purged on its word.
                guard expiry <= now, try rowIsIntact(tx, key) else { return nil }
                return PurgeCandidate(id: id, status: CaseStatus(rawValue: try row.get("status")) ?? .closed, outcome: outcome,
                                      closedAt: closedAt, expiredAt: expiry)
            }
        }
    }

    public func purge(_ ids: [CaseID], now: Date) throws -> Int {
        try checkCanWrite()
        let expired = Set(try purgeCandidates(now: now).map(\.id))
        for id in ids where !expired.contains(id) {
            throw StoreError.notPermitted(.key("permission.not-due", ["id": .text(id.description)]))
        }
        return try write { tx in
            for id in ids {
                try checkRowIntact(tx, id)
                let item = try loadCase(tx, id, keys: counselorKeys(tx, id), unseal: false)
                // Dates kept to the month only.
                let month = { (date: Date) in String(DateText.databaseTimestamp(date).prefix(7)) + "-01 00:00:00.000" }
                try tx.run("""
                    INSERT INTO purgedCase (id, receivedAt, closedAt, channel, relationship, categories, band, status, outcome,
                        escalationLevel, purgedAt)
                    SELECT (SELECT COALESCE(MAX(id), 0) + 1 FROM purgedCase), $1, $2, channel, relationship, categories, band,
                        status, $3, escalationLevel, $4
                    FROM casefile WHERE id = $5 AND NOT legalHold
                    """, month(item.receivedAt), item.closedAt.map(month), item.outcome?.rawValue, month(now), id.description)
                try tx.run("DELETE FROM casefile WHERE id = $1 AND NOT legalHold", id.description)
                try PostgresAuditLog.append(tx, actor: session.account, action: "purge", caseId: id.description,
                                            detail: "retention period over: sealed data, parties and journal removed", at: now,
                                            headKey: headKey)
            }
            return ids.count
        }
    }

    public func purgedTraces() throws -> [PurgedTrace] {
        guard session.role == .counselor else { throw StoreError.notPermitted(.key("permission.purge-traces")) }
        return try read { tx in
            try tx.rows("SELECT * FROM purgedCase ORDER BY id").map {
                PurgedTrace(
                    receivedAt: try $0.date("receivedAt"), closedAt: try $0.optionalDate("closedAt"),
                    channel: Channel(rawValue: try $0.get("channel")) ?? .complaint,
                    relationship: Relationship(rawValue: try $0.get("relationship")) ?? .other,
                    categories: Self.split(try $0.get("categories")),
                    band: try $0.get("band", as: String?.self).flatMap(Band.init(rawValue:)),
                    status: CaseStatus(rawValue: try $0.get("status")) ?? .closed,
                    outcome: try $0.get("outcome", as: String?.self).flatMap(Outcome.init(rawValue:)),
                    escalationLevel: try $0.get("escalationLevel", as: String?.self).flatMap(EscalationLevel.init(rawValue:)))
            }
        }
    }

    /// A database on a server is backed up there (its dumps hold only sealed fields, see docs/THREATS.md), or copied
    /// into a database file with `confidant migrate`.
    public func backup(to path: String, overwrite: Bool, now: Date) throws -> BackupReceipt {
        throw StoreError.notPermitted(.key("permission.server-backup"))
    }
}
