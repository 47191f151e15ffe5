import CaseCore
import Crypto
import Foundation
import GRDB

/// Case rows: reading them (opening what the session may see), writing them sealed, and the ranking fields derived
/// from them.
extension SQLiteCaseStore {
    // MARK: Rows

    func loadCase(_ db: Database, _ id: CaseID, unseal: Bool, identity: Bool = true) throws -> Case {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM casefile WHERE id = ?", arguments: [id.description]) else {
            throw StoreError.caseNotFound(id.description)
        }
        let key = id.description
        var reporter = Reporter(pseudonym: row["pseudonym"], anonymous: row["anonymous"])
        var narrative = "", support = ""
        var reported: [ReportedPerson] = []
        let partyRows = try Row.fetchAll(db, sql: "SELECT * FROM party WHERE caseId = ? ORDER BY position", arguments: [key])
        var affected: AffectedPerson?
        var opened = SealedDetails()
        if unseal && identity {
            let sealed = try sealer.openJSON(SealedIdentity.self, row["sealedReporter"], context: "case:\(key):reporter")
            reporter = Reporter(pseudonym: reporter.pseudonym, anonymous: reporter.anonymous, name: sealed.name, contact: sealed.contact)
            affected = sealed.affected
        }
        let sealedDetails = try details(row, key: key)
        if let sealedDetails { opened = sealedDetails }
        if unseal {
            narrative = try sealer.open(row["sealedNarrative"], context: "case:\(key):narrative")
            support = try sealer.open(row["sealedSupport"], context: "case:\(key):support")
            reported = try partyRows.map { party in
                let position: Int = party["position"]
                let sealed = try sealer.openJSON(SealedParty.self, party["sealed"], context: "case:\(key):party:\(position)")
                return ReportedPerson(name: sealed.name, role: sealed.role, power: PowerRelation(rawValue: party["power"]) ?? .peer)
            }
        }
        let journalRows = try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE caseId = ? ORDER BY id", arguments: [key])
        let journal = try journalRows.map { entry in
            let kind = JournalEntry.Kind(rawValue: entry["kind"]) ?? .note
            var text = ""
            if unseal {
                // Bound to its case, kind, id, time and author; entries written before that binding, to case and kind.
                let bound = Self.journalContext(case: key, kind: kind, id: entry["id"], at: entry["at"], author: entry["author"])
                let blob: Data = entry["sealedText"]
                text = try (try? sealer.open(blob, context: bound)) ?? sealer.open(blob, context: "case:\(key):journal:\(kind.rawValue)")
            }
            return JournalEntry(at: entry["at"], kind: kind, author: entry["author"], text: text, party: entry["party"])
        }
        // Rows written before the special-category fields were sealed still hold them in plain columns.
        var ratings: FactorRatings?
        if let f: Int = row["frequency"], let s: Int = row["severity"], let t: Int = row["threat"],
           let w: Int = row["wellbeing"], let p: Int = row["power"] {
            ratings = try FactorRatings(frequency: f, severity: s, threat: t, wellbeing: w, power: p)
        }
        let sealedFields = sealedDetails?.incidentFirst != nil
        var loaded = Case(
            id: id, receivedAt: row["receivedAt"], channel: Channel(rawValue: row["channel"]) ?? .complaint,
            incidentFirst: sealedFields ? opened.incidentFirst! : row["incidentFirst"],
            incidentLast: sealedFields ? opened.incidentLast ?? opened.incidentFirst! : row["incidentLast"], reporter: reporter,
            relationship: Relationship(rawValue: row["relationship"]) ?? .other, reported: reported,
            categories: Self.split(row["categories"]),
            grounds: sealedFields ? opened.grounds ?? [] : Self.split(row["grounds"]),
            conductTags: sealedFields ? opened.conductTags ?? [] : Self.split(row["conductTags"]),
            childInvolved: sealedFields ? opened.childInvolved ?? false : row["childInvolved"],
            consentShareIdentity: row["consentShareIdentity"], narrative: narrative, supportNeeds: support,
            status: CaseStatus(rawValue: row["status"]) ?? .new, assessment: sealedFields ? opened.ratings : ratings,
            escalationLevel: (row["escalationLevel"] as String?).flatMap(EscalationLevel.init(rawValue:)),
            screeningReason: sealedFields ? opened.screeningReason : row["screeningReason"],
            outcome: sealedFields ? opened.outcome : (row["outcome"] as String?).flatMap(Outcome.init(rawValue:)),
            acknowledgedAt: row["acknowledgedAt"], closedAt: row["closedAt"], legalHold: row["legalHold"], journal: journal,
            affected: affected, wishes: opened.wishes, dutyToAct: opened.dutyToAct, measures: opened.measures ?? [])
        loaded.followUpEveryDays = row["followUpDays"]
        return loaded
    }

    /// The reporter's identity and the affected person (pseudonym, name, contact): opened only for the identity.
    struct SealedIdentity: Codable {
        var name: String?
        var contact: String?
        var affected: AffectedPerson?

        init(_ item: Case) {
            name = item.reporter.name
            contact = item.reporter.contact
            affected = item.affected
        }
    }
    /// What a case gains as it evolves, sealed together.
    /// What a case gains as it evolves, and the special-category data nobody may read with `strings`: grounds,
    /// conduct tags, the five ratings, the child flag, incident dates, outcome and screening reason.
    struct SealedDetails: Codable {
        var wishes: Wishes?
        var dutyToAct: String?
        var measures: [Measure]?
        var grounds: [String]?
        var conductTags: [String]?
        var ratings: FactorRatings?
        var childInvolved: Bool?
        var incidentFirst: Date?
        var incidentLast: Date?
        var outcome: Outcome?
        var screeningReason: String?

        init() {}
        init(_ item: Case) {
            wishes = item.wishes
            dutyToAct = item.dutyToAct
            measures = item.measures.isEmpty ? nil : item.measures
            grounds = item.grounds
            conductTags = item.conductTags
            ratings = item.assessment
            childInvolved = item.childInvolved
            incidentFirst = item.incidentFirst
            incidentLast = item.incidentLast
            outcome = item.outcome
            screeningReason = item.screeningReason
        }
    }

    /// The sealed details of a row (opened even when the rest stays sealed: ranking needs the ratings).
    func details(_ row: Row, key: String) throws -> SealedDetails? {
        guard let blob: Data = row["sealedDetails"] else { return nil }
        return try sealer.openJSON(SealedDetails.self, blob, context: "case:\(key):details")
    }
    struct SealedParty: Codable { var name: String; var role: String }

    func insert(_ db: Database, _ item: Case, now: Date) throws {
        let key = item.id.description
        try db.execute(
            sql: """
                INSERT INTO casefile (id, year, seq, receivedAt, channel, status, relationship, incidentFirst, incidentLast,
                    pseudonym, anonymous, categories, grounds, conductTags, childInvolved, consentShareIdentity,
                    sealedReporter, sealedNarrative, sealedSupport, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [key, item.id.year, item.id.number, item.receivedAt, item.channel.rawValue, item.status.rawValue,
                        item.relationship.rawValue, item.receivedAt, item.receivedAt, item.reporter.pseudonym,
                        item.reporter.anonymous, Self.join(item.categories), "", "", false, item.consentShareIdentity,
                        try sealer.sealJSON(SealedIdentity(item), context: "case:\(key):reporter"),
                        try sealer.seal(item.narrative, context: "case:\(key):narrative"),
                        try sealer.seal(item.supportNeeds, context: "case:\(key):support"), now])
        try updateRow(db, item, now: now)
        try writeParties(db, item)
        for entry in item.journal { try insertJournal(db, entry, caseId: item.id) }
    }

    func updateRow(_ db: Database, _ item: Case, now: Date) throws {
        let key = item.id.description
        changedRows.insert(key)
        try db.execute(
            sql: """
                UPDATE casefile SET status = ?, relationship = ?, incidentFirst = ?, incidentLast = ?, pseudonym = ?,
                    anonymous = ?, categories = ?, grounds = ?, conductTags = ?, childInvolved = ?, consentShareIdentity = ?,
                    escalationLevel = ?, screeningReason = ?, outcome = ?, acknowledgedAt = ?, closedAt = ?, legalHold = ?,
                    frequency = ?, severity = ?, threat = ?, wellbeing = ?, power = ?,
                    sealedReporter = ?, sealedNarrative = ?, sealedSupport = ?, sealedDetails = ?, followUpDays = ?, updatedAt = ?
                WHERE id = ?
                """,
            // Grounds, conduct tags, ratings, the child flag, incident dates, outcome and screening reason live only in
            // the sealed details; their plain columns hold neutral values (receipt date for the incident dates).
            arguments: [item.status.rawValue, item.relationship.rawValue, item.receivedAt, item.receivedAt,
                        item.reporter.pseudonym, item.reporter.anonymous, Self.join(item.categories), "",
                        "", false, item.consentShareIdentity,
                        item.escalationLevel?.rawValue, nil as String?, nil as String?,
                        item.acknowledgedAt, item.closedAt, item.legalHold, nil as Int?, nil as Int?,
                        nil as Int?, nil as Int?, nil as Int?,
                        try sealer.sealJSON(SealedIdentity(item), context: "case:\(key):reporter"),
                        try sealer.seal(item.narrative, context: "case:\(key):narrative"),
                        try sealer.seal(item.supportNeeds, context: "case:\(key):support"),
                        try sealer.sealJSON(SealedDetails(item), context: "case:\(key):details"), item.followUpEveryDays, now, key])
    }

    /// The authenticated data of a journal text: a row moved to another case, or given another id, time or author,
    /// no longer opens.
    static func journalContext(case key: String, kind: JournalEntry.Kind, id: Int64, at: String, author: String) -> String {
        "case:\(key):journal:\(kind.rawValue):\(id):\(at):\(author)"
    }

    func writeParties(_ db: Database, _ item: Case) throws {
        let key = item.id.description
        try db.execute(sql: "DELETE FROM party WHERE caseId = ?", arguments: [key])
        for (position, person) in item.reported.enumerated() {
            try db.execute(
                sql: "INSERT INTO party (caseId, position, matchTag, power, sealed) VALUES (?, ?, ?, ?, ?)",
                arguments: [key, position, sealer.matchTag(person.matchKey), person.power.rawValue,
                            try sealer.sealJSON(SealedParty(name: person.name, role: person.role), context: "case:\(key):party:\(position)")])
        }
    }

    func insertJournal(_ db: Database, _ entry: JournalEntry, caseId: CaseID) throws {
        let key = caseId.description
        changedRows.insert(key)
        let id = (try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM journal") ?? 0) + 1
        let at = DateText.databaseTimestamp(entry.at)
        try db.execute(
            sql: "INSERT INTO journal (id, caseId, at, kind, author, sealedText, party) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [id, key, at, entry.kind.rawValue, entry.author,
                        try sealer.seal(entry.text, context: Self.journalContext(case: key, kind: entry.kind, id: id, at: at,
                                                                                 author: entry.author)),
                        entry.party])
    }

    // MARK: Derived fields

    func matchTags(_ item: Case) -> [String] {
        Array(Set(item.reported.map { sealer.matchTag($0.matchKey) }))
    }

    func otherOpenCases(_ db: Database, sharingWith item: Case) throws -> Int {
        try otherOpenCases(db, tags: matchTags(item), excluding: item.id)
    }

    func otherOpenCases(_ db: Database, tags: [String], excluding id: CaseID) throws -> Int {
        guard !tags.isEmpty else { return 0 }
        let marks = Array(repeating: "?", count: tags.count).joined(separator: ",")
        return try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(DISTINCT p.caseId) FROM party p JOIN casefile c ON c.id = p.caseId
                WHERE p.matchTag IN (\(marks)) AND p.caseId <> ?
                  AND c.status NOT IN ('closed', 'screened-out', 'withdrawn')
                """,
            arguments: StatementArguments(tags + [id.description])) ?? 0
    }

    func evaluate(_ db: Database, _ item: Case) throws -> CaseEvaluation {
        evaluator.evaluate(item, otherOpenCases: try otherOpenCases(db, sharingWith: item))
    }

    /// Evaluates a case loaded without its sealed parties, from the match tags stored beside them.
    func evaluate(_ db: Database, _ item: Case, tags: [String]) throws -> CaseEvaluation {
        evaluator.evaluate(item, otherOpenCases: try otherOpenCases(db, tags: tags, excluding: item.id))
    }

    /// Recomputes the cached ranking fields of a case and of every case naming the same reported person
    /// (their pervasiveness depends on this one).
    func refreshRelated(_ db: Database, of item: Case) throws {
        try refreshRankings(db, ids: [item.id.description], sharingTags: Set(matchTags(item)))
    }

    /// Recomputes one case's cached ranking fields from its unsealed columns and stored match tags;
    /// nothing sealed is opened.
    func rerank(_ db: Database, _ id: CaseID) throws {
        let item = try loadCase(db, id, unseal: false)
        try writeRanking(db, item, evaluate(db, item, tags: storedTags(db, id)))
    }

    func writeRanking(_ db: Database, _ item: Case, _ evaluation: CaseEvaluation) throws {
        changedRows.insert(item.id.description)
        let next = evaluation.nextDeadline
        try db.execute(
            sql: """
                UPDATE casefile SET score = ?, band = ?, severeOrPervasive = ?, nextDueAt = ?, nextDueKind = ?, outsideWindow = ?,
                    supportDuty = ?,
                    queueOpen = ?, queueBand = ?, queueScore = ?, nextDueEpoch = ?, receivedEpoch = ?
                WHERE id = ?
                """,
            arguments: [evaluation.score.value, evaluation.score.band?.rawValue, evaluation.score.severeOrPervasive,
                        next?.due, next?.kind.rawValue, evaluation.outsideWindow,
                        evaluation.deadlines.contains { $0.kind == .support },
                        item.status.isOpen ? 0 : 1, evaluation.score.band.queueRank, -(evaluation.score.value ?? -1),
                        next?.due.timeIntervalSince1970, item.receivedAt.timeIntervalSince1970, item.id.description])
    }

    static func join(_ list: [String]) -> String { list.joined(separator: ",") }
    static func split(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}
