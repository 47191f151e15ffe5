import CaseCore
@testable import CaseStore
import Foundation
import Testing

/// The audit chain: one entry per change, a chain that verifies, tampering found.
extension StoreContractTests {
    @Test("Every change writes exactly one audit entry, naming the action, its actor and its case", arguments: StoreEngine.all)
    func oneEntryPerChange(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let desk = try team.desk(StoreContract.counselor)
        let supervisor = try team.desk(ContractTeam.supervisor)
        try desk.recordLogin()
        try supervisor.recordLogin()
        let id = team.fresh
        var added: CaseID?
        let steps: [(action: String, actor: String, caseId: () -> CaseID?, run: () throws -> Void)] = [
            ("create", "counselor", { added }, { added = try desk.add(StoreFixtures.intake(reported: "Someone New")).id }),
            ("open", "counselor", { id }, { _ = try desk.open(id) }),
            ("letter-sent", "counselor", { id }, { try desk.markAcknowledgementSent(id, language: "en") }),
            ("journal", "counselor", { id }, { try desk.record(id, .note, text: "A note") }),
            ("status", "counselor", { id }, { try desk.move(id, to: .assessing, note: nil) }),
            ("assess", "counselor", { id }, { try desk.assess(id, StoreFixtures.ratings(1, 1, 1, 1, 1)) }),
            ("edit", "counselor", { id }, { try desk.setConsent(id, true) }),
            ("hold", "counselor", { id }, { try desk.setLegalHold(id, true, reason: "Court order 2026/17") }),
            ("release", "counselor", { id }, { try desk.setLegalHold(id, false, reason: "Proceedings ended") }),
            ("escalate", "counselor", { id }, { try desk.escalate(id, to: .complaintsTeam, reason: "Formal review asked") }),
            ("review", "sam", { id }, { try supervisor.review(id, decision: .formalProcedure, text: "Accepted.") }),
            ("recusal", "counselor", { team.escalatedWithConsent }, {
                try desk.declareConflict(team.escalatedWithConsent, reason: "Related to the reporter")
            }),
            ("reassign", "alex", { team.escalatedWithConsent }, {
                try team.desk(ContractTeam.secondCounselor).reassign(team.escalatedWithConsent, note: "Alex takes it")
            }),
            ("export", "counselor", { id }, { try desk.recordExport(id, format: .markdown, audience: .supervisor, toFile: true) }),
            ("policy", "counselor", { nil }, { try desk.applyPolicy(try StoreContract.policy(severityWeight: "2")) }),
        ]
        for step in steps {
            let before = try desk.store.auditEntries(caseId: nil)
            try step.run()
            let after = try desk.store.auditEntries(caseId: nil)
            // The second counselor's first change also records their login.
            let new = after.dropFirst(before.count).filter { $0.action != "login" }
            #expect(new.count == 1, "\(step.action): \(new.map(\.action))")
            #expect(new.first.map { [$0.action, $0.actor, $0.caseId ?? "-"] }
                == [step.action, step.actor, step.caseId()?.description ?? "-"], "\(step.action)")
        }
        #expect(try desk.store.verifyAudit() == .intact(entries: try desk.store.auditEntries(caseId: nil).count))
    }

    @Test("The chain verifies end to end, in every session", arguments: StoreEngine.all)
    func chainVerifies(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let counselor = try team.store(StoreContract.counselor)
        let entries = try counselor.auditEntries(caseId: nil)
        #expect(entries.first?.action == "init")
        #expect(entries.map(\.id) == Array(1...Int64(entries.count)))
        #expect(try counselor.verifyAudit() == .intact(entries: entries.count))
        #expect(try team.store(ContractTeam.supervisor).verifyAudit() == .intact(entries: entries.count))
        #expect(try counselor.integrityProblem() == nil)
    }

    @Test("An audit entry changed behind the store's back is found and named", arguments: StoreEngine.all)
    func auditTamperingFound(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        try team.database.tamperWithAuditEntry(3, detail: "nothing happened")
        let counselor = try team.desk(StoreContract.counselor)
        #expect(try counselor.store.verifyAudit() == .broken(entryID: 3, problem: .key("audit.problem.changed")))
        #expect(try counselor.verifyAudit() == .broken(entryID: 3, problem: .key("audit.problem.changed")))
    }

    @Test("A case changed behind the store's back is reported, and never obeyed", arguments: StoreEngine.all)
    func caseTamperingFound(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        // Closed long ago, to the eye: it would be due for purge if its row were believed.
        try team.database.closeBehindTheStoresBack(team.fresh, on: DateText.parse("2020-01-10")!)
        let counselor = try team.store(StoreContract.counselor)
        #expect(try counselor.tamperedCases() == [team.fresh])
        #expect(throws: StoreError.tampered(team.fresh.description)) { try counselor.loadCase(team.fresh) }
        #expect(try counselor.purgeCandidates(now: StoreContract.now).isEmpty)
        #expect(try counselor.purgeCandidates(now: StoreContract.now.addingTimeInterval(10 * 366 * 86_400)).map(\.id)
            == [team.reviewedAndClosed])
    }

    @Test("A supervisor does not read the audit log", arguments: StoreEngine.all)
    func supervisorReadsNoAudit(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        #expect(throws: StoreError.notPermitted(.key("permission.supervisor-no-audit"))) {
            try team.store(ContractTeam.supervisor).auditEntries(caseId: nil)
        }
    }
}
