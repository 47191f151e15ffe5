import CaseCore
import CaseStore
import Foundation

/// A database of one engine with a small team and a case in every state the contract asks about, all made through
/// ``CaseRepository`` (by ``CaseDesk``, which knows nothing else).
///
/// Accounts: the counselor, a second counselor "alex", a supervisor "sam", and an admin "root" (added last: once an
/// admin exists, only the admin manages accounts).
struct ContractTeam {
    static let supervisor = "sam"
    static let secondCounselor = "alex"
    static let admin = "root"
    static func passphrase(_ account: String) -> String {
        account == StoreContract.counselor ? StoreContract.passphrase : "\(account) has a passphrase of their own"
    }

    let database: any StoreDatabase
    /// Escalated; the reporter consented to share their identity with the supervisor.
    let escalatedWithConsent: CaseID
    /// Escalated; no consent. Its narrative (long, naming the reporter and their e-mail) and its journal (contact and
    /// support entries) hold what the supervisor's copy leaves out.
    let escalatedWithoutConsent: CaseID
    /// New, never escalated.
    let fresh: CaseID
    /// Escalated, then closed by the supervisor's review.
    let reviewedAndClosed: CaseID
    /// Escalated, then returned to the counselor by the supervisor.
    let returned: CaseID
    /// The second counselor declared a conflict of interest on it.
    let conflicted: CaseID

    static let withoutConsentReporter = "Marta Łukasiewicz"
    static let withoutConsentContact = "marta.l@example.org"

    init(_ engine: StoreEngine) throws {
        database = try engine.create()
        let counselorStore = try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase)
        let counselor = CaseDesk(store: counselorStore, clock: { StoreContract.now })
        for (account, role) in [(Self.supervisor, Role.supervisor), (Self.secondCounselor, .counselor)] {
            try counselorStore.addAccount(account, role: role, passphrase: Self.passphrase(account), aliases: [], now: StoreContract.now)
        }

        var consenting = StoreFixtures.intake(reporter: "Consenting Person", contact: "consent@example.org", reported: "Person A")
        consenting.consentShareIdentity = true
        escalatedWithConsent = try counselor.add(consenting).id
        escalatedWithoutConsent = try counselor.add(StoreFixtures.intake(
            reporter: Self.withoutConsentReporter, contact: Self.withoutConsentContact, reported: "Person B",
            narrative: String(repeating: "Marta Łukasiewicz says the director shouted at her; write to marta.l@example.org. ", count: 5))).id
        fresh = try counselor.add(StoreFixtures.intake(reported: "Person C")).id
        reviewedAndClosed = try counselor.add(StoreFixtures.intake(reported: "Person D")).id
        returned = try counselor.add(StoreFixtures.intake(reported: "Person E")).id
        conflicted = try counselor.add(StoreFixtures.intake(reported: "Person F")).id
        for id in [escalatedWithConsent, escalatedWithoutConsent, reviewedAndClosed, returned] {
            try counselor.markAcknowledgementSent(id, language: "en")
            try counselor.record(id, .contact, text: "Called Marta Łukasiewicz on her mobile; she is safe.")
            try counselor.move(id, to: .assessing, note: nil)
            try counselor.assess(id, StoreFixtures.ratings(2, 2, 3, 2, 3))
            try counselor.record(id, .support, text: "Referred to the staff counsellor.")
            try counselor.escalate(id, to: .complaintsTeam, reason: "She asks for a formal review")
        }
        let supervisor = CaseDesk(store: try database.open(Self.supervisor, passphrase: Self.passphrase(Self.supervisor)),
                                  clock: { StoreContract.now })
        try supervisor.review(reviewedAndClosed, decision: .close, text: "Not upheld after hearing both sides.",
                              outcome: .unsubstantiated)
        try supervisor.review(returned, decision: .returnToCounselor, text: "Try an informal conversation first.")
        let alex = try database.open(Self.secondCounselor, passphrase: Self.passphrase(Self.secondCounselor))
        try alex.declareConflict(conflicted, reason: "The reported person is my neighbour", now: StoreContract.now)
        try counselorStore.addAccount(Self.admin, role: .admin, passphrase: Self.passphrase(Self.admin), aliases: [],
                                      now: StoreContract.now)
    }

    /// Every case, in the order they were added.
    var all: [CaseID] { [escalatedWithConsent, escalatedWithoutConsent, fresh, reviewedAndClosed, returned, conflicted] }

    /// A fresh session of `account` (its login not yet recorded).
    func store(_ account: String) throws -> any CaseRepository {
        try database.open(account, passphrase: Self.passphrase(account))
    }

    /// A desk on a fresh session of `account`, with the fixed clock.
    func desk(_ account: String) throws -> CaseDesk {
        CaseDesk(store: try store(account), clock: { StoreContract.now })
    }
}
