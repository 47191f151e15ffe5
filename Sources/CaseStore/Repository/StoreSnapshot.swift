import Foundation

/// A whole database as its rows, the same whatever engine holds it: what `confidant migrate` reads from one engine and
/// writes into another. Sealed fields stay sealed (both engines seal alike, under the same keys: the team key the key
/// slots carry across, and each case's keys in their wrappings for each account); times are the text the engines store (the audit chain hashes it). Row seals are not carried:
/// each engine seals the rows it writes.
struct StoreSnapshot: Sendable {
    struct Slot: Sendable {
        var account: String, role: String, kdf: String, salt: Data, rounds: Int, blockSize: Int, parallelism: Int
        var wrappedKey: Data, createdAt: String, roleSeal: String?, publicKey: Data?, sealedPrivateKey: Data?
    }

    struct CaseRow: Sendable {
        var id: String, year: Int, seq: Int, receivedAt: String, channel: String, status: String, relationship: String
        var pseudonym: String, anonymous: Bool, categories: String, consentShareIdentity: Bool, escalationLevel: String?
        var acknowledgedAt: String?, closedAt: String?, legalHold: Bool, needsReassignment: Bool, score: Int?, band: String?
        var severeOrPervasive: Bool, nextDueAt: String?, nextDueKind: String?, outsideWindow: Bool, supportDuty: Bool
        var followUpDays: Int?, followUpSalt: Data?, followUpTag: String?, queueOpen: Int, queueBand: Int, queueScore: Int
        var nextDueEpoch: Double?, receivedEpoch: Double, sealedReporter: Data, sealedNarrative: Data, sealedSupport: Data
        var sealedDetails: Data?, updatedAt: String, version: Int, changedBy: String
        var sealedCopy: Data?, sealedReview: Data?, rekeyDue: Bool, rankStale: Bool, policyVersion: Int?
    }

    struct Party: Sendable { var id: Int64, caseId: String, position: Int, matchTag: String, power: String, sealed: Data }
    struct Journal: Sendable {
        var id: Int64, caseId: String, at: String, kind: String, author: String, sealedText: Data, party: Int?, sealedWith: String?
    }
    /// A case key wrapped for one account (HPKE: the encapsulated key and the ciphertext).
    struct CaseKey: Sendable { var caseId: String, account: String, kind: String, encapsulated: Data, wrapped: Data }
    struct Audit: Sendable {
        var id: Int64, at: String, actor: String, action: String, caseId: String?, detail: String, prevHash: String, hash: String
    }
    struct Recusal: Sendable { var caseId: String, account: String, automatic: Bool, at: String }
    struct Alias: Sendable { var account: String, matchTag: String }
    struct Purged: Sendable {
        var id: Int64, receivedAt: String, closedAt: String?, channel: String, relationship: String, categories: String
        var band: String?, status: String, outcome: String?, escalationLevel: String?, purgedAt: String
    }
    struct Fingerprint: Sendable { var tag: String, caseId: String?, source: String, importedAt: String }

    /// `meta` without the keys each database has of its own (`databaseId`, the seals' marker, the queue version).
    var meta: [String: String] = [:]
    var slots: [Slot] = []
    var cases: [CaseRow] = []
    var parties: [Party] = []
    var journal: [Journal] = []
    var audit: [Audit] = []
    var recusals: [Recusal] = []
    var aliases: [Alias] = []
    var purged: [Purged] = []
    var fingerprints: [Fingerprint] = []
    var caseKeys: [CaseKey] = []
    var policies: [StoredPolicy] = []

    /// The meta keys that stay with their database.
    static let ownMeta: Set<String> = ["databaseId", "rowSeals", "queueVersion"]

    /// What a migration counts, to compare the copy with its source.
    var counts: [String: Int] {
        ["accounts": slots.count, "cases": cases.count, "reported persons": parties.count, "journal entries": journal.count,
         "audit entries": audit.count, "recusals": recusals.count, "aliases": aliases.count, "purged traces": purged.count,
         "import fingerprints": fingerprints.count, "case key wrappings": caseKeys.count,
         "team policy versions": policies.count]
    }
}
