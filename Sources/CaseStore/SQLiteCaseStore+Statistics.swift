import CaseCore
import Foundation
import GRDB

/// What the statistics report counts, for every case at once.
extension SQLiteCaseStore {
    /// From covering indexes only (the case rows hold sealed blobs): each case's unsealed facts and acknowledgement date
    /// (`casefile_statistics`) and its first contact, from one pass over the journal's (case, kind, date) index. Both
    /// come in case-id order and are merged as they come: no dictionary, no queue summary in between.
    public func statisticsRecords() throws -> [StatisticsRecord] {
        try checkCanRead()
        let contactKinds = JournalEntry.Kind.allCases.filter(\.isContact).map { "'\($0.rawValue)'" }.joined(separator: ",")
        let supervisorOnly = session.role == .supervisor
        return try read { db in
            let contactStatement = try db.makeStatement(sql: """
                SELECT caseId, MIN(at) FROM journal INDEXED BY journal_case_kind_at
                WHERE kind IN (\(contactKinds)) GROUP BY caseId ORDER BY caseId
                """)
            let contacts = try Row.fetchCursor(contactStatement)
            let caseStatement = try db.makeStatement(sql: """
                SELECT id, status, acknowledgedAt, receivedEpoch, channel, relationship, categories, band, escalationLevel,
                       nextDueEpoch, nextDueKind
                FROM casefile INDEXED BY casefile_statistics
                WHERE id NOT IN (SELECT caseId FROM recusal WHERE account IN (?, ?))
                """ + (supervisorOnly ? " AND status = 'escalated'" : "") + " ORDER BY id")
            let cases = try Row.fetchCursor(caseStatement, arguments: StatementArguments(recusalKeys(session.account)))
            func nextContact() throws -> (id: String, at: Date)? {
                try contacts.next().map { ($0[0], DatabaseTimestamp.date(contactStatement, at: 1) ?? $0[1]) }
            }
            var contact = try nextContact()
            // Few distinct category lists exist: share one array per list instead of splitting every row.
            var categoryLists: [String: [String]] = [:]
            var records: [StatisticsRecord] = []
            while let row = try cases.next() {
                let id: String = row[0]
                // Ids compare as SQLite orders them (byte by byte).
                while let behind = contact?.id, behind.utf8.lexicographicallyPrecedes(id.utf8) { contact = try nextContact() }
                let categories: String = row[6]
                if categoryLists[categories] == nil { categoryLists[categories] = Self.split(categories) }
                var next: Deadline?
                if let due = row[9] as Double?, let kind = (row[10] as String?).flatMap(Deadline.Kind.init(rawValue:)) {
                    next = Deadline(kind: kind, due: Date(timeIntervalSince1970: due), metAt: nil)
                }
                records.append(StatisticsRecord(
                    receivedAt: Date(timeIntervalSince1970: row[3]), channel: Channel(rawValue: row[4]) ?? .complaint,
                    relationship: Relationship(rawValue: row[5]) ?? .other, categories: categoryLists[categories]!,
                    band: (row[7] as String?).flatMap(Band.init(rawValue:)), status: CaseStatus(rawValue: row[1]) ?? .new,
                    escalationLevel: (row[8] as String?).flatMap(EscalationLevel.init(rawValue:)),
                    acknowledgedAt: DatabaseTimestamp.date(caseStatement, at: 2),
                    firstContactAt: contact?.id == id ? contact?.at : nil,
                    nextDeadline: next))
            }
            return records
        }
    }
}
