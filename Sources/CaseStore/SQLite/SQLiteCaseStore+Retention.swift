import CaseCore
import Foundation
import GRDB

extension SQLiteCaseStore {
    public func purgeCandidates(now: Date) throws -> [PurgeCandidate] {
        guard session.role == .counselor else { throw StoreError.notPermitted(.key("permission.purge-list")) }
        let retention = evaluator.policy.retention
        let calendar = evaluator.deadlines.calendar
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, status, outcome, closedAt, sealedDetails, sealedCopy, sealedReview FROM casefile
                WHERE status IN ('closed', 'screened-out', 'withdrawn') AND closedAt IS NOT NULL AND legalHold = 0
                ORDER BY closedAt, id
                """).compactMap { row -> PurgeCandidate? in
                // The outcome is sealed (it was plain in older rows); a case whose keys the session does not hold is
                // not judged by it.
                guard let id = CaseID(row["id"]) else { return nil }
                let keys = try heldKeys(db, id)
                guard keys[.content] != nil else { return nil }
                let sealedOutcome = try details(row, key: row["id"], keys: keys)?.outcome
                let outcome = sealedOutcome ?? (row["outcome"] as String?).flatMap(Outcome.init(rawValue:))
                let closedAt: Date = row["closedAt"]
                let expiry = calendar.date(byAdding: .day, value: retention.days(for: outcome), to: closedAt)!
                // A row changed outside Confidant (an old close date, a lifted hold) is never purged on its word.
                guard expiry <= now, try rowIsIntact(db, row["id"]) else { return nil }
                return PurgeCandidate(id: id, status: CaseStatus(rawValue: row["status"]) ?? .closed, outcome: outcome,
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
        let purged = try write { db in
            for id in ids {
                try checkRowIntact(db, id)
                let outcome = try loadCase(db, id, keys: counselorKeys(db, id), unseal: false).outcome
                try db.execute(sql: """
                    INSERT INTO purgedCase (receivedAt, closedAt, channel, relationship, categories, band, status, outcome, escalationLevel, purgedAt)
                    SELECT strftime('%Y-%m-01 00:00:00.000', receivedAt), strftime('%Y-%m-01 00:00:00.000', closedAt),
                           channel, relationship, categories, band, status, ?, escalationLevel,
                           strftime('%Y-%m-01 00:00:00.000', ?)
                    FROM casefile WHERE id = ? AND legalHold = 0
                    """, arguments: [outcome?.rawValue, now, id.description])
                try db.execute(sql: "DELETE FROM casefile WHERE id = ? AND legalHold = 0", arguments: [id.description])
                try AuditLog.append(db, actor: session.account, action: "purge", caseId: id.description,
                                    detail: "retention period over: sealed data, parties and journal removed", at: now, headKey: headKey)
            }
            return ids.count
        }
        // Deleted pages must not linger: fold the write-ahead log into the file and empty it, then rebuild the file
        // without free pages (secure_delete already zeroes what is deleted).
        if purged > 0 {
            try pool.writeWithoutTransaction { db in
                _ = try db.checkpoint(.truncate)
                try db.execute(sql: "VACUUM")
                _ = try db.checkpoint(.truncate)
            }
        }
        return purged
    }

    public func purgedTraces() throws -> [PurgedTrace] {
        guard session.role == .counselor else { throw StoreError.notPermitted(.key("permission.purge-traces")) }
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM purgedCase ORDER BY id").map {
                PurgedTrace(
                    receivedAt: $0["receivedAt"], closedAt: $0["closedAt"], channel: Channel(rawValue: $0["channel"]) ?? .complaint,
                    relationship: Relationship(rawValue: $0["relationship"]) ?? .other, categories: Self.split($0["categories"]),
                    band: ($0["band"] as String?).flatMap(Band.init(rawValue:)), status: CaseStatus(rawValue: $0["status"]) ?? .closed,
                    outcome: ($0["outcome"] as String?).flatMap(Outcome.init(rawValue:)),
                    escalationLevel: ($0["escalationLevel"] as String?).flatMap(EscalationLevel.init(rawValue:)))
            }
        }
    }
}
