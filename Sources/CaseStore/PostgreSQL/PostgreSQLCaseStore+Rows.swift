import CaseCore
import Foundation
import PostgresNIO

/// Case rows: reading them (opening what the session may see), writing them sealed, the journal.
extension PostgreSQLCaseStore {
    /// A case read with `keys`: its sealed fields opened only when `unseal` (the identity only with `identity` too); the
    /// special-category details always (ranking needs the ratings), from the supervisor's copy when that is all it holds.
    func loadCase(_ tx: PostgresTransaction, _ id: CaseID, keys: CaseKeys, unseal: Bool, identity: Bool = true) throws -> Case {
        guard let row = try tx.rows("SELECT * FROM casefile WHERE id = $1", id.description).first else {
            throw StoreError.caseNotFound(id.description)
        }
        let key = id.description
        var reporter = Reporter(pseudonym: try row.get("pseudonym"), anonymous: try row.get("anonymous"))
        var narrative = "", support = ""
        var reported: [ReportedPerson] = []
        var affected: AffectedPerson?
        let refusal = missingKeys(id)
        if unseal && identity {
            let sealed = try keys.require(.identity, refusal).openJSON(SealedIdentity.self, try row.get("sealedReporter"),
                                                                       context: SealContext.reporter(key))
            reporter = Reporter(pseudonym: reporter.pseudonym, anonymous: reporter.anonymous, name: sealed.name, contact: sealed.contact)
            affected = sealed.affected
        }
        let details = try SealedDetails.open(details: try row.get("sealedDetails", as: Data?.self),
                                             copy: try row.get("sealedCopy", as: Data?.self),
                                             review: try row.get("sealedReview", as: Data?.self), key: key, keys: keys) ?? SealedDetails()
        if unseal {
            let content = try keys.require(.content, refusal)
            narrative = try content.open(try row.get("sealedNarrative"), context: SealContext.narrative(key))
            support = try content.open(try row.get("sealedSupport"), context: SealContext.support(key))
            reported = try tx.rows("SELECT * FROM party WHERE caseId = $1 ORDER BY position", key).map { party in
                let position: Int = try party.get("position")
                let sealed = try content.openJSON(SealedParty.self, try party.get("sealed"), context: SealContext.party(key, position))
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
            legalHold: try row.get("legalHold"), journal: try loadJournal(tx, key: key, keys: keys, unseal: unseal),
            affected: affected, wishes: details.wishes, dutyToAct: details.dutyToAct, measures: details.measures ?? [])
        loaded.followUpEveryDays = try row.get("followUpDays", as: Int?.self)
        loaded.language = details.language
        return loaded
    }

    func insert(_ tx: PostgresTransaction, _ item: Case, keys: CaseKeys, now: Date) throws {
        let key = item.id.description
        try tx.run("""
            INSERT INTO casefile (id, year, seq, receivedAt, channel, status, relationship, pseudonym, anonymous, categories,
                consentShareIdentity, sealedReporter, sealedNarrative, sealedSupport, updatedAt)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            """, key, item.id.year, item.id.number, item.receivedAt, item.channel.rawValue, item.status.rawValue,
                   item.relationship.rawValue, item.reporter.pseudonym, item.reporter.anonymous, Self.join(item.categories),
                   item.consentShareIdentity, Data(), Data(), Data(), now)
        remember(keys, for: item.id)
        try updateRow(tx, item, keys: keys, now: now)
        try writeParties(tx, item, keys: keys)
        for entry in item.journal { try insertJournal(tx, entry, caseId: item.id) }
    }

    /// Writes a case's plain columns, its sealed fields under the case's keys and the supervisor's copy (a review
    /// decision it held is now in the details).
    func updateRow(_ tx: PostgresTransaction, _ item: Case, keys: CaseKeys, now: Date) throws {
        let key = item.id.description
        let sealed = try SealedCaseBlobs(item, keys: keys, refusal: missingKeys(item.id))
        changedRows.insert(key)
        try tx.run("""
            UPDATE casefile SET status = $1, relationship = $2, pseudonym = $3, anonymous = $4, categories = $5,
                consentShareIdentity = $6, escalationLevel = $7, acknowledgedAt = $8, closedAt = $9, legalHold = $10,
                sealedReporter = $11, sealedNarrative = $12, sealedSupport = $13, sealedDetails = $14, followUpDays = $15,
                updatedAt = $16, sealedCopy = $17, sealedReview = NULL, version = version + 1, changedBy = $18
            WHERE id = $19
            """, item.status.rawValue, item.relationship.rawValue, item.reporter.pseudonym, item.reporter.anonymous,
                   Self.join(item.categories), item.consentShareIdentity, item.escalationLevel?.rawValue, item.acknowledgedAt,
                   item.closedAt, item.legalHold, sealed.reporter, sealed.narrative, sealed.support, sealed.details,
                   item.followUpEveryDays, now, sealed.copy, session.account, key)
    }

    func writeParties(_ tx: PostgresTransaction, _ item: Case, keys: CaseKeys) throws {
        let key = item.id.description
        let content = try keys.require(.content, missingKeys(item.id))
        try tx.run("DELETE FROM party WHERE caseId = $1", key)
        for (position, person) in item.reported.enumerated() {
            try tx.run("""
                INSERT INTO party (id, caseId, position, matchTag, power, sealed)
                VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM party), $1, $2, $3, $4, $5)
                """, key, position, sealer.matchTag(person.matchKey), person.power.rawValue,
                       try content.sealJSON(SealedParty(name: person.name, role: person.role), context: SealContext.party(key, position)))
        }
    }

    /// A case's journal in the order it was written; the texts opened only when `unseal`, each with the key it is
    /// sealed with.
    func loadJournal(_ tx: PostgresTransaction, key: String, keys: CaseKeys, unseal: Bool) throws -> [JournalEntry] {
        try tx.rows("SELECT * FROM journal WHERE caseId = $1 ORDER BY id", key).map { entry in
            let kind = JournalEntry.Kind(rawValue: try entry.get("kind")) ?? .note
            let author: String = try entry.get("author")
            var text = ""
            if unseal {
                text = try SealedCaseBlobs.journalText(try entry.get("sealedText"), sealedWith: try entry.get("sealedWith", as: String?.self),
                                                       key: key, kind: kind, id: try entry.get("id"), at: try entry.get("at"),
                                                       author: author, keys: keys, refusal: missingKeys(CaseID(key)!))
            }
            return JournalEntry(at: try entry.date("at"), kind: kind, author: author, storedText: text,
                                party: try entry.get("party", as: Int?.self))
        }
    }

    /// Appends an entry, sealed under the case's content key, or under the copy's when the session holds only that.
    func insertJournal(_ tx: PostgresTransaction, _ entry: JournalEntry, caseId: CaseID) throws {
        let key = caseId.description
        let keys = try heldKeys(tx, caseId)
        let sealedWith: CaseKeys.Kind = keys[.content] == nil ? .copy : .content
        let sealer = try keys.require(sealedWith, missingKeys(caseId))
        changedRows.insert(key)
        // Numbered after every entry, including those of cases this login does not see (row-level security).
        let id = try tx.value("SELECT confidant_next_journal_id()", as: Int64.self) ?? 1
        let at = DateText.databaseTimestamp(entry.at)
        try tx.run("""
            INSERT INTO journal (id, caseId, at, kind, author, sealedText, party, sealedWith) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, id, key, at, entry.kind.rawValue, entry.author,
                   try sealer.seal(entry.storedText, context: SealContext.journal(case: key, kind: entry.kind, id: id, at: at,
                                                                                  author: entry.author)),
                   entry.party, sealedWith == .content ? nil : sealedWith.rawValue)
        try tx.run("UPDATE casefile SET version = version + 1, changedBy = $1, updatedAt = $2 WHERE id = $3", session.account,
                   entry.at, key)
    }

    /// Seals every journal text of a case again under its (new) content key; `item` holds them opened, in order.
    func resealJournal(_ tx: PostgresTransaction, _ item: Case, keys: CaseKeys) throws {
        let key = item.id.description
        let content = try keys.require(.content, missingKeys(item.id))
        let rows = try tx.rows("SELECT id, at, kind, author FROM journal WHERE caseId = $1 ORDER BY id", key)
        guard rows.count == item.journal.count else { throw StoreError.corrupted("the journal of \(item.id) changed while it was sealed again") }
        for (row, entry) in zip(rows, item.journal) {
            let id: Int64 = try row.get("id")
            let context = SealContext.journal(case: key, kind: entry.kind, id: id, at: try row.get("at"), author: try row.get("author"))
            try tx.run("UPDATE journal SET sealedText = $1, sealedWith = NULL WHERE id = $2", try content.seal(entry.storedText, context: context), id)
        }
    }

    // MARK: Row seals

    /// The plain columns that drive behaviour, sealed with an HMAC (as the SQLite engine seals them): a row changed on
    /// the server (closed with an old date and its hold lifted, a journal row deleted) no longer matches its seal.
    static let rowSealColumns = """
        id, status, receivedAt, acknowledgedAt, closedAt, legalHold, consentShareIdentity, escalationLevel, band, score,
        followUpDays, needsReassignment, severeOrPervasive, nextDueAt, nextDueKind, outsideWindow, supportDuty, queueOpen,
        queueBand, queueScore, nextDueEpoch, receivedEpoch,
        (SELECT COUNT(*) FROM journal j WHERE j.caseId = c.id) AS journalCount,
        (SELECT COALESCE(MAX(j.id), 0) FROM journal j WHERE j.caseId = c.id) AS journalLast
        """

    /// The seal a row of ``rowSealColumns`` should carry.
    func rowSeal(_ row: PostgresRandomAccessRow) throws -> String {
        var fields: [String] = []
        for column in ["id", "status", "receivedAt", "acknowledgedAt", "closedAt", "escalationLevel", "band", "nextDueAt", "nextDueKind"] {
            fields.append(try row.get(column, as: String?.self) ?? "NULL")
        }
        for column in ["legalHold", "consentShareIdentity", "needsReassignment", "severeOrPervasive", "outsideWindow", "supportDuty"] {
            fields.append(try row.get(column, as: Bool.self) ? "1" : "0")
        }
        for column in ["score", "followUpDays", "queueOpen", "queueBand", "queueScore"] {
            fields.append(try row.get(column, as: Int?.self).map(String.init) ?? "NULL")
        }
        for column in ["nextDueEpoch", "receivedEpoch"] {
            fields.append(try row.get(column, as: Double?.self).map { String($0.bitPattern) } ?? "NULL")
        }
        fields.append("journal \(try row.get("journalCount", as: Int.self)) up to \(try row.get("journalLast", as: Int64.self))")
        return mac(fields.joined(separator: "\u{1F}"))
    }

    /// Seals every case row this transaction changed.
    /// Two statements whatever their number (the rows read in one, their seals written in as few as the server's
    /// limit on arguments allows): re-ranking every case, or a copy of 100,000 cases, is not a round trip a case.
    /// The ids are joined as a set (`IN (SELECT unnest …)`, a hash join): `= ANY(array)` compares each row with
    /// every id, and 20,000 changed rows took minutes.
    func sealChangedRows(_ tx: PostgresTransaction) throws {
        let ids = changedRows.take()
        guard !ids.isEmpty else { return }
        let seals = try tx.rows("SELECT \(Self.rowSealColumns) FROM casefile c WHERE id IN (SELECT unnest($1::text[]))", Array(ids)).map { row in
            (id: try row.get("id", as: String.self), seal: try rowSeal(row))
        }
        try tx.inBatches(seals, columns: 2, values: { [$0.id, $0.seal] }) { pairs in
            "UPDATE casefile SET rowSeal = sealed.seal FROM (VALUES \(pairs)) AS sealed (id, seal) WHERE casefile.id = sealed.id"
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

extension PostgreSQLCaseStore {
    /// Accounts whose role no longer matches its seal (each is refused at its login).
    public func tamperedAccounts() throws -> [String] {
        try read { tx in
            try tx.rows("SELECT account, role, roleSeal FROM keyslot ORDER BY position").compactMap { row in
                let account: String = try row.get("account")
                guard let role = Role(rawValue: try row.get("role")) else { return account }
                return try row.get("roleSeal", as: String?.self) == roleSeal(account: account, role: role) ? nil : account
            }
        }
    }
}
