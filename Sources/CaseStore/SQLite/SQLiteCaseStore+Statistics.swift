import CaseCore
import Foundation
import GRDB

/// What the statistics report counts, for every case at once.
extension SQLiteCaseStore {
    /// From covering indexes only (the case rows hold sealed blobs): each case's unsealed facts and acknowledgement date
    /// (`casefile_statistics`) and its first contact, from one pass over the journal's contacts (`journal_contacts`).
    /// Both come in case-id order and are merged as they come: no dictionary, no queue summary in between.
    public func statisticsRecords() throws -> [StatisticsRecord] {
        try checkCanRead()
        let contactKinds = JournalEntry.Kind.allCases.filter(\.isContact).map { "'\($0.rawValue)'" }.joined(separator: ",")
        let supervisorOnly = session.role == .supervisor
        return try read { db in
            let contactStatement = try db.makeStatement(sql: """
                SELECT caseId, MIN(at) FROM journal INDEXED BY journal_contacts
                WHERE kind IN (\(contactKinds)) GROUP BY caseId ORDER BY caseId
                """)
            let contacts = try Row.fetchCursor(contactStatement)
            // Enumerations as numbers (EnumColumn): a row makes no string but its id and categories.
            let caseStatement = try db.makeStatement(sql: """
                SELECT id, \(EnumColumn.position(of: "status", CaseStatus.self)), acknowledgedAt, receivedEpoch,
                       \(EnumColumn.position(of: "channel", Channel.self)), \(EnumColumn.position(of: "relationship", Relationship.self)),
                       categories, \(EnumColumn.position(of: "band", Band.self)),
                       \(EnumColumn.position(of: "escalationLevel", EscalationLevel.self)),
                       nextDueEpoch, \(EnumColumn.position(of: "nextDueKind", Deadline.Kind.self))
                FROM casefile INDEXED BY casefile_statistics
                WHERE id NOT IN (SELECT caseId FROM recusal WHERE account IN (?, ?))
                """ + (supervisorOnly ? " AND status = 'escalated'" : "") + " ORDER BY id")
            let cases = try Row.fetchCursor(caseStatement, arguments: StatementArguments(recusalKeys(session.account)))
            let contact = SQLiteColumns(contactStatement), column = SQLiteColumns(caseStatement)
            var contactLeft = try contacts.next() != nil
            // Few distinct category lists exist: share one array per list instead of splitting every row.
            var categoryLists: [String: [String]] = [:]
            var records: [StatisticsRecord] = []
            while try cases.next() != nil {
                let id = column.text(0) ?? ""
                // Both come in id order, compared as SQLite compares texts (byte by byte).
                while contactLeft, contact.text(0, precedes: id) { contactLeft = try contacts.next() != nil }
                let firstContact = contactLeft && contact.text(0) == id ? contact.date(1) : nil
                let categories = column.text(6) ?? ""
                if categoryLists[categories] == nil { categoryLists[categories] = Self.split(categories) }
                var next: Deadline?
                if let due = column.double(9), let kind = column.value(10, Deadline.Kind.self) {
                    next = Deadline(kind: kind, due: Date(timeIntervalSince1970: due), metAt: nil)
                }
                records.append(StatisticsRecord(
                    receivedAt: Date(timeIntervalSince1970: column.double(3) ?? 0), channel: column.value(4, Channel.self) ?? .complaint,
                    relationship: column.value(5, Relationship.self) ?? .other, categories: categoryLists[categories]!,
                    band: column.value(7, Band.self), status: column.value(1, CaseStatus.self) ?? .new,
                    escalationLevel: column.value(8, EscalationLevel.self), acknowledgedAt: column.date(2),
                    firstContactAt: firstContact, nextDeadline: next))
            }
            return records
        }
    }
}
