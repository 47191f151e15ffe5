import CaseCore
import Foundation
import GRDB

/// The dates the statistics report measures from: acknowledgement and first contact of every case.
extension SQLiteCaseStore {
    /// From covering indexes only (the case rows hold sealed blobs): the first contact of every case in one pass over the
    /// journal's (case, kind, date) index, then each case's acknowledgement date (`casefile_milestones`).
    public func caseMilestones() throws -> [CaseID: CaseMilestones] {
        try checkCanRead()
        let contactKinds = JournalEntry.Kind.allCases.filter(\.isContact).map { "'\($0.rawValue)'" }.joined(separator: ",")
        let supervisorOnly = session.role == .supervisor
        return try read { db in
            var firstContacts: [String: Date] = [:]
            let contacts = try Row.fetchCursor(db, sql: """
                SELECT caseId, MIN(at) FROM journal INDEXED BY journal_case_kind_at
                WHERE kind IN (\(contactKinds)) GROUP BY caseId
                """)
            while let row = try contacts.next() { firstContacts[row[0]] = try DatabaseTimestamp.date(in: row, at: 1) }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.year, c.seq, c.acknowledgedAt, c.id FROM casefile c INDEXED BY casefile_milestones
                WHERE c.id NOT IN (SELECT caseId FROM recusal WHERE account IN (?, ?))
                """ + (supervisorOnly ? " AND c.status = 'escalated'" : ""), arguments: StatementArguments(recusalKeys(session.account)))
            var result: [CaseID: CaseMilestones] = [:]
            while let row = try rows.next() {
                result[CaseID(year: row[0], number: row[1])] = CaseMilestones(
                    acknowledgedAt: row.hasNull(atIndex: 2) ? nil : try DatabaseTimestamp.date(in: row, at: 2),
                    firstContactAt: firstContacts[row[3]])
            }
            return result
        }
    }
}
