import CaseCore
import Foundation
import GRDB

/// The deadlines owed now (`confidant due`, the desk's alert panel), for every open case at once.
extension SQLiteCaseStore {
    /// Deadlines overdue or due within `hours` across the cases this session may see, most pressing first.
    ///
    /// One query over two covering indexes, never the case rows and their sealed blobs: each open case's dates, band and
    /// "support owed" flag (`casefile_deadlines`, open cases only, in id order) with the kind and date of each of its
    /// journal entries (`journal_case_kind_at`); deadlines are met by the work the journal records. Then the domain's
    /// ``DeadlineCalculator`` on a case holding just those. Dates are read by arithmetic and kinds as numbers, so an
    /// entry costs no string. Opens no sealed field.
    public func deadlineAlerts(within hours: Int, now: Date) throws -> [DeadlineAlert] {
        try checkCanRead()
        let kinds = JournalEntry.Kind.allCases
        let kindNumber = "CASE j.kind " + kinds.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(separator: " ") + " END"
        let sql = """
            SELECT c.year, c.seq, c.receivedAt, c.channel, c.status, c.pseudonym, c.band, c.acknowledgedAt, c.supportDuty,
                   c.followUpDays, \(kindNumber), j.at, j.id
            FROM casefile c INDEXED BY casefile_deadlines
            LEFT JOIN journal j INDEXED BY journal_case_kind_at ON j.caseId = c.id
            WHERE c.status NOT IN ('closed', 'screened-out', 'withdrawn')
              AND c.id NOT IN (SELECT caseId FROM recusal WHERE account IN (?, ?))
            """ + (session.role == .supervisor ? " AND c.status = 'escalated'" : "") + " ORDER BY c.id"
        let calculator = evaluator.deadlines
        // The ratings are sealed; a stand-in well-being rating gives the support deadline the ranking recorded.
        let owesSupport = try? FactorRatings(frequency: 0, severity: 0, threat: 0, wellbeing: 3, power: 0)
        var alerts: [DeadlineAlert] = []
        try read { db in
            /// The case being read, until its last journal entry has been.
            struct Open {
                var id: CaseID, receivedAt: Date, channel: Channel, status: CaseStatus, pseudonym: String, band: Band?
                var acknowledgedAt: Date?, owesSupport: Bool, followUpDays: Int?
                var entries: [(id: Int64, entry: JournalEntry)] = []
            }
            var current: Open?
            func finish() {
                guard var open = current else { return }
                // In journal order: a review is acted on by whatever entry comes next.
                open.entries.sort { $0.id < $1.id }
                var item = Case(
                    id: open.id, receivedAt: open.receivedAt, channel: open.channel, incidentFirst: open.receivedAt,
                    incidentLast: open.receivedAt, reporter: Reporter(pseudonym: open.pseudonym), relationship: .other, reported: [],
                    categories: [], narrative: "", status: open.status, assessment: open.owesSupport ? owesSupport : nil,
                    acknowledgedAt: open.acknowledgedAt, journal: open.entries.map(\.entry))
                item.followUpEveryDays = open.followUpDays
                for deadline in calculator.deadlines(for: item, band: open.band) where deadline.isDueSoon(at: now, hours: hours) {
                    alerts.append(DeadlineAlert(caseID: open.id, pseudonym: open.pseudonym, band: open.band, deadline: deadline))
                }
            }
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(recusalKeys(session.account)))
            while let row = try rows.next() {
                let id = CaseID(year: row[0], number: row[1])
                if current?.id != id {
                    finish()
                    current = Open(
                        id: id, receivedAt: try DatabaseTimestamp.date(in: row, at: 2), channel: Channel(rawValue: row[3]) ?? .complaint,
                        status: CaseStatus(rawValue: row[4]) ?? .new, pseudonym: row[5], band: (row[6] as String?).flatMap(Band.init(rawValue:)),
                        acknowledgedAt: row.hasNull(atIndex: 7) ? nil : try DatabaseTimestamp.date(in: row, at: 7),
                        owesSupport: row[8], followUpDays: row[9])
                }
                guard let number = row[10] as Int?, kinds.indices.contains(number) else { continue }
                let entry = JournalEntry(at: try DatabaseTimestamp.date(in: row, at: 11), kind: kinds[number], author: "", text: "")
                current?.entries.append((row[12], entry))
            }
            finish()
        }
        alerts.sort { ($0.deadline.due, $0.caseID) < ($1.deadline.due, $1.caseID) }
        return alerts
    }
}
