import CaseCore
import Crypto
import Foundation
import GRDB

/// Case rows: reading them (opening what the session may see), writing them sealed, and the ranking fields derived
/// from them.
extension SQLiteCaseStore {
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
        let journal = try loadJournal(db, key: key, unseal: unseal)
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

    /// The sealed details of a row (opened even when the rest stays sealed: ranking needs the ratings).
    func details(_ row: Row, key: String) throws -> SealedDetails? {
        guard let blob: Data = row["sealedDetails"] else { return nil }
        return try sealer.openJSON(SealedDetails.self, blob, context: "case:\(key):details")
    }

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
                    sealedReporter = ?, sealedNarrative = ?, sealedSupport = ?, sealedDetails = ?, followUpDays = ?, updatedAt = ?,
                    version = version + 1, changedBy = ?
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
                        try sealer.sealJSON(SealedDetails(item), context: "case:\(key):details"), item.followUpEveryDays, now,
                        session.account, key])
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


    static func join(_ list: [String]) -> String { list.joined(separator: ",") }
    static func split(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}
