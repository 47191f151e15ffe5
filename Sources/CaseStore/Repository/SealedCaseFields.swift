import CaseCore
import Crypto
import Foundation

// What every engine seals of a case, and how: the same JSON in the same places, bound to the same contexts, so a
// case moved from one engine to another opens there (and a blob moved to another row or field opens nowhere).

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
    var language: String?

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
        language = item.language
    }
}

extension SealedDetails {
    /// The sealed details of a case row (opened even when the rest stays sealed: ranking needs the ratings), from the
    /// content key, or from the supervisor's copy when only its key is held; with a supervisor's review decision not yet
    /// folded in by a counselor (its outcome and measures, sealed under the copy's key). Nil when no key is held.
    static func open(details: Data?, copy: Data?, review: Data?, key: String, keys: CaseKeys) throws -> SealedDetails? {
        var opened: SealedDetails?
        if let content = keys.sealer(.content) {
            guard let details else { return nil }
            opened = try content.openJSON(SealedDetails.self, details, context: SealContext.details(key))
        } else if let copyKey = keys.sealer(.copy), let copy {
            opened = SealedDetails(try copyKey.openJSON(Case.self, copy, context: SealContext.copy(key)))
        }
        if opened != nil, let copyKey = keys.sealer(.copy), let review {
            let decision = try copyKey.openJSON(SealedReview.self, review, context: SealContext.review(key))
            opened?.outcome = decision.outcome
            opened?.measures = decision.measures.isEmpty ? nil : decision.measures
        }
        return opened
    }
}

/// A case's sealed fields, sealed under its keys as every engine stores them: the identity under the identity key, the
/// narrative, support needs and details under the content key, the supervisor's copy under the copy's key.
struct SealedCaseBlobs {
    var reporter: Data
    var narrative: Data
    var support: Data
    var details: Data
    var copy: Data

    init(_ item: Case, keys: CaseKeys, refusal: @autoclosure () -> StoreError) throws {
        let key = item.id.description
        let content = try keys.require(.content, refusal())
        reporter = try keys.require(.identity, refusal()).sealJSON(SealedIdentity(item), context: SealContext.reporter(key))
        narrative = try content.seal(item.narrative, context: SealContext.narrative(key))
        support = try content.seal(item.supportNeeds, context: SealContext.support(key))
        details = try content.sealJSON(SealedDetails(item), context: SealContext.details(key))
        copy = try keys.require(.copy, refusal()).sealJSON(SupervisorView.copy(of: item), context: SealContext.copy(key))
    }

    /// A journal text opened with the key it is sealed with (`sealedWith`, the content key when nil), bound to its case,
    /// kind, id, time and author; entries written before that binding, to case and kind.
    static func journalText(_ blob: Data, sealedWith: String?, key: String, kind: JournalEntry.Kind, id: Int64, at: String,
                            author: String, keys: CaseKeys, refusal: @autoclosure () -> StoreError) throws -> String {
        let sealer = try keys.require(sealedWith.flatMap(CaseKeys.Kind.init(rawValue:)) ?? .content, refusal())
        let bound = SealContext.journal(case: key, kind: kind, id: id, at: at, author: author)
        return try (try? sealer.open(blob, context: bound)) ?? sealer.open(blob, context: "case:\(key):journal:\(kind.rawValue)")
    }
}

/// What a supervisor's review changed in sealed fields, sealed under the copy's key (a supervisor holds no other) until
/// a counselor's next write folds it into the case.
struct SealedReview: Codable {
    var outcome: Outcome?
    var measures: [Measure]
}

/// A reported person's name and role (the power relation stays plain: ranking needs it).
struct SealedParty: Codable { var name: String; var role: String }

/// The authenticated data each sealed value is bound to.
enum SealContext {
    static func reporter(_ key: String) -> String { "case:\(key):reporter" }
    static func narrative(_ key: String) -> String { "case:\(key):narrative" }
    static func support(_ key: String) -> String { "case:\(key):support" }
    static func details(_ key: String) -> String { "case:\(key):details" }
    static func party(_ key: String, _ position: Int) -> String { "case:\(key):party:\(position)" }
    static func copy(_ key: String) -> String { "case:\(key):copy" }
    static func review(_ key: String) -> String { "case:\(key):review" }

    /// The authenticated data of a journal text: a row moved to another case, or given another id, time or author,
    /// no longer opens.
    static func journal(case key: String, kind: JournalEntry.Kind, id: Int64, at: String, author: String) -> String {
        "case:\(key):journal:\(kind.rawValue):\(id):\(at):\(author)"
    }
}

/// The keys every engine derives from a database's data key, and the keyed hashes made with them.
enum StoreKeys {
    /// The key of the seals over plain columns that drive behaviour.
    static func rowKey(_ dataKey: SymmetricKey) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: dataKey, info: Data("confidant row seal".utf8), outputByteCount: 32)
    }

    /// The key authenticating the audit log's head.
    static func headKey(_ dataKey: SymmetricKey) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: dataKey, info: Data("confidant audit head".utf8), outputByteCount: 32)
    }

    static func mac(_ text: String, key: SymmetricKey) -> String {
        Hex.string(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }

    static func roleSeal(account: String, role: Role, key: SymmetricKey) -> String {
        mac("keyslot\u{1F}\(account)\u{1F}\(role.rawValue)", key: key)
    }

    /// A follow-up code's tag: an HMAC under a key derived from the data key, salted per case, so that without the
    /// passphrase the stored tag cannot even be brute-forced offline.
    static func followUpTag(_ code: FollowUpCode, salt: Data, dataKey: SymmetricKey) -> String {
        let key = HKDF<SHA256>.deriveKey(inputKeyMaterial: dataKey, info: Data("confidant follow-up code".utf8), outputByteCount: 32)
        return Hex.string(HMAC<SHA256>.authenticationCode(for: salt + Data(code.digits.utf8), using: key))
    }

    /// Which account is recused from which case says which staff member is accused where: the row holds a keyed
    /// hash of the account's name, never the name.
    static func recusalTag(_ account: String, rowKey: SymmetricKey) -> String { mac("recusal\u{1F}" + account, key: rowKey) }
}
