import CaseCore
import Foundation
import PostgresNIO

/// Case rows: reading them (opening what the session may see), writing them sealed, the journal.
extension PostgreSQLCaseStore {
    func loadCase(_ tx: PostgresTransaction, _ id: CaseID, unseal: Bool, identity: Bool = true) throws -> Case {
        guard let row = try tx.rows("SELECT * FROM casefile WHERE id = $1", id.description).first else {
            throw StoreError.caseNotFound(id.description)
        }
        let key = id.description
        var reporter = Reporter(pseudonym: try row.get("pseudonym"), anonymous: try row.get("anonymous"))
        var narrative = "", support = ""
        var reported: [ReportedPerson] = []
        var affected: AffectedPerson?
        if unseal && identity {
            let sealed = try sealer.openJSON(SealedIdentity.self, try row.get("sealedReporter"), context: SealContext.reporter(key))
            reporter = Reporter(pseudonym: reporter.pseudonym, anonymous: reporter.anonymous, name: sealed.name, contact: sealed.contact)
            affected = sealed.affected
        }
        guard let blob = try row.get("sealedDetails", as: Data?.self) else { throw StoreError.corrupted("\(key) has no sealed details") }
        let details = try sealer.openJSON(SealedDetails.self, blob, context: SealContext.details(key))
        if unseal {
            narrative = try sealer.open(try row.get("sealedNarrative"), context: SealContext.narrative(key))
            support = try sealer.open(try row.get("sealedSupport"), context: SealContext.support(key))
            reported = try tx.rows("SELECT * FROM party WHERE caseId = $1 ORDER BY position", key).map { party in
                let position: Int = try party.get("position")
                let sealed = try sealer.openJSON(SealedParty.self, try party.get("sealed"), context: SealContext.party(key, position))
                return ReportedPerson(name: sealed.name, role: sealed.role, power: PowerRelation(rawValue: try party.get("power")) ?? .peer)
            }
        }
        let receivedAt = try row.date("receivedAt")
        var loaded = Case(
            id: id, receivedAt: receivedAt, channel: Channel(rawValue: try row.get("channel")) ?? .complaint,
            incidentFirst: details.incidentFirst ?? receivedAt, incidentLast: details.incidentLast ?? details.incidentFirst ?? receivedAt,
            reporter: reporter, relationship: Relationship(rawValue: try row.get("relationship")) ?? .other, reported: reported,
            categories: Self.split(try row.get("categories")), grounds: details.grounds ?? [], conductTags: details.conductTags ?? [],
            childInvolved: details.childInvolved ?? false, consentShareIdentity: try row.get("consentShareIdentity"),
            narrative: narrative, supportNeeds: support, status: CaseStatus(rawValue: try row.get("status")) ?? .new,
            assessment: details.ratings,
            escalationLevel: try row.get("escalationLevel", as: String?.self).flatMap(EscalationLevel.init(rawValue:)),
            screeningReason: details.screeningReason, outcome: details.outcome,
            acknowledgedAt: try row.optionalDate("acknowledgedAt"), closedAt: try row.optionalDate("closedAt"),
            legalHold: try row.get("legalHold"), journal: try loadJournal(tx, key: key, unseal: unseal),
            affected: affected, wishes: details.wishes, dutyToAct: details.dutyToAct, measures: details.measures ?? [])
        loaded.followUpEveryDays = try row.get("followUpDays", as: Int?.self)
        return loaded
    }

    func insert(_ tx: PostgresTransaction, _ item: Case, now: Date) throws {
        let key = item.id.description
        try tx.run("""
            INSERT INTO casefile (id, year, seq, receivedAt, channel, status, relationship, pseudonym, anonymous, categories,
                consentShareIdentity, sealedReporter, sealedNarrative, sealedSupport, updatedAt)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            """, key, item.id.year, item.id.number, item.receivedAt, item.channel.rawValue, item.status.rawValue,
                   item.relationship.rawValue, item.reporter.pseudonym, item.reporter.anonymous, Self.join(item.categories),
                   item.consentShareIdentity, Data(), Data(), Data(), now)
        try updateRow(tx, item, now: now)
        try writeParties(tx, item)
        for entry in item.journal { try insertJournal(tx, entry, caseId: item.id) }
    }

    /// Writes a case's plain columns and its sealed fields (grounds, conduct tags, ratings, the child flag, incident
    /// dates, outcome and screening reason live only in the sealed details).
    func updateRow(_ tx: PostgresTransaction, _ item: Case, now: Date) throws {
        let key = item.id.description
        changedRows.insert(key)
        try tx.run("""
            UPDATE casefile SET status = $1, relationship = $2, pseudonym = $3, anonymous = $4, categories = $5,
                consentShareIdentity = $6, escalationLevel = $7, acknowledgedAt = $8, closedAt = $9, legalHold = $10,
                sealedReporter = $11, sealedNarrative = $12, sealedSupport = $13, sealedDetails = $14, followUpDays = $15,
                updatedAt = $16, version = version + 1, changedBy = $17
            WHERE id = $18
            """, item.status.rawValue, item.relationship.rawValue, item.reporter.pseudonym, item.reporter.anonymous,
                   Self.join(item.categories), item.consentShareIdentity, item.escalationLevel?.rawValue, item.acknowledgedAt,
                   item.closedAt, item.legalHold,
                   try sealer.sealJSON(SealedIdentity(item), context: SealContext.reporter(key)),
                   try sealer.seal(item.narrative, context: SealContext.narrative(key)),
                   try sealer.seal(item.supportNeeds, context: SealContext.support(key)),
                   try sealer.sealJSON(SealedDetails(item), context: SealContext.details(key)), item.followUpEveryDays, now,
                   session.account, key)
    }

