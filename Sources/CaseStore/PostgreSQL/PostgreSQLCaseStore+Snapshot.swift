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
                for (key, value) in snapshot.meta.sorted(by: { $0.key < $1.key }) {
                    try tx.run("INSERT INTO meta (key, value) VALUES ($1, $2)", key, value)
                }
                for (position, slot) in snapshot.slots.enumerated() {
                    try tx.run("""
                        INSERT INTO keyslot (account, position, role, kdf, salt, rounds, blockSize, parallelism, wrappedKey, createdAt, roleSeal,
                            publicKey, sealedPrivateKey)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                        """, slot.account, position + 1, slot.role, slot.kdf, slot.salt, slot.rounds, slot.blockSize,
                               slot.parallelism, slot.wrappedKey, slot.createdAt, slot.roleSeal, slot.publicKey, slot.sealedPrivateKey)
                }
                // The queue version counts changes an open desk must see; nobody sees a database being made, and its
                // counter row updated once per statement (a row inserted, then sealed) slows every update after it
                // in the same transaction: 20,000 cases took minutes. It counts from its start once the copy is made.
                try tx.run("ALTER TABLE casefile DISABLE TRIGGER casefile_version")
                for row in snapshot.cases { try insert(tx, row) }
                for party in snapshot.parties {
                    try tx.run("INSERT INTO party (id, caseId, position, matchTag, power, sealed) VALUES ($1, $2, $3, $4, $5, $6)",
                               party.id, party.caseId, party.position, party.matchTag, party.power, party.sealed)
                }
                for entry in snapshot.journal {
                    try tx.run("""
                        INSERT INTO journal (id, caseId, at, kind, author, sealedText, party, sealedWith)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                        """, entry.id, entry.caseId, entry.at, entry.kind, entry.author, entry.sealedText, entry.party, entry.sealedWith)
                }
                for entry in snapshot.audit {
                    try tx.run("""
                        INSERT INTO audit (id, at, actor, action, caseId, detail, prevHash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                        """, entry.id, entry.at, entry.actor, entry.action, entry.caseId, entry.detail, entry.prevHash, entry.hash)
                }
                for recusal in snapshot.recusals {
                    try tx.run("INSERT INTO recusal (caseId, account, automatic, at) VALUES ($1, $2, $3, $4)",
                               recusal.caseId, recusal.account, recusal.automatic, recusal.at)
                }
                for alias in snapshot.aliases {
                    try tx.run("INSERT INTO accountAlias (account, matchTag) VALUES ($1, $2)", alias.account, alias.matchTag)
                }
                for trace in snapshot.purged {
                    try tx.run("""
                        INSERT INTO purgedCase (id, receivedAt, closedAt, channel, relationship, categories, band, status, outcome,
                            escalationLevel, purgedAt) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        """, trace.id, trace.receivedAt, trace.closedAt, trace.channel, trace.relationship, trace.categories,
                               trace.band, trace.status, trace.outcome, trace.escalationLevel, trace.purgedAt)
                }
                for print in snapshot.fingerprints {
                    try tx.run("INSERT INTO importfingerprint (tag, caseId, source, importedAt) VALUES ($1, $2, $3, $4)",
                               print.tag, print.caseId, print.source, print.importedAt)
                }
                for key in snapshot.caseKeys {
                    try tx.run("INSERT INTO casekey (caseId, account, kind, encapsulated, wrapped) VALUES ($1, $2, $3, $4, $5)",
                               key.caseId, key.account, key.kind, key.encapsulated, key.wrapped)
                }
                for row in snapshot.policies {
                    try tx.run("INSERT INTO policy (version, installedAt, installedBy, document, seal) VALUES ($1, $2, $3, $4, $5)",
                               row.version, row.installedAt, row.installedBy, row.document, row.seal)
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
        return store
    }

    private static func insert(_ tx: PostgresTransaction, _ row: StoreSnapshot.CaseRow) throws {
        let values: [(String, any SQLArgument)] = [
            ("id", row.id), ("year", row.year), ("seq", row.seq), ("receivedAt", row.receivedAt), ("channel", row.channel),
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
            ("policyVersion", row.policyVersion),
        ]
        _ = try tx.rows("INSERT INTO casefile (\(values.map(\.0).joined(separator: ", "))) VALUES ("
                            + (1...values.count).map { "$\($0)" }.joined(separator: ", ") + ")",
                        arguments: values.map(\.1))
    }
}
