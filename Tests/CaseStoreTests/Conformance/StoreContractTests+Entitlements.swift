import CaseCore
@testable import CaseStore
import Foundation
import Testing

/// Who sees which case: the supervisor's view, recusal (declared and automatic), the admin.
extension StoreContractTests {
    @Test("A supervisor's queue holds exactly the cases their view allows: escalated, or closed after their review",
          arguments: StoreEngine.all)
    func supervisorQueue(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let supervisor = try team.store(ContractTeam.supervisor)
        #expect(supervisor.session == Session(account: ContractTeam.supervisor, role: .supervisor))
        #expect(Set(try supervisor.summaries().map(\.id))
            == [team.escalatedWithConsent, team.escalatedWithoutConsent, team.reviewedAndClosed])
        // The same rule, case by case, as the domain states it.
        let counselor = try team.store(StoreContract.counselor)
        for summary in try counselor.summaries() {
            let reviewed = try counselor.loadCase(summary.id).journal.contains { $0.kind == .review && $0.author == ContractTeam.supervisor }
            let allowed = SupervisorView.mayOpen(status: summary.status, reviewedByThem: reviewed)
            #expect(try supervisor.summaries().contains { $0.id == summary.id } == allowed, "\(summary.id)")
        }
    }

    @Test("A supervisor cannot open a case their view does not allow: never escalated, or returned to the counselor",
          arguments: StoreEngine.all)
    func supervisorRefused(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let supervisor = try team.store(ContractTeam.supervisor)
        for id in [team.fresh, team.returned] {
            #expect(throws: StoreError.notPermitted(.key("permission.not-escalated", ["id": "\(id)"]))) {
                try supervisor.loadCase(id)
            }
        }
        #expect(try supervisor.loadCase(team.escalatedWithoutConsent).status == .escalated)
    }

    @Test("A counselor who declared a conflict no longer sees the case; another counselor sees it flagged and takes it over",
          arguments: StoreEngine.all)
    func declaredConflict(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let alex = try team.store(ContractTeam.secondCounselor)
        #expect(!(try alex.summaries().contains { $0.id == team.conflicted }))
        let refusal = StoreError.notPermitted(.key("permission.recused", ["account": "alex", "id": "\(team.conflicted)"]))
        #expect(throws: refusal) { try alex.loadCase(team.conflicted) }
        #expect(throws: refusal) { try alex.reporterIdentity(team.conflicted) }

        let counselor = try team.desk(StoreContract.counselor)
        #expect(try counselor.queue().first { $0.id == team.conflicted }?.needsReassignment == true)
        let declared = try #require(try counselor.open(team.conflicted).item.journal.last)
        let expected = try Recusal.declaration(by: "alex", reason: "The reported person is my neighbour", at: StoreContract.now)
        #expect(declared == expected)
        try counselor.reassign(team.conflicted, note: "I take the case")
        #expect(try counselor.queue().first { $0.id == team.conflicted }?.needsReassignment == false)
        #expect(try counselor.open(team.conflicted).item.journal.last
            == Recusal.takeover(by: StoreContract.counselor, note: "I take the case", at: StoreContract.now))
        #expect(throws: refusal) { try alex.loadCase(team.conflicted) }
    }

    @Test("An account named like a reported person is recused from that case automatically, now and for later cases",
          arguments: StoreEngine.all)
    func automaticRecusal(engine: StoreEngine) throws {
        let (database, desk) = try emptyDesk(engine)
        let named = try desk.add(StoreFixtures.intake(reported: "Viktor Hale")).id
        let other = try desk.add(StoreFixtures.intake(reported: "Someone Else")).id
        try desk.store.addAccount("vhale", role: .counselor, passphrase: "viktor's own passphrase", aliases: ["Viktor Hale"],
                                  now: StoreContract.now)
        let later = try desk.add(StoreFixtures.intake(reported: "VIKTOR HALE")).id
        let viktor = try database.open("vhale", passphrase: "viktor's own passphrase")
        #expect(try viktor.summaries().map(\.id) == [other])
        for id in [named, later] {
            #expect(throws: StoreError.notPermitted(.key("permission.recused", ["account": "vhale", "id": "\(id)"]))) {
                try viktor.loadCase(id)
            }
            #expect(try desk.open(id).item.journal.contains(Recusal.automatic(account: "vhale", at: StoreContract.now)))
        }
        // The audit log, which is not sealed, does not say who is reported.
        let recusals = try desk.store.auditEntries(caseId: named).filter { $0.action == "recusal-automatic" }
        #expect(recusals.map(\.actor) == ["system"])
        #expect(recusals.allSatisfy { !$0.detail.contains("vhale") })
    }

    @Test("An admin manages accounts and reads no case", arguments: StoreEngine.all)
    func adminReadsNoCase(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let admin = try team.store(ContractTeam.admin)
        let refusal = StoreError.notPermitted(.key("permission.admin-reads-no-case"))
        #expect(throws: refusal) { try admin.summaries() }
        #expect(throws: refusal) { try admin.loadCase(team.fresh) }
        #expect(throws: refusal) { try admin.deadlineAlerts(within: 48, now: StoreContract.now) }
        #expect(try admin.accounts().map(\.name) == ["counselor", "sam", "alex", "root"])
        #expect(try admin.accounts().map(\.role) == [.counselor, .supervisor, .counselor, .admin])
    }

    @Test("The reporter's identity: all of it for a counselor; for a supervisor the name with consent, else a refusal that is audited",
          arguments: StoreEngine.all)
    func identity(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let counselor = try team.store(StoreContract.counselor)
        let supervisor = try team.store(ContractTeam.supervisor)
        #expect(try counselor.reporterIdentity(team.escalatedWithoutConsent)
            == Reporter(pseudonym: "Amber Heron", anonymous: false, name: ContractTeam.withoutConsentReporter,
                        contact: ContractTeam.withoutConsentContact))
        #expect(try supervisor.reporterIdentity(team.escalatedWithConsent)
            == Reporter(pseudonym: "Amber Heron", anonymous: false, name: "Consenting Person", contact: nil))
        let before = try counselor.auditEntries(caseId: team.escalatedWithoutConsent).count
        #expect(throws: StoreError.notPermitted(.key("permission.no-identity-consent", ["id": "\(team.escalatedWithoutConsent)"]))) {
            try supervisor.reporterIdentity(team.escalatedWithoutConsent)
        }
        let after = try counselor.auditEntries(caseId: team.escalatedWithoutConsent)
        #expect(after.count == before + 1)
        #expect(after.last.map { [$0.actor, $0.action, $0.detail] } == ["sam", "identity-refused", "no consent to share identity with supervisor"])
    }
}
