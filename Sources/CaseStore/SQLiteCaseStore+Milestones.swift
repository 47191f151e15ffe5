import CaseCore
import Foundation
import GRDB

/// The dates the statistics report measures from: acknowledgement and first contact of every case.
extension SQLiteCaseStore {
    /// From covering indexes only (the case rows hold sealed blobs): each case's acknowledgement date
    /// (`casefile_milestones`) and its first contact, from one pass over the journal's (case, kind, date) index. Both
    /// come in case-id order and are merged as they come.
    public func caseMilestones() throws -> [CaseID: CaseMilestones] {
        try checkCanRead()
        let contactKinds = JournalEntry.Kind.allCases.filter(\.isContact).map { "'\($0.rawValue)'" }.joined(separator: ",")
        let supervisorOnly = session.role == .supervisor
        return try read { db in
            let contacts = try Row.fetchCursor(db, sql: """
                SELECT caseId, MIN(at) FROM journal INDEXED BY journal_case_kind_at
                WHERE kind IN (\(contactKinds)) GROUP BY caseId ORDER BY caseId
                """)
            let cases = try Row.fetchCursor(db, sql: """
                SELECT c.year, c.seq, c.acknowledgedAt, c.id FROM casefile c INDEXED BY casefile_milestones
                WHERE c.id NOT IN (SELECT caseId FROM recusal WHERE account IN (?, ?))
                """ + (supervisorOnly ? " AND c.status = 'escalated'" : "") + " ORDER BY c.id",
                arguments: StatementArguments(recusalKeys(session.account)))
            var result: [CaseID: CaseMilestones] = [:]
            result.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM casefile INDEXED BY casefile_milestones") ?? 0)
            func nextContact() throws -> (id: String, at: Date)? {
                try contacts.next().map { ($0[0], try DatabaseTimestamp.date(in: $0, at: 1)) }
            }
            var contact = try nextContact()
            while let row = try cases.next() {
                let id: String = row[3]
                // Ids compare as SQLite orders them (byte by byte).
                while let behind = contact?.id, behind.utf8.lexicographicallyPrecedes(id.utf8) { contact = try nextContact() }
                result[CaseID(year: row[0], number: row[1])] = CaseMilestones(
                    acknowledgedAt: row.hasNull(atIndex: 2) ? nil : try DatabaseTimestamp.date(in: row, at: 2),
                    firstContactAt: contact?.id == id ? contact?.at : nil)
            }
            return result
        }
    }
}