    func writeParties(_ tx: PostgresTransaction, _ item: Case) throws {
        let key = item.id.description
        try tx.run("DELETE FROM party WHERE caseId = $1", key)
        for (position, person) in item.reported.enumerated() {
            try tx.run("""
                INSERT INTO party (id, caseId, position, matchTag, power, sealed)
                VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM party), $1, $2, $3, $4, $5)
                """, key, position, sealer.matchTag(person.matchKey), person.power.rawValue,
                       try sealer.sealJSON(SealedParty(name: person.name, role: person.role), context: SealContext.party(key, position)))
        }
    }

    /// A case's journal in the order it was written; the texts opened only when `unseal`.
    func loadJournal(_ tx: PostgresTransaction, key: String, unseal: Bool) throws -> [JournalEntry] {
        try tx.rows("SELECT * FROM journal WHERE caseId = $1 ORDER BY id", key).map { entry in
            let kind = JournalEntry.Kind(rawValue: try entry.get("kind")) ?? .note
            let author: String = try entry.get("author")
            var text = ""
            if unseal {
                text = try sealer.open(try entry.get("sealedText"), context: SealContext.journal(
                    case: key, kind: kind, id: try entry.get("id"), at: try entry.get("at"), author: author))
            }
            return JournalEntry(at: try entry.date("at"), kind: kind, author: author, text: text,
                                party: try entry.get("party", as: Int?.self))
        }
    }

    func insertJournal(_ tx: PostgresTransaction, _ entry: JournalEntry, caseId: CaseID) throws {
        let key = caseId.description
        changedRows.insert(key)
        let id = (try tx.value("SELECT COALESCE(MAX(id), 0) FROM journal", as: Int64.self) ?? 0) + 1
        let at = DateText.databaseTimestamp(entry.at)
        try tx.run("INSERT INTO journal (id, caseId, at, kind, author, sealedText, party) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                   id, key, at, entry.kind.rawValue, entry.author,
                   try sealer.seal(entry.text, context: SealContext.journal(case: key, kind: entry.kind, id: id, at: at, author: entry.author)),
                   entry.party)
        try tx.run("UPDATE casefile SET version = version + 1, changedBy = $1, updatedAt = $2 WHERE id = $3", session.account,
                   entry.at, key)
    }

    // MARK: Row seals

    /// The plain columns that drive behaviour, sealed with an HMAC (as the SQLite engine seals them): a row changed on
    /// the server (closed with an old date and its hold lifted, a journal row deleted) no longer matches its seal.
    static let rowSealColumns = """
        id, status, receivedAt, acknowledgedAt, closedAt, legalHold, consentShareIdentity, escalationLevel, band, score,
        followUpDays, needsReassignment,
        (SELECT COUNT(*) FROM journal j WHERE j.caseId = c.id) AS journalCount,
        (SELECT COALESCE(MAX(j.id), 0) FROM journal j WHERE j.caseId = c.id) AS journalLast
        """

    /// The seal a row of ``rowSealColumns`` should carry.
    func rowSeal(_ row: PostgresRandomAccessRow) throws -> String {
        var fields: [String] = []
        for column in ["id", "status", "receivedAt", "acknowledgedAt", "closedAt", "escalationLevel", "band"] {
            fields.append(try row.get(column, as: String?.self) ?? "NULL")
        }
        for column in ["legalHold", "consentShareIdentity", "needsReassignment"] {
            fields.append(try row.get(column, as: Bool.self) ? "1" : "0")
        }
        for column in ["score", "followUpDays"] {
            fields.append(try row.get(column, as: Int?.self).map(String.init) ?? "NULL")
        }
        fields.append("journal \(try row.get("journalCount", as: Int.self)) up to \(try row.get("journalLast", as: Int64.self))")
        return mac(fields.joined(separator: "\u{1F}"))
    }

    /// Seals every case row this transaction changed.
    func sealChangedRows(_ tx: PostgresTransaction) throws {
        for id in changedRows.take() {
            guard let row = try tx.rows("SELECT \(Self.rowSealColumns) FROM casefile c WHERE id = $1", id).first else { continue }
            try tx.run("UPDATE casefile SET rowSeal = $1 WHERE id = $2", try rowSeal(row), id)
        }
    }

    func rowIsIntact(_ tx: PostgresTransaction, _ id: String) throws -> Bool {
        guard let row = try tx.rows("SELECT rowSeal, \(Self.rowSealColumns) FROM casefile c WHERE id = $1", id).first else {
            return true
        }
        return try row.get("rowSeal", as: String?.self) == rowSeal(row)
    }

    func checkRowIntact(_ tx: PostgresTransaction, _ id: CaseID) throws {
        guard try rowIsIntact(tx, id.description) else { throw StoreError.tampered(id.description) }
    }

    /// Case rows whose plain columns no longer match their seal.
    public func tamperedCases() throws -> [CaseID] {
        try read { tx in
            try tx.rows("SELECT rowSeal, \(Self.rowSealColumns) FROM casefile c ORDER BY year, seq").compactMap { row in
                try row.get("rowSeal", as: String?.self) == rowSeal(row) ? nil : CaseID(try row.get("id", as: String.self))
            }
        }
    }
}
