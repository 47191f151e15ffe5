import CaseCore
import Crypto
import Foundation
import PostgresNIO

/// The whole database as a ``StoreSnapshot`` (for `confidant migrate`), and a new database made from one.
extension PostgreSQLCaseStore {
    /// Every row, read in one transaction on one snapshot.
    func snapshot() throws -> StoreSnapshot {
        try read { tx in
            var snapshot = StoreSnapshot()
            for row in try tx.rows("SELECT key, value FROM meta") where !StoreSnapshot.ownMeta.contains(try row.get("key")) {
                snapshot.meta[try row.get("key")] = try row.get("value", as: String.self)
            }
            snapshot.slots = try tx.rows("SELECT * FROM keyslot ORDER BY position").map {
                .init(account: try $0.get("account"), role: try $0.get("role"), kdf: try $0.get("kdf"), salt: try $0.get("salt"),
                      rounds: try $0.get("rounds"), blockSize: try $0.get("blockSize"), parallelism: try $0.get("parallelism"),
                      wrappedKey: try $0.get("wrappedKey"), createdAt: try $0.get("createdAt"), roleSeal: try $0.get("roleSeal"),
                      publicKey: try $0.get("publicKey"), sealedPrivateKey: try $0.get("sealedPrivateKey"))
            }
            snapshot.cases = try tx.rows("SELECT * FROM casefile ORDER BY year, seq").map { row in
                func value<T: PostgresDecodable>(_ column: String) throws -> T { try row.get(column) }
                return StoreSnapshot.CaseRow(
                    id: try value("id"), year: try value("year"), seq: try value("seq"), receivedAt: try value("receivedAt"),
                    channel: try value("channel"), status: try value("status"), relationship: try value("relationship"),
                    pseudonym: try value("pseudonym"), anonymous: try value("anonymous"), categories: try value("categories"),
                    consentShareIdentity: try value("consentShareIdentity"), escalationLevel: try value("escalationLevel"),
                    acknowledgedAt: try value("acknowledgedAt"), closedAt: try value("closedAt"), legalHold: try value("legalHold"),
                    needsReassignment: try value("needsReassignment"), score: try value("score"), band: try value("band"),
                    severeOrPervasive: try value("severeOrPervasive"), nextDueAt: try value("nextDueAt"),
                    nextDueKind: try value("nextDueKind"), outsideWindow: try value("outsideWindow"),
                    supportDuty: try value("supportDuty"), followUpDays: try value("followUpDays"),
                    followUpSalt: try value("followUpSalt"), followUpTag: try value("followUpTag"), queueOpen: try value("queueOpen"),
                    queueBand: try value("queueBand"), queueScore: try value("queueScore"), nextDueEpoch: try value("nextDueEpoch"),
                    receivedEpoch: try value("receivedEpoch"), sealedReporter: try value("sealedReporter"),
                    sealedNarrative: try value("sealedNarrative"), sealedSupport: try value("sealedSupport"),
                    sealedDetails: try value("sealedDetails"), updatedAt: try value("updatedAt"), version: try value("version"),
                    changedBy: try value("changedBy"), sealedCopy: try value("sealedCopy"), sealedReview: try value("sealedReview"),
                    rekeyDue: try value("rekeyDue"), rankStale: try value("rankStale"), policyVersion: try value("policyVersion"))
            }
            snapshot.parties = try tx.rows("SELECT * FROM party ORDER BY id").map {
                .init(id: try $0.get("id"), caseId: try $0.get("caseId"), position: try $0.get("position"),
                      matchTag: try $0.get("matchTag"), power: try $0.get("power"), sealed: try $0.get("sealed"))
            }
            snapshot.journal = try tx.rows("SELECT * FROM journal ORDER BY id").map {
                .init(id: try $0.get("id"), caseId: try $0.get("caseId"), at: try $0.get("at"), kind: try $0.get("kind"),
                      author: try $0.get("author"), sealedText: try $0.get("sealedText"), party: try $0.get("party"),
                      sealedWith: try $0.get("sealedWith"))
            }
            snapshot.audit = try tx.rows("SELECT * FROM audit ORDER BY id").map {
                .init(id: try $0.get("id"), at: try $0.get("at"), actor: try $0.get("actor"), action: try $0.get("action"),
                      caseId: try $0.get("caseId"), detail: try $0.get("detail"), prevHash: try $0.get("prevHash"),
                      hash: try $0.get("hash"))
            }
            snapshot.recusals = try tx.rows("SELECT * FROM recusal ORDER BY caseId, account").map {
                .init(caseId: try $0.get("caseId"), account: try $0.get("account"), automatic: try $0.get("automatic"),
                      at: try $0.get("at"))
            }
            snapshot.aliases = try tx.rows("SELECT * FROM accountAlias ORDER BY account, matchTag").map {
                .init(account: try $0.get("account"), matchTag: try $0.get("matchTag"))
            }
            snapshot.purged = try tx.rows("SELECT * FROM purgedCase ORDER BY id").map {
                .init(id: try $0.get("id"), receivedAt: try $0.get("receivedAt"), closedAt: try $0.get("closedAt"),
                      channel: try $0.get("channel"), relationship: try $0.get("relationship"), categories: try $0.get("categories"),
                      band: try $0.get("band"), status: try $0.get("status"), outcome: try $0.get("outcome"),
                      escalationLevel: try $0.get("escalationLevel"), purgedAt: try $0.get("purgedAt"))
            }
            snapshot.fingerprints = try tx.rows("SELECT * FROM importfingerprint ORDER BY tag").map {
                .init(tag: try $0.get("tag"), caseId: try $0.get("caseId"), source: try $0.get("source"),
                      importedAt: try $0.get("importedAt"))
            }
            snapshot.caseKeys = try tx.rows("SELECT * FROM casekey ORDER BY caseId, account, kind").map {
                .init(caseId: try $0.get("caseId"), account: try $0.get("account"), kind: try $0.get("kind"),
                      encapsulated: try $0.get("encapsulated"), wrapped: try $0.get("wrapped"))
            }
            snapshot.policies = try Self.storedPolicies(tx)
            return snapshot
        }
    }

