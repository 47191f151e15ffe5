import CaseCore
import Crypto
import Foundation
import GRDB

/// Case rows: reading them (opening what the session may see), writing them sealed, and the ranking fields derived
/// from them.
extension SQLiteCaseStore {
    /// A case read with `keys`: its sealed fields opened only when `unseal` (the identity only with `identity` too);
    /// the special-category details always (ranking needs the ratings), from the supervisor's copy when the session
    /// holds only that.
    func loadCase(_ db: Database, _ id: CaseID, keys: CaseKeys, unseal: Bool, identity: Bool = true) throws -> Case {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM casefile WHERE id = ?", arguments: [id.description]) else {
            throw StoreError.caseNotFound(id.description)
        }
        let key = id.description
        var reporter = Reporter(pseudonym: row["pseudonym"], anonymous: row["anonymous"])
        var narrative = "", support = ""
        var reported: [ReportedPerson] = []
        var affected: AffectedPerson?
        var opened = SealedDetails()
        let refusal = missingKeys(id)
        if unseal && identity {
            let sealed = try keys.require(.identity, refusal).openJSON(SealedIdentity.self, row["sealedReporter"], context: "case:\(key):reporter")
            reporter = Reporter(pseudonym: reporter.pseudonym, anonymous: reporter.anonymous, name: sealed.name, contact: sealed.contact)
            affected = sealed.affected
        }
        let sealedDetails = try details(row, key: key, keys: keys)
        if let sealedDetails { opened = sealedDetails }
        if unseal {
            let content = try keys.require(.content, refusal)
            narrative = try content.open(row["sealedNarrative"], context: "case:\(key):narrative")
            support = try content.open(row["sealedSupport"], context: "case:\(key):support")
            let partyRows = try Row.fetchAll(db, sql: "SELECT * FROM party WHERE caseId = ? ORDER BY position", arguments: [key])
            reported = try partyRows.map { party in
                let position: Int = party["position"]
                let sealed = try content.openJSON(SealedParty.self, party["sealed"], context: "case:\(key):party:\(position)")
                return ReportedPerson(name: sealed.name, role: sealed.role, power: PowerRelation(rawValue: party["power"]) ?? .peer)
            }
        }
        let journal = try loadJournal(db, key: key, keys: keys, unseal: unseal)
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
        loaded.language = opened.language
        return loaded
    }

    /// The sealed details of a row (``SealedDetails/open(details:copy:review:key:keys:)``).
    func details(_ row: Row, key: String, keys: CaseKeys) throws -> SealedDetails? {
        try SealedDetails.open(details: row["sealedDetails"], copy: row["sealedCopy"], review: row["sealedReview"], key: key, keys: keys)
    }

    func insert(_ db: Database, _ item: Case, keys: CaseKeys, now: Date) throws {
        let key = item.id.description
        try db.execute(
            sql: """
                INSERT INTO casefile (id, year, seq, receivedAt, channel, status, relationship, incidentFirst, incidentLast,
                    pseudonym, anonymous, categories, grounds, conductTags, childInvolved, consentShareIdentity,
                    sealedReporter, sealedNarrative, sealedSupport, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, X'', X'', X'', ?)
                """,
            arguments: [key, item.id.year, item.id.number, item.receivedAt, item.channel.rawValue, item.status.rawValue,
                        item.relationship.rawValue, item.receivedAt, item.receivedAt, item.reporter.pseudonym,
                        item.reporter.anonymous, Self.join(item.categories), "", "", false, item.consentShareIdentity, now])
        remember(keys, for: item.id)
        try updateRow(db, item, keys: keys, now: now)
        try writeParties(db, item, keys: keys)
        for entry in item.journal { try insertJournal(db, entry, caseId: item.id) }
    }

    /// Writes a case's row, every sealed field under the case's keys, and the supervisor's copy under the copy's key
    /// (a review decision it held is now in the details).
    func updateRow(_ db: Database, _ item: Case, keys: CaseKeys, now: Date) throws {
        let key = item.id.description
        let sealed = try SealedCaseBlobs(item, keys: keys, refusal: missingKeys(item.id))
        changedRows.insert(key)
        try db.execute(
            sql: """
                UPDATE casefile SET status = ?, relationship = ?, incidentFirst = ?, incidentLast = ?, pseudonym = ?,
                    anonymous = ?, categories = ?, grounds = ?, conductTags = ?, childInvolved = ?, consentShareIdentity = ?,
                    escalationLevel = ?, screeningReason = ?, outcome = ?, acknowledgedAt = ?, closedAt = ?, legalHold = ?,
                    frequency = ?, severity = ?, threat = ?, wellbeing = ?, power = ?,
                    sealedReporter = ?, sealedNarrative = ?, sealedSupport = ?, sealedDetails = ?, followUpDays = ?, updatedAt = ?,
                    sealedCopy = ?, sealedReview = NULL, version = version + 1, changedBy = ?
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
                        sealed.reporter, sealed.narrative, sealed.support, sealed.details, item.followUpEveryDays, now, sealed.copy,
                        session.account, key])
    }

    func writeParties(_ db: Database, _ item: Case, keys: CaseKeys) throws {
        let key = item.id.description
        let content = try keys.require(.content, missingKeys(item.id))
        try db.execute(sql: "DELETE FROM party WHERE caseId = ?", arguments: [key])
        for (position, person) in item.reported.enumerated() {
            try db.execute(
                sql: "INSERT INTO party (caseId, position, matchTag, power, sealed) VALUES (?, ?, ?, ?, ?)",
                arguments: [key, position, sealer.matchTag(person.matchKey), person.power.rawValue,
                            try content.sealJSON(SealedParty(name: person.name, role: person.role), context: "case:\(key):party:\(position)")])
        }
    }

    static func join(_ list: [String]) -> String { list.joined(separator: ",") }
    static func split(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}
