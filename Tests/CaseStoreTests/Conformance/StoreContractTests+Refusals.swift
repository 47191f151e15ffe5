import CaseCore
@testable import CaseStore
import Foundation
import Testing

/// An action a store must refuse, with its exact error. Refused, it leaves the database byte for byte as it was: no
/// journal entry, no audit entry, not even the session's login.
struct Refusal: Sendable, CustomStringConvertible {
    var description: String
    /// Tries the action on fresh sessions and expects the exact error.
    var attempt: @Sendable (Sessions) -> Void

    /// Fresh sessions of every account of a team, their logins not yet recorded.
    struct Sessions {
        var team: ContractTeam
        var counselor: CaseDesk
        var supervisor: CaseDesk
        var alex: CaseDesk
        var admin: CaseDesk

        init(_ team: ContractTeam) throws {
            self.team = team
            counselor = try team.desk(StoreContract.counselor)
            supervisor = try team.desk(ContractTeam.supervisor)
            alex = try team.desk(ContractTeam.secondCounselor)
            admin = try team.desk(ContractTeam.admin)
        }
    }

    static let all: [Refusal] = [
        Refusal(description: "a supervisor changes a case") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.counselor-changes"))) {
                try s.supervisor.record(s.team.escalatedWithConsent, .note, text: "x")
            }
        },
        Refusal(description: "a supervisor opens a case never escalated") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.not-escalated", ["id": "\(s.team.fresh)"]))) {
                try s.supervisor.open(s.team.fresh)
            }
        },
        Refusal(description: "a supervisor reviews a case returned to the counselor") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.not-escalated", ["id": "\(s.team.returned)"]))) {
                try s.supervisor.review(s.team.returned, decision: .close, text: "x", outcome: .unsubstantiated)
            }
        },
        Refusal(description: "a supervisor's change that is not one review decision") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.supervisor-review-only"))) {
                try s.supervisor.store.reviewCase(s.team.escalatedWithConsent, now: StoreContract.now) { item in
                    try item.record(.note, text: "x", by: "sam", at: StoreContract.now)
                }
            }
        },
        Refusal(description: "a counselor records a review decision") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.supervisor-reviews"))) {
                try s.counselor.review(s.team.escalatedWithConsent, decision: .close, text: "x", outcome: .unsubstantiated)
            }
        },
        Refusal(description: "a recused counselor opens the case") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.recused", ["account": "alex", "id": "\(s.team.conflicted)"]))) {
                try s.alex.open(s.team.conflicted)
            }
        },
        Refusal(description: "a conflict declared without a reason") { s in
            #expect(throws: CaseError.reasonRequired(.key("action.conflict"))) {
                try s.counselor.declareConflict(s.team.fresh, reason: "  ")
            }
        },
        Refusal(description: "a takeover without a note") { s in
            #expect(throws: CaseError.reasonRequired(.key("action.reassign"))) {
                try s.counselor.reassign(s.team.conflicted, note: "")
            }
        },
        Refusal(description: "an admin opens a case") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.admin-reads-no-case"))) {
                try s.admin.open(s.team.fresh)
            }
        },
        Refusal(description: "a case that does not exist") { s in
            #expect(throws: StoreError.caseNotFound("C-2026-0099")) {
                try s.counselor.record(CaseID(year: 2026, number: 99), .note, text: "x")
            }
        },
        Refusal(description: "a move the workflow does not allow") { s in
            #expect(throws: CaseError.illegalTransition(from: .new, to: .closed)) {
                try s.counselor.move(s.team.fresh, to: .closed, note: nil)
            }
        },
        Refusal(description: "a change not recorded in the journal") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.change-journaled"))) {
                try s.counselor.store.updateCase(s.team.fresh, action: "silent", now: StoreContract.now) { item, _ in
                    item.narrative = "rewritten"
                }
            }
        },
        Refusal(description: "a journal entry changed") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.journal-append-only"))) {
                try s.counselor.store.updateCase(s.team.escalatedWithConsent, action: "sneaky", now: StoreContract.now) { item, _ in
                    item = Case(id: item.id, receivedAt: item.receivedAt, channel: item.channel, incidentFirst: item.incidentFirst,
                                incidentLast: item.incidentLast, reporter: item.reporter, relationship: item.relationship,
                                reported: item.reported, categories: item.categories, narrative: item.narrative,
                                status: item.status, journal: Array(item.journal.dropFirst()))
                }
            }
        },
        Refusal(description: "a change that fails halfway") { s in
            #expect(throws: CaseError.emptyJournalText) {
                try s.counselor.store.updateCase(s.team.fresh, action: "two", now: StoreContract.now) { item, _ in
                    try item.record(.note, text: "the first half", by: StoreContract.counselor, at: StoreContract.now)
                    try item.record(.note, text: " ", by: StoreContract.counselor, at: StoreContract.now)
                }
            }
        },
        Refusal(description: "an acknowledgement of a break that is not there") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.no-break"))) {
                try s.counselor.acknowledgeAuditBreak(reason: "I looked")
            }
        },
        Refusal(description: "a purge of a case not due for it") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.not-due", ["id": "\(s.team.fresh)"]))) {
                try s.counselor.store.purge([s.team.fresh], now: StoreContract.now)
            }
        },
        Refusal(description: "a counselor adds an account once an admin exists") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.admin-manages-accounts"))) {
                try s.counselor.store.addAccount("eve", role: .counselor, passphrase: "eve has her own phrase", aliases: [],
                                                 now: StoreContract.now)
            }
        },
        Refusal(description: "an account with a weak passphrase") { s in
            #expect(throws: StoreError.weakPassphrase(.key("passphrase.too-short", ["minimum": "12"]))) {
                try s.admin.store.addAccount("eve", role: .counselor, passphrase: "short", aliases: [], now: StoreContract.now)
            }
        },
        Refusal(description: "an account removing itself") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.remove-self"))) {
                try s.admin.store.removeAccount(ContractTeam.admin, now: StoreContract.now)
            }
        },
        Refusal(description: "a supervisor imports cases") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.counselor-changes"))) {
                try s.supervisor.store.importCases([("x", StoreFixtures.intake())], source: "JSON file", now: StoreContract.now)
            }
        },
        Refusal(description: "a supervisor applies a team policy") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.policy-counselor"))) {
                try s.supervisor.applyPolicy(try StoreContract.policy(severityWeight: "2"))
            }
        },
        Refusal(description: "an admin applies a team policy") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.policy-counselor"))) {
                try s.admin.applyPolicy(try StoreContract.policy(severityWeight: "2"))
            }
        },
        Refusal(description: "a counselor applies the team policy already in force") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.policy-unchanged", ["version": "1"]))) {
                try s.counselor.applyPolicy(try #require(StoreContract.evaluator.source))
            }
        },
        Refusal(description: "a supervisor produces statistics") { s in
            #expect(throws: StoreError.notPermitted(.key("permission.statistics"))) {
                try s.supervisor.statistics(from: nil, to: nil)
            }
        },
    ]
}

extension StoreContractTests {
    @Test("The engine's dump sees a change: an accepted action, even only a login, changes it", arguments: StoreEngine.all)
    func dumpSeesChanges(engine: StoreEngine) throws {
        let sessions = try Refusal.Sessions(ContractTeam(engine))
        let before = try sessions.team.database.dump()
        try sessions.supervisor.recordLogin()
        #expect(try sessions.team.database.dump() != before)
    }

    @Test("A refused action leaves the database exactly as it was", arguments: StoreEngine.all, Refusal.all)
    func refusalChangesNothing(engine: StoreEngine, refusal: Refusal) throws {
        let sessions = try Refusal.Sessions(ContractTeam(engine))
        let before = try sessions.team.database.dump()
        refusal.attempt(sessions)
        #expect(try sessions.team.database.dump() == before, "\(refusal)")
    }
}
