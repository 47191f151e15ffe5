import CaseCore
import Crypto
import Foundation
import PostgresNIO

/// The rest of the desk's work: follow-up codes, import, repeat respondents, deadlines due, statistics.
extension PostgreSQLCaseStore {
    public func issueFollowUpCode(_ id: CaseID, now: Date) throws -> FollowUpCode {
        try checkCanWrite()
        let code = FollowUpCode.random()
        let salt = Data(SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) })
        try write { tx in
            try checkEntitled(tx, id)
            try tx.run("UPDATE casefile SET followUpSalt = $1, followUpTag = $2 WHERE id = $3",
                       salt, StoreKeys.followUpTag(code, salt: salt, dataKey: dataKey), id.description)
            try insertJournal(tx, JournalEntry(at: now, kind: .note, author: session.account,
                                               text: "Follow-up code issued to the reporter (not stored; only its hash is kept)."),
                              caseId: id)
            try PostgresAuditLog.append(tx, actor: session.account, action: "follow-up-code", caseId: id.description,
                                        detail: "follow-up code issued", at: now, headKey: headKey)
        }
        return code
    }

    public func findCase(followUpCode code: FollowUpCode, now: Date) throws -> CaseID? {
        try checkCanRead()
        let rows = try read { tx in
            try tx.rows("SELECT id, followUpSalt, followUpTag FROM casefile WHERE followUpTag IS NOT NULL ORDER BY id")
        }
        let match = try rows.first { row in
            StoreKeys.followUpTag(code, salt: try row.get("followUpSalt"), dataKey: dataKey) == (try row.get("followUpTag", as: String.self))
        }.flatMap { CaseID(try $0.get("id", as: String.self)) }
        try audit(action: "follow-up-lookup", caseId: match,
                  detail: match == nil ? "no case matches the code given" : "case found by follow-up code", now: now)
        return match
    }

    public func importCases(_ intakes: [(fingerprint: String, intake: CaseIntake)], source: String, now: Date) throws
        -> (added: [CaseID], skipped: Int)
    {
        try checkCanWrite()
        return try write { tx in
            var added: [CaseID] = []
            var skipped = 0
            var seen: Set<String> = []
            var tags: Set<String> = []
            for (index, entry) in intakes.enumerated() {
                let tag = sealer.matchTag("import\u{1F}" + entry.fingerprint)
                let known = try tx.value("SELECT true FROM importfingerprint WHERE tag = $1", tag, as: Bool.self) ?? false
                guard !known, seen.insert(tag).inserted else {
                    skipped += 1
                    continue
                }
                do {
                    let item = try insertNewCase(tx, entry.intake, now: now, how: "case created by import from \(source)",
                                                 refreshRanking: false)
                    tags.formUnion(matchTags(item))
                    try tx.run("INSERT INTO importfingerprint (tag, caseId, source, importedAt) VALUES ($1, $2, $3, $4)",
                               tag, item.id.description, source, now)
                    added.append(item.id)
                } catch {
                    throw CaseImportFailure(index: index, underlying: error)
                }
            }
            try refreshRankings(tx, ids: Set(added.map(\.description)), sharingTags: tags)
            try PostgresAuditLog.append(tx, actor: session.account, action: "import", caseId: nil,
                                        detail: "\(added.count) imported, \(skipped) already present (\(source))", at: now,
                                        headKey: headKey)
            return (added, skipped)
        }
    }

    /// Reported persons named in more than one case the session may see: names for a counselor, neutral labels for a
    /// supervisor.
    public func repeatRespondents() throws -> [RepeatRespondent] {
        try checkCanRead()
        let visible = Dictionary(uniqueKeysWithValues: try summaries().map { ($0.id.description, $0) })
        let rows = try read { tx in
            try tx.rows("""
                SELECT matchTag, caseId, position, sealed FROM party
                WHERE matchTag IN (SELECT matchTag FROM party GROUP BY matchTag HAVING COUNT(DISTINCT caseId) > 1)
                ORDER BY matchTag, caseId
                """)
        }
        let patterns = try EngineSteps.repeatRespondents(rows.map { row in
            let caseId: String = try row.get("caseId")
            let position: Int = try row.get("position")
            let sealed: Data = try row.get("sealed")
            return EngineSteps.Mention(matchTag: try row.get("matchTag"), caseId: caseId) {
                // The name as the latest case whose keys the session holds gives it.
                guard let id = CaseID(caseId), let content = try self.read({ tx in try self.heldKeys(tx, id) }).sealer(.content) else {
                    return nil
                }
                return try content.openJSON(SealedParty.self, sealed, context: SealContext.party(caseId, position))
            }
        }, visible: visible, role: session.role, catalogue: evaluator.catalogue)
        if session.role == .counselor {
            try audit(action: "respondents", caseId: nil, detail: "repeat-respondent names read", now: Date())
        }
        return patterns
    }

    /// Deadlines overdue or due within `hours` across the open cases this session may see, most pressing first, from
    /// plain columns and the kinds and dates of journal entries (no sealed field is opened).
    public func deadlineAlerts(within hours: Int, now: Date) throws -> [DeadlineAlert] {
        try checkCanRead()
        let counted = SQLiteCaseStore.deadlineKinds.map { "'\($0.rawValue)'" }.joined(separator: ",")
        var scan = DeadlineScan(calculator: evaluator.deadlines, now: now, hours: hours)
        try read { tx in
            let rows = try tx.rows("""
                SELECT c.year, c.seq, c.receivedAt, c.channel, c.status, c.pseudonym, c.band, c.acknowledgedAt, c.supportDuty,
                       c.followUpDays, j.kind, j.at, j.id AS entry
                FROM casefile c
                LEFT JOIN journal j ON j.caseId = c.id
                    AND (j.kind IN (\(counted)) OR c.id IN (SELECT caseId FROM journal WHERE kind = 'review'))
                WHERE c.status NOT IN ('closed', 'screened-out', 'withdrawn')
                  AND c.id NOT IN (SELECT caseId FROM recusal WHERE account = $1)
                """ + (session.role == .supervisor ? " AND c.status = 'escalated'" : "") + " ORDER BY c.id, j.id",
                recusalTag(session.account))
            for row in rows {
                let id = CaseID(year: try row.get("year"), number: try row.get("seq"))
                if scan.current?.id != id {
                    scan.finish()
                    scan.current = DeadlineScan.Open(
                        id: id, receivedAt: try row.date("receivedAt"), channel: Channel(rawValue: try row.get("channel")) ?? .complaint,
                        status: CaseStatus(rawValue: try row.get("status")) ?? .new, pseudonym: try row.get("pseudonym"),
                        band: try row.get("band", as: String?.self).flatMap(Band.init(rawValue:)),
                        acknowledgedAt: try row.optionalDate("acknowledgedAt"), owesSupport: try row.get("supportDuty"),
                        followUpDays: try row.get("followUpDays"))
                }
                guard let kind = try row.get("kind", as: String?.self).flatMap(JournalEntry.Kind.init(rawValue:)),
                      let at = try row.optionalDate("at"), let entry = try row.get("entry", as: Int64?.self) else { continue }
                scan.current?.entries.append((entry, JournalEntry(at: at, kind: kind, author: "", text: "")))
            }
            scan.finish()
        }
        scan.alerts.sort { ($0.deadline.due, $0.caseID) < ($1.deadline.due, $1.caseID) }
        return scan.alerts
    }

    /// Every case the session may see as the statistics count it, from plain columns only.
    public func statisticsRecords() throws -> [StatisticsRecord] {
        try checkCanRead()
        let contactKinds = JournalEntry.Kind.allCases.filter(\.isContact).map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try read { tx in
            try tx.plainRows("""
                SELECT \(Self.summaryColumns), c.acknowledgedAt,
                       (SELECT MIN(j.at) FROM journal j WHERE j.caseId = c.id AND j.kind IN (\(contactKinds))) AS firstContact
                FROM casefile c WHERE c.id NOT IN (SELECT caseId FROM recusal WHERE account = $1)
                """ + (session.role == .supervisor ? " AND c.status = 'escalated'" : "") + " ORDER BY c.id",
                arguments: [recusalTag(session.account)]
            ).map { plain in
                let summary = try Self.summary(plain)
                let row = plain.makeRandomAccess()
                return StatisticsRecord(
                    receivedAt: summary.receivedAt, channel: summary.channel, relationship: summary.relationship,
                    categories: summary.categories, band: summary.band, status: summary.status,
                    escalationLevel: summary.escalationLevel, acknowledgedAt: try row.optionalDate("acknowledgedAt"),
                    firstContactAt: try row.optionalDate("firstContact"), nextDeadline: summary.nextDeadline)
            }
        }
    }
}
