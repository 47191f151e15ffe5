import CaseCore
import Foundation
import GRDB

/// The queue, whole or in part: a listing's filters and limit become SQL over the covering index that holds the queue
/// order, so `list --limit 25` reads 25 rows, not 100,000.
extension SQLiteCaseStore {
    public func summaries(_ selection: QueueSelection, now: Date) throws -> [CaseSummary] {
        try checkCanRead()
        let supervisorOnly = session.role == .supervisor
        let account = session.account
        var conditions = ["id NOT IN (SELECT caseId FROM recusal WHERE account IN (?, ?))"]
        var arguments: [(any DatabaseValueConvertible)?] = recusalKeys(account)
        if supervisorOnly {
            conditions.append("(status = 'escalated' OR (queueOpen = 1 AND id IN (SELECT caseId FROM journal WHERE kind = 'review' AND author = ?)))")
            arguments.append(account)
        }
        let statuses = CaseStatus.allCases.filter(selection.status.contains)
        if statuses.count < CaseStatus.allCases.count {
            conditions.append("status IN (" + statuses.map { "'\($0.rawValue)'" }.joined(separator: ",") + ")")
        }
        switch selection.band {
        case .any: break
        case let .band(band):
            conditions.append("band = ?")
            arguments.append(band.rawValue)
        case .unrated: conditions.append("band IS NULL")
        }
        if let category = selection.category {
            conditions.append("instr(',' || categories || ',', ?) > 0")
            arguments.append(",\(category),")
        }
        if selection.overdueOnly {
            // CaseSummary.isOverdue: a next deadline (owed, by construction) due before now.
            conditions.append("nextDueKind IS NOT NULL AND nextDueEpoch < ?")
            arguments.append(now.timeIntervalSince1970)
        }
        var sql = "SELECT \(Self.summaryColumns) FROM casefile INDEXED BY casefile_queue WHERE "
            + conditions.joined(separator: " AND ")
            + " ORDER BY queueOpen, queueBand, queueScore, IFNULL(nextDueEpoch, 1e18), year, seq"
        if let limit = selection.limit {
            sql += " LIMIT ?"
            arguments.append(max(0, limit))
        }
        var rows: [CaseSummary] = []
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            // Few distinct category lists exist: share one array per list instead of splitting every row.
            var categoryLists: [String: [String]] = [:]
            while let row = try cursor.next() {
                rows.append(Self.summary(from: row) { text in
                    if let known = categoryLists[text] { return known }
                    let list = Self.split(text)
                    categoryLists[text] = list
                    return list
                })
            }
        }
        // Already in CaseSummary.queueOrder: the index holds that order.
        return rows
    }
}
