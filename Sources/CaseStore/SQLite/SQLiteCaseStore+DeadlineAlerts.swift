import CaseCore
import Foundation
import GRDB

/// The deadlines owed now (`confidant due`, the desk's alert panel), for every open case at once.
extension SQLiteCaseStore {
    /// Deadlines overdue or due within `hours` across the cases this session may see, most pressing first.
    ///
    /// One query over covering indexes, never the case rows and their sealed blobs: each open case's dates, band and
    /// "support owed" flag (`casefile_deadlines`, open cases only, in id order) with the kind and date of the journal
    /// entries its deadlines depend on (`journal_case_kind_at`; every entry of a case with a supervisor's review, which is
    /// acted on by whatever entry comes next). Deadlines are met by the work the journal records. Then the domain's
    /// ``DeadlineCalculator`` on a case holding just those. Dates are read in place and kinds as numbers. Opens no
    /// sealed field.
    public func deadlineAlerts(within hours: Int, now: Date) throws -> [DeadlineAlert] {
        try checkCanRead()
        let counted = Self.deadlineKinds.map { "'\($0.rawValue)'" }.joined(separator: ",")
        let sql = """
            SELECT c.year, c.seq, c.receivedAt, \(EnumColumn.position(of: "c.channel", Channel.self)),
                   \(EnumColumn.position(of: "c.status", CaseStatus.self)), c.pseudonym, \(EnumColumn.position(of: "c.band", Band.self)),
                   c.acknowledgedAt, c.supportDuty, c.followUpDays, \(EnumColumn.position(of: "j.kind", JournalEntry.Kind.self)),
                   j.at, j.id
            FROM casefile c INDEXED BY casefile_deadlines
            LEFT JOIN journal j INDEXED BY journal_case_kind_at ON j.caseId = c.id
                AND (j.kind IN (\(counted)) OR c.id IN (SELECT caseId FROM journal INDEXED BY journal_reviews WHERE kind = 'review'))
            WHERE c.status NOT IN ('closed', 'screened-out', 'withdrawn')
              AND c.id NOT IN (SELECT caseId FROM recusal WHERE account IN (?, ?))
            """ + (session.role == .supervisor ? " AND c.status = 'escalated'" : "") + " ORDER BY c.id"
        var scan = DeadlineScan(calculator: evaluator.deadlines, now: now, hours: hours)
        try read { db in
            let statement = try db.makeStatement(sql: sql)
            let rows = try Row.fetchCursor(statement, arguments: StatementArguments(recusalKeys(session.account)))
            let column = SQLiteColumns(statement)
            while try rows.next() != nil {
                let id = CaseID(year: column.int(0) ?? 0, number: column.int(1) ?? 0)
                if scan.current?.id != id {
                    scan.finish()
                    guard let receivedAt = column.date(2) else { throw StoreError.corrupted(.key("store.no-receipt-date", ["id": .text(id.description)])) }
                    scan.current = DeadlineScan.Open(
                        id: id, receivedAt: receivedAt, channel: column.value(3, Channel.self) ?? .complaint,
                        status: column.value(4, CaseStatus.self) ?? .new, pseudonym: column.text(5) ?? "",
                        band: column.value(6, Band.self), acknowledgedAt: column.date(7), owesSupport: column.bool(8),
                        followUpDays: column.int(9))
                }
                guard let kind = column.value(10, JournalEntry.Kind.self), let at = column.date(11), let entry = column.int(12) else { continue }
                scan.current?.entries.append((Int64(entry), JournalEntry(at: at, kind: kind, author: "", text: "")))
            }
            scan.finish()
        }
        scan.alerts.sort { ($0.deadline.due, $0.caseID) < ($1.deadline.due, $1.caseID) }
        return scan.alerts
    }

    /// Journal kinds the deadlines depend on (besides whatever follows a review).
    static let deadlineKinds: [JournalEntry.Kind] = JournalEntry.Kind.allCases.filter {
        $0.isContact || [.letter, .feedback, .support, .supportDeclined, .reopen, .disclosure, .reporterTold, .tellingDeferred,
                         .review].contains($0)
    }
}

/// The open cases of ``SQLiteCaseStore/deadlineAlerts(within:now:)``, read one after the other: each case's deadlines
/// are computed once its last journal entry has been read.
struct DeadlineScan {
    /// The case being read.
    struct Open {
        var id: CaseID, receivedAt: Date, channel: Channel, status: CaseStatus, pseudonym: String, band: Band?
        var acknowledgedAt: Date?, owesSupport: Bool, followUpDays: Int?
        var entries: [(id: Int64, entry: JournalEntry)] = []
    }

    let calculator: DeadlineCalculator
    let now: Date
    let hours: Int
    var current: Open?
    var alerts: [DeadlineAlert] = []
    /// The ratings are sealed; a stand-in well-being rating gives the support deadline the ranking recorded.
    let owesSupport = try? FactorRatings(frequency: 0, severity: 0, threat: 0, wellbeing: 3, power: 0)

    init(calculator: DeadlineCalculator, now: Date, hours: Int) {
        self.calculator = calculator
        self.now = now
        self.hours = hours
    }

    mutating func finish() {
        guard var open = current else { return }
        current = nil
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
}
