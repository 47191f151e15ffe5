import Crypto
import Foundation

/// The keys of one case that a session holds. A counselor not recused holds all three; a supervisor, the key of the
/// supervisor's copy of a case escalated to them; an admin none.
struct CaseKeys: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        /// Seals everything of a case that is not the identity: narrative, support needs, reported persons, journal
        /// texts, the special-category details.
        case content
        /// Seals the reporter's and the affected person's name and contact.
        case identity
        /// Seals the supervisor's copy (``CaseCore/SupervisorView``), and what a supervisor writes on the case.
        case copy
    }

    private(set) var keys: [Kind: SymmetricKey] = [:]

    init(_ keys: [Kind: SymmetricKey] = [:]) {
        self.keys = keys
    }

    /// New random keys of `kinds`.
    static func fresh(_ kinds: [Kind] = Kind.allCases) -> CaseKeys {
        CaseKeys(Dictionary(uniqueKeysWithValues: kinds.map { ($0, SymmetricKey(size: .bits256)) }))
    }

    /// A database from before keys per case: the team key seals every field.
    static func legacy(_ teamKey: SymmetricKey) -> CaseKeys {
        CaseKeys(Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0, teamKey) }))
    }

    subscript(kind: Kind) -> SymmetricKey? {
        get { keys[kind] }
        set { keys[kind] = newValue }
    }

    /// The sealer of `kind`, or nil when the key is not held.
    func sealer(_ kind: Kind) -> Sealer? { keys[kind].map { Sealer(dataKey: $0) } }

    /// The sealer of `kind`, or a refusal when the key is not held.
    func require(_ kind: Kind, _ refusal: @autoclosure () -> StoreError) throws -> Sealer {
        guard let sealer = sealer(kind) else { throw refusal() }
        return sealer
    }

    /// The authenticated data of a wrapping: a wrapping moved to another case, kind or account does not open.
    static func wrapContext(case id: String, kind: Kind, account: String) -> String {
        "casekey\u{1F}\(id)\u{1F}\(kind.rawValue)\u{1F}\(account)"
    }
}
