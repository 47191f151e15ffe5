import CaseCore
import Foundation
import GRDB

extension SQLiteCaseStore {
    /// Deadlines overdue or due within `hours` across the cases this session may see, most pressing first.
    ///
    /// Two queries: each open case's dates, band and "support owed" flag, and the kind and date of the journal entries
    /// deadlines depend on (deadlines are met by the work the journal records); then the domain's
    /// ``DeadlineCalculator`` on a case holding just those. Opens no sealed field.
    public func deadlineAlerts(within hours: Int, now: Date) throws -> [DeadlineAlert] {
        try checkCanRead()
        let supervisorOnly = session.role == .supervisor
        let account = session.account
        let calculator = evaluator.deadlines
        var alerts: [DeadlineAlert] = []
        try read { db in
            var journals: [String: [JournalEntry]] = [:]
            // The kinds deadlines depend on, for every open case; every entry only for the few cases with a review
            // (a review is acted on by whatever entry comes next).
            let kindList = Self.deadlineKinds.map { "'\($0.rawValue)'" }.joined(separator: ",")
            let entries = try Row.fetchCursor(db, sql: """
                SELECT j.caseId, j.kind, j.at FROM journal j JOIN casefile c ON c.id = j.caseId
                WHERE c.status NOT IN ('closed', 'screened-out', 'withdrawn')
                  AND (j.kind IN (\(kindList))
                       OR j.caseId IN (SELECT caseId FROM journal WHERE kind = 'review'))
                ORDER BY j.caseId, j.id
                """)
            while let row = try entries.next() {
                guard let kind = JournalEntry.Kind(rawValue: row[1]) else { continue }
                let at: Date = DatabaseTimestamp.date(row[2]) ?? row[2]
                journals[row[0], default: []].append(JournalEntry(at: at, kind: kind, author: "", text: ""))
            }
            // Columns by position and dates read by arithmetic: this runs for every open case.
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.year, c.seq, c.receivedAt, c.channel, c.status, c.pseudonym, c.band, c.acknowledgedAt,
                       c.supportDuty, c.followUpDays
                FROM casefile c
                WHERE c.status NOT IN ('closed', 'screened-out', 'withdrawn')
                  AND c.id NOT IN (SELECT caseId FROM recusal WHERE account IN (?, ?))
                """ + (supervisorOnly ? " AND c.status = 'escalated'" : ""), arguments: StatementArguments(recusalKeys(account)))
            while let row = try cursor.next() {
                let band = (row[7] as String?).flatMap(Band.init(rawValue:))
                let receivedAt: Date = DatabaseTimestamp.date(row[3]) ?? row[3]
                let acknowledged = row[8] as DatabaseValue
                // The ratings are sealed; a stand-in well-being rating gives the support deadline the ranking recorded.
                let supportDuty: Bool = row[9]
                var item = Case(
                    id: CaseID(year: row[1], number: row[2]), receivedAt: receivedAt,
                    channel: Channel(rawValue: row[4]) ?? .complaint, incidentFirst: receivedAt,
                    incidentLast: receivedAt, reporter: Reporter(pseudonym: row[6]), relationship: .other,
                    reported: [], categories: [], narrative: "", status: CaseStatus(rawValue: row[5]) ?? .new,
                    assessment: supportDuty ? try? FactorRatings(frequency: 0, severity: 0, threat: 0, wellbeing: 3, power: 0) : nil,
                    acknowledgedAt: acknowledged.isNull ? nil : DatabaseTimestamp.date(acknowledged) ?? row[8],
                    journal: journals[row[0]] ?? [])
                item.followUpEveryDays = row[10]
                for deadline in calculator.deadlines(for: item, band: band) where deadline.isDueSoon(at: now, hours: hours) {
                    alerts.append(DeadlineAlert(caseID: item.id, pseudonym: item.reporter.pseudonym, band: band, deadline: deadline))
                }
            }
        }
        return alerts.sorted { ($0.deadline.due, $0.caseID) < ($1.deadline.due, $1.caseID) }
    }

    /// Journal kinds the deadlines depend on (besides what follows a review).
    static let deadlineKinds: [JournalEntry.Kind] = JournalEntry.Kind.allCases.filter {
        $0.isContact || [.letter, .feedback, .support, .supportDeclined, .reopen, .disclosure, .reporterTold, .tellingDeferred,
                         .review].contains($0)
    }

    /// Reported persons named in more than one case the session may see. A counselor gets names and roles;
    /// a supervisor neutral labels only.
    public func repeatRespondents() throws -> [RepeatRespondent] {
        try checkCanRead()
        let visible = Dictionary(uniqueKeysWithValues: try summaries().map { ($0.id.description, $0) })
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.matchTag, p.caseId, p.position, p.sealed FROM party p
                WHERE p.matchTag IN (SELECT matchTag FROM party GROUP BY matchTag HAVING COUNT(DISTINCT caseId) > 1)
                ORDER BY p.matchTag, p.caseId
                """)
        }
        var groups: [String: [Row]] = [:]
        for row in rows where visible[row["caseId"]] != nil { groups[row["matchTag"], default: []].append(row) }
        let multi = groups.values.filter { Set($0.map { $0["caseId"] as String }).count > 1 }
        let patterns = try multi.map { group -> RepeatRespondent in
            let appearances = Set(group.map { $0["caseId"] as String }).compactMap { visible[$0] }
                .map { RepeatRespondent.Appearance(caseID: $0.id, band: $0.band, status: $0.status, receivedAt: $0.receivedAt) }
                .sorted { ($0.receivedAt, $0.caseID) < ($1.receivedAt, $1.caseID) }
            var label = "", role: String?
            if session.role == .counselor, let latest = group.max(by: { ($0["caseId"] as String) < ($1["caseId"] as String) }) {
                let caseId: String = latest["caseId"]
                let position: Int = latest["position"]
                let party = try sealer.openJSON(SealedParty.self, latest["sealed"], context: "case:\(caseId):party:\(position)")
                label = party.name
                role = party.role
            }
            return RepeatRespondent(label: label, role: role, cases: appearances)
        }
        .sorted { ($0.cases.count, $0.openCount, $0.label) > ($1.cases.count, $1.openCount, $1.label) }
        if session.role == .counselor {
            try audit(action: "respondents", caseId: nil, detail: "repeat-respondent names read", now: Date())
            return patterns
        }
        return patterns.enumerated().map { index, pattern in
            RepeatRespondent(label: RepeatRespondent.neutralLabel(index), role: nil, cases: pattern.cases)
        }
    }

    func storedTags(_ db: Database, _ id: CaseID) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT matchTag FROM party WHERE caseId = ?", arguments: [id.description])
    }
}