    /// Fills an empty database on a server from a snapshot sealed under `dataKey`, its rows sealed again for this engine
    /// and `finish` run in the same transaction (the migration's own audit entry). Refuses a database that holds
    /// Confidant's tables.
    static func create(at server: PostgresServer, from snapshot: StoreSnapshot, session: Session, dataKey: SymmetricKey,
                       accountKey: AccountKey, evaluator: CaseEvaluator, finish: (PostgreSQLCaseStore, PostgresTransaction) throws -> Void) throws
        -> PostgreSQLCaseStore
    {
        let link = try PostgresLink.connect(server)
        let store = PostgreSQLCaseStore(link: link, server: server, session: session, dataKey: dataKey, accountKey: accountKey,
                                        evaluator: evaluator)
        let head = try mapping(server) {
            try link.transaction { tx in
                try createTables(tx, server)
                // Every table's rows in as few statements as the server's limit on arguments allows (a round trip
                // a row took about an hour for 100,000 cases).
                try tx.insert(into: "meta", columns: ["key", "value"], snapshot.meta.sorted(by: { $0.key < $1.key })) {
                    [$0.key, $0.value]
                }
                try tx.insert(into: "keyslot", columns: ["account", "position", "role", "kdf", "salt", "rounds", "blockSize", "parallelism",
                                                         "wrappedKey", "createdAt", "roleSeal", "publicKey", "sealedPrivateKey"],
                              Array(snapshot.slots.enumerated())) { position, slot in
                    [slot.account, position + 1, slot.role, slot.kdf, slot.salt, slot.rounds, slot.blockSize, slot.parallelism,
                     slot.wrappedKey, slot.createdAt, slot.roleSeal, slot.publicKey, slot.sealedPrivateKey]
                }
                // The queue version counts changes an open desk must see; nobody sees a database being made, and its
                // counter row updated once per statement (rows inserted, then sealed) slows every update after it in
                // the same transaction. It counts from its start once the copy is made.
                try tx.run("ALTER TABLE casefile DISABLE TRIGGER casefile_version")
                try tx.insert(into: "casefile", columns: snapshot.cases.first.map { Self.caseFields($0).map(\.column) } ?? [],
                              snapshot.cases) { Self.caseFields($0).map(\.value) }
                try tx.insert(into: "party", columns: ["id", "caseId", "position", "matchTag", "power", "sealed"], snapshot.parties) {
                    [$0.id, $0.caseId, $0.position, $0.matchTag, $0.power, $0.sealed]
                }
                try tx.insert(into: "journal", columns: ["id", "caseId", "at", "kind", "author", "sealedText", "party", "sealedWith"],
                              snapshot.journal) { [$0.id, $0.caseId, $0.at, $0.kind, $0.author, $0.sealedText, $0.party, $0.sealedWith] }
                try tx.insert(into: "audit", columns: ["id", "at", "actor", "action", "caseId", "detail", "prevHash", "hash"],
                              snapshot.audit) { [$0.id, $0.at, $0.actor, $0.action, $0.caseId, $0.detail, $0.prevHash, $0.hash] }
                try tx.insert(into: "recusal", columns: ["caseId", "account", "automatic", "at"], snapshot.recusals) {
                    [$0.caseId, $0.account, $0.automatic, $0.at]
                }
                try tx.insert(into: "accountAlias", columns: ["account", "matchTag"], snapshot.aliases) { [$0.account, $0.matchTag] }
                try tx.insert(into: "purgedCase", columns: ["id", "receivedAt", "closedAt", "channel", "relationship", "categories", "band",
                                                            "status", "outcome", "escalationLevel", "purgedAt"], snapshot.purged) {
                    [$0.id, $0.receivedAt, $0.closedAt, $0.channel, $0.relationship, $0.categories, $0.band, $0.status, $0.outcome,
                     $0.escalationLevel, $0.purgedAt]
                }
                try tx.insert(into: "importfingerprint", columns: ["tag", "caseId", "source", "importedAt"], snapshot.fingerprints) {
                    [$0.tag, $0.caseId, $0.source, $0.importedAt]
                }
                try tx.insert(into: "casekey", columns: ["caseId", "account", "kind", "encapsulated", "wrapped"], snapshot.caseKeys) {
                    [$0.caseId, $0.account, $0.kind, $0.encapsulated, $0.wrapped]
                }
                try tx.insert(into: "policy", columns: ["version", "installedAt", "installedBy", "document", "seal"], snapshot.policies) {
                    [$0.version, $0.installedAt, $0.installedBy, $0.document, $0.seal]
                }
                for row in snapshot.cases { store.changedRows.insert(row.id) }
                try store.sealChangedRows(tx)
                try tx.run("ALTER TABLE casefile ENABLE TRIGGER casefile_version")
                try PostgresAuditLog.rebindHead(tx, headKey: store.headKey)
                try finish(store, tx)
                return try auditHead(tx)
            }
        }
        keepOutside(head)
        // The planner has no figures for the new tables yet, and the visibility map that lets the queue be read from
        // its index alone is made by a vacuum: as `pg_restore` advises, vacuum and analyse now (outside any
        // transaction) rather than at the server's autovacuum's next pass.
        try mapping(server) { _ = try link.rows("VACUUM ANALYZE") }
        return store
    }

