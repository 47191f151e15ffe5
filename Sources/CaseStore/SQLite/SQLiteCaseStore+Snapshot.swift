import CaseCore
import Crypto
import Foundation
import GRDB

/// The whole file as a ``StoreSnapshot`` (for `confidant migrate`), and a new file made from one.
extension SQLiteCaseStore {
    /// Every row, read in one transaction. Refuses a file whose rows were never sealed, or whose cases are not yet
    /// sealed under keys of their own (a counselor's login with this version does both).
    func snapshot() throws -> StoreSnapshot {
        try read { db in
            guard try caseKeysInForce(db) else { throw StoreError.notPermitted(.key("permission.migrate-older")) }
            var snapshot = StoreSnapshot()
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") where !StoreSnapshot.ownMeta.contains(row["key"]) {
                snapshot.meta[row["key"]] = row["value"]
            }
            snapshot.slots = try Row.fetchAll(db, sql: "SELECT * FROM keyslot ORDER BY rowid").map {
                .init(account: $0["account"], role: $0["role"], kdf: $0["kdf"], salt: $0["salt"], rounds: $0["rounds"],
                      blockSize: $0["blockSize"], parallelism: $0["parallelism"], wrappedKey: $0["wrappedKey"],
                      createdAt: $0["createdAt"], roleSeal: $0["roleSeal"], publicKey: $0["publicKey"],
                      sealedPrivateKey: $0["sealedPrivateKey"])
            }
            snapshot.cases = try Row.fetchAll(db, sql: "SELECT * FROM casefile ORDER BY year, seq").map { row in
                guard let details: Data = row["sealedDetails"] else {
                    throw StoreError.notPermitted(.key("permission.migrate-older"))
                }
                return StoreSnapshot.CaseRow(
                    id: row["id"], year: row["year"], seq: row["seq"], receivedAt: row["receivedAt"], channel: row["channel"],
                    status: row["status"], relationship: row["relationship"], pseudonym: row["pseudonym"], anonymous: row["anonymous"],
                    categories: row["categories"], consentShareIdentity: row["consentShareIdentity"],
                    escalationLevel: row["escalationLevel"], acknowledgedAt: row["acknowledgedAt"], closedAt: row["closedAt"],
                    legalHold: row["legalHold"], needsReassignment: row["needsReassignment"], score: row["score"], band: row["band"],
                    severeOrPervasive: row["severeOrPervasive"], nextDueAt: row["nextDueAt"], nextDueKind: row["nextDueKind"],
                    outsideWindow: row["outsideWindow"], supportDuty: row["supportDuty"], followUpDays: row["followUpDays"],
                    followUpSalt: row["followUpSalt"], followUpTag: row["followUpTag"], queueOpen: row["queueOpen"],
                    queueBand: row["queueBand"], queueScore: row["queueScore"], nextDueEpoch: row["nextDueEpoch"],
                    receivedEpoch: row["receivedEpoch"], sealedReporter: row["sealedReporter"], sealedNarrative: row["sealedNarrative"],
                    sealedSupport: row["sealedSupport"], sealedDetails: details, updatedAt: row["updatedAt"], version: row["version"],
                    changedBy: row["changedBy"], sealedCopy: row["sealedCopy"], sealedReview: row["sealedReview"],
                    rekeyDue: row["rekeyDue"], rankStale: row["rankStale"], policyVersion: row["policyVersion"])
            }
            snapshot.parties = try Row.fetchAll(db, sql: "SELECT * FROM party ORDER BY id").map {
                .init(id: $0["id"], caseId: $0["caseId"], position: $0["position"], matchTag: $0["matchTag"], power: $0["power"],
                      sealed: $0["sealed"])
            }
            snapshot.journal = try Row.fetchAll(db, sql: "SELECT * FROM journal ORDER BY id").map {
                .init(id: $0["id"], caseId: $0["caseId"], at: $0["at"], kind: $0["kind"], author: $0["author"],
                      sealedText: $0["sealedText"], party: $0["party"], sealedWith: $0["sealedWith"])
            }
            snapshot.audit = try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id").map {
                .init(id: $0["id"], at: $0["at"], actor: $0["actor"], action: $0["action"], caseId: $0["caseId"],
                      detail: $0["detail"], prevHash: $0["prevHash"], hash: $0["hash"])
            }
            snapshot.recusals = try Row.fetchAll(db, sql: "SELECT * FROM recusal ORDER BY caseId, account").map {
                .init(caseId: $0["caseId"], account: $0["account"], automatic: $0["automatic"], at: $0["at"])
            }
            snapshot.aliases = try Row.fetchAll(db, sql: "SELECT * FROM accountAlias ORDER BY account, matchTag").map {
                .init(account: $0["account"], matchTag: $0["matchTag"])
            }
            snapshot.purged = try Row.fetchAll(db, sql: "SELECT * FROM purgedCase ORDER BY id").map {
                .init(id: $0["id"], receivedAt: $0["receivedAt"], closedAt: $0["closedAt"], channel: $0["channel"],
                      relationship: $0["relationship"], categories: $0["categories"], band: $0["band"], status: $0["status"],
                      outcome: $0["outcome"], escalationLevel: $0["escalationLevel"], purgedAt: $0["purgedAt"])
            }
            snapshot.fingerprints = try Row.fetchAll(db, sql: "SELECT * FROM importfingerprint ORDER BY tag").map {
                .init(tag: $0["tag"], caseId: $0["caseId"], source: $0["source"], importedAt: $0["importedAt"])
            }
            snapshot.caseKeys = try Row.fetchAll(db, sql: "SELECT * FROM casekey ORDER BY caseId, account, kind").map {
                .init(caseId: $0["caseId"], account: $0["account"], kind: $0["kind"], encapsulated: $0["encapsulated"],
                      wrapped: $0["wrapped"])
            }
            snapshot.policies = try Self.storedPolicies(db)
            return snapshot
        }
    }

    /// Makes a new database file from a snapshot sealed under `dataKey`, its rows sealed again for this engine, and
    /// `finish` run in the same transaction (the migration's own audit entry). Refuses an existing file.
    static func create(at path: String, from snapshot: StoreSnapshot, session: Session, dataKey: SymmetricKey, accountKey: AccountKey,
                       evaluator: CaseEvaluator, finish: (SQLiteCaseStore, Database) throws -> Void) throws -> SQLiteCaseStore {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.alreadyExists(path: path) }
        let pool = try openPool(path)
        let store = SQLiteCaseStore(pool: pool, path: path, session: session, dataKey: dataKey, accountKey: accountKey,
                                    evaluator: evaluator)
        do {
            try StoreSchema.migrator.migrate(pool)
            try pool.write { db in
                for (key, value) in snapshot.meta {
                    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
                }
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('rowSeals', ?)", arguments: [store.mac(everyColumnMarker)])
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('caseKeys', ?)", arguments: [store.mac(caseKeysMarker)])
                for slot in snapshot.slots {
                    try db.execute(sql: """
                        INSERT INTO keyslot (account, role, kdf, salt, rounds, blockSize, parallelism, wrappedKey, createdAt, roleSeal,
                            publicKey, sealedPrivateKey)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [slot.account, slot.role, slot.kdf, slot.salt, slot.rounds, slot.blockSize, slot.parallelism,
                                         slot.wrappedKey, slot.createdAt, slot.roleSeal, slot.publicKey, slot.sealedPrivateKey])
                }
                for row in snapshot.cases { try insert(db, row) }
                for party in snapshot.parties {
                    try db.execute(sql: "INSERT INTO party (id, caseId, position, matchTag, power, sealed) VALUES (?, ?, ?, ?, ?, ?)",
                                   arguments: [party.id, party.caseId, party.position, party.matchTag, party.power, party.sealed])
                }
                for entry in snapshot.journal {
                    try db.execute(sql: """
                        INSERT INTO journal (id, caseId, at, kind, author, sealedText, party, sealedWith) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [entry.id, entry.caseId, entry.at, entry.kind, entry.author, entry.sealedText, entry.party,
                                         entry.sealedWith])
                }
                for entry in snapshot.audit {
                    try db.execute(sql: """
                        INSERT INTO audit (id, at, actor, action, caseId, detail, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [entry.id, entry.at, entry.actor, entry.action, entry.caseId, entry.detail, entry.prevHash, entry.hash])
                }
                for recusal in snapshot.recusals {
                    try db.execute(sql: "INSERT INTO recusal (caseId, account, automatic, at) VALUES (?, ?, ?, ?)",
                                   arguments: [recusal.caseId, recusal.account, recusal.automatic, recusal.at])
                }
                for alias in snapshot.aliases {
                    try db.execute(sql: "INSERT INTO accountAlias (account, matchTag) VALUES (?, ?)", arguments: [alias.account, alias.matchTag])
                }
                for trace in snapshot.purged {
                    try db.execute(sql: """
                        INSERT INTO purgedCase (id, receivedAt, closedAt, channel, relationship, categories, band, status, outcome,
                            escalationLevel, purgedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [trace.id, trace.receivedAt, trace.closedAt, trace.channel, trace.relationship, trace.categories,
                                         trace.band, trace.status, trace.outcome, trace.escalationLevel, trace.purgedAt])
                }
                for print in snapshot.fingerprints {
                    try db.execute(sql: "INSERT INTO importfingerprint (tag, caseId, source, importedAt) VALUES (?, ?, ?, ?)",
                                   arguments: [print.tag, print.caseId, print.source, print.importedAt])
                }
                for key in snapshot.caseKeys {
                    try db.execute(sql: "INSERT INTO casekey (caseId, account, kind, encapsulated, wrapped) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [key.caseId, key.account, key.kind, key.encapsulated, key.wrapped])
                }
                for row in snapshot.policies {
                    try db.execute(sql: "INSERT INTO policy (version, installedAt, installedBy, document, seal) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [row.version, row.installedAt, row.installedBy, row.document, row.seal])
                }
                for row in snapshot.cases { store.changedRows.insert(row.id) }
                try store.sealChangedRows(db)
                try AuditLog.rebindHead(db, headKey: store.headKey)
                try finish(store, db)
            }
        } catch {
            try? pool.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw mapError(error, path: path)
        }
        chmod(path, 0o600)
        keepOutside(try pool.read(auditHead))
        return store
    }

    /// A case row of a snapshot; the plain columns older rows used for sealed facts hold neutral values.
    private static func insert(_ db: Database, _ row: StoreSnapshot.CaseRow) throws {
        let values: [(String, (any DatabaseValueConvertible)?)] = [
            ("id", row.id), ("year", row.year), ("seq", row.seq), ("receivedAt", row.receivedAt), ("channel", row.channel),
            ("status", row.status), ("relationship", row.relationship), ("incidentFirst", row.receivedAt),
            ("incidentLast", row.receivedAt), ("pseudonym", row.pseudonym), ("anonymous", row.anonymous),
            ("categories", row.categories), ("grounds", ""), ("conductTags", ""), ("childInvolved", false),
            ("consentShareIdentity", row.consentShareIdentity), ("escalationLevel", row.escalationLevel),
            ("acknowledgedAt", row.acknowledgedAt), ("closedAt", row.closedAt), ("legalHold", row.legalHold),
            ("needsReassignment", row.needsReassignment), ("score", row.score), ("band", row.band),
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
        try db.execute(
            sql: "INSERT INTO casefile (\(values.map(\.0).joined(separator: ", "))) VALUES ("
                + Array(repeating: "?", count: values.count).joined(separator: ", ") + ")",
            arguments: StatementArguments(values.map(\.1)))
    }
}
