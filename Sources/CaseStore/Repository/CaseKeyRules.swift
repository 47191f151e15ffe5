import CaseCore
import Foundation

/// Who holds which keys of a case, decided the same way by every engine around its own SQL: the entitlement of each
/// account, the wrappings to add and to delete so they match it, and which keys a change replaces.
enum CaseKeyRules {
    /// An account that may hold keys of a case, and which.
    struct Holder {
        var account: String
        var publicKey: Data
        var kinds: [CaseKeys.Kind]
    }

    /// An account with a key pair, as its key slot says.
    struct Candidate {
        var account: String
        var role: Role?
        var publicKey: Data
    }

    /// Who is entitled to which keys of a case in `status`: every counselor not recused all of them (`recused(account)`);
    /// a supervisor the copy's key while it is escalated, or once it ended after their review; an admin none.
    static func holders(_ candidates: [Candidate], status: CaseStatus, recused: (String) -> Bool,
                        reviewers: Set<String>) -> [Holder] {
        candidates.compactMap { candidate in
            switch candidate.role {
            case .counselor? where !recused(candidate.account):
                return Holder(account: candidate.account, publicKey: candidate.publicKey, kinds: CaseKeys.Kind.allCases)
            case .supervisor? where SupervisorView.mayOpen(status: status, reviewedByThem: reviewers.contains(candidate.account)):
                return Holder(account: candidate.account, publicKey: candidate.publicKey, kinds: [.copy])
            default:
                return nil
            }
        }
    }

    /// One wrapping of a case key for an account.
    struct Wrapping {
        var account: String
        var kind: CaseKeys.Kind
        var encapsulated: Data
        var wrapped: Data
    }

    /// What brings a case's wrappings in step with its holders: the keys held wrapped for each entitled account that
    /// lacks them, every wrapping of an account no longer entitled deleted, and the other accounts given keys.
    static func sync(caseId: String, existing: Set<[String]>, holders: [Holder], keys: CaseKeys,
                     session account: String) throws -> (add: [Wrapping], delete: [[String]], given: Set<String>) {
        var entitled: Set<[String]> = []
        var add: [Wrapping] = []
        var given: Set<String> = []
        for holder in holders {
            for kind in holder.kinds {
                entitled.insert([holder.account, kind.rawValue])
                guard !existing.contains([holder.account, kind.rawValue]), let raw = keys[kind] else { continue }
                let wrapping = try AccountKey.wrap(raw, for: holder.publicKey,
                                                   context: CaseKeys.wrapContext(case: caseId, kind: kind, account: holder.account))
                add.append(Wrapping(account: holder.account, kind: kind, encapsulated: wrapping.encapsulated, wrapped: wrapping.wrapped))
                if holder.account != account { given.insert(holder.account) }
            }
        }
        return (add, existing.subtracting(entitled).sorted { $0.lexicographicallyPrecedes($1) }, given)
    }

    /// The keys a counselor's change replaces: all of them after a recusal or a removed account (`rekeyDue`); the
    /// identity's and the copy's when consent to share the identity is withdrawn (the supervisors keep the copy's new key
    /// while the case is escalated).
    static func replaced(rekeyDue: Bool, before: Case, after: Case) -> [CaseKeys.Kind] {
        if rekeyDue { return CaseKeys.Kind.allCases }
        if before.consentShareIdentity, !after.consentShareIdentity { return [.identity, .copy] }
        return []
    }

    /// The refusal of a case a supervisor's session holds no key of.
    static func notTheirs(_ id: CaseID) -> StoreError {
        .notPermitted(.key("permission.not-escalated", ["id": .text(id.description)]))
    }

    /// The refusal of a case whose keys a counselor's account was not given yet.
    static func notGranted(_ account: String, _ id: CaseID) -> StoreError {
        .notPermitted(.key("permission.keys-not-given", ["account": .text(account), "id": .text(id.description)]))
    }

    /// The audit detail of keys given to an account by a counselor's session.
    static func grantDetail(count: Int, account: String) -> String {
        "keys of \(count) case\(count == 1 ? "" : "s") given to \(account)"
    }
}