    /// A case row's values, each with its column.
    private static func caseFields(_ row: StoreSnapshot.CaseRow) -> [(column: String, value: any SQLArgument)] {
        [("id", row.id), ("year", row.year), ("seq", row.seq), ("receivedAt", row.receivedAt), ("channel", row.channel),
         ("status", row.status), ("relationship", row.relationship), ("pseudonym", row.pseudonym), ("anonymous", row.anonymous),
         ("categories", row.categories), ("consentShareIdentity", row.consentShareIdentity),
         ("escalationLevel", row.escalationLevel), ("acknowledgedAt", row.acknowledgedAt), ("closedAt", row.closedAt),
         ("legalHold", row.legalHold), ("needsReassignment", row.needsReassignment), ("score", row.score), ("band", row.band),
         ("severeOrPervasive", row.severeOrPervasive), ("nextDueAt", row.nextDueAt), ("nextDueKind", row.nextDueKind),
         ("outsideWindow", row.outsideWindow), ("supportDuty", row.supportDuty), ("followUpDays", row.followUpDays),
         ("followUpSalt", row.followUpSalt), ("followUpTag", row.followUpTag), ("queueOpen", row.queueOpen),
         ("queueBand", row.queueBand), ("queueScore", row.queueScore), ("nextDueEpoch", row.nextDueEpoch),
         ("receivedEpoch", row.receivedEpoch), ("sealedReporter", row.sealedReporter), ("sealedNarrative", row.sealedNarrative),
         ("sealedSupport", row.sealedSupport), ("sealedDetails", row.sealedDetails), ("updatedAt", row.updatedAt),
         ("version", row.version), ("changedBy", row.changedBy), ("sealedCopy", row.sealedCopy),
         ("sealedReview", row.sealedReview), ("rekeyDue", row.rekeyDue), ("rankStale", row.rankStale),
         ("policyVersion", row.policyVersion)]
    }
}
