import CaseCore
@testable import CaseStore
import Foundation
import TestKit
import Testing

/// Issue 12: the supervisor decides, and sees the truth.
@Suite("The supervisor's review")
struct SupervisorReviewTests {
    struct Team {
        var path: String
        var counselor: CaseDesk
        var supervisor: CaseDesk
        var id: CaseID
    }

    /// A counselor's escalated case, with contact, support and advice the supervisor's copy leaves out.
    func team() throws -> Team {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let counselor = StoreFixtures.desk(store)
        let id = try counselor.add(StoreFixtures.intake(
            reporter: "Marta Łukasiewicz",
            narrative: String(repeating: "He shouted at Marta Łukasiewicz in the corridor and the canteen again. ", count: 6))).id
        // Another open case names the same reported person: the supervisor cannot open it, but it makes this one
        // pervasive, and the supervisor's score and deadlines must say so as the counselor's do.
        _ = try counselor.add(StoreFixtures.intake(reporter: "Another Colleague", contact: "another@example.org"))
        try counselor.markAcknowledgementSent(id, language: "en")
        try counselor.record(id, .contact, text: "Called Marta on fz.benali@example.org's number; she is safe.")
        try counselor.move(id, to: .assessing, note: nil)
        try counselor.assess(id, StoreFixtures.ratings(2, 2, 3, 2, 3))
        try counselor.record(id, .support, text: "Referred to the staff counsellor.")
        try counselor.escalate(id, to: .complaintsTeam, reason: "She asks for a formal review")
        try store.addAccount("sam", role: .supervisor, passphrase: "supervisor secret", aliases: [], now: TestFixtures.now)
        let supervisorStore = try SQLiteCaseStore.open(at: path, passphrase: "supervisor secret", evaluator: StoreFixtures.evaluator)
        return Team(path: path, counselor: counselor, supervisor: CaseDesk(store: supervisorStore, clock: { TestFixtures.now }), id: id)
    }

    @Test("The supervisor's view shows the score and every deadline exactly as the counselor's does (another case naming the same person counted), without the withheld text")
    func sameDeadlines() throws {
        let team = try team()
        let mine = try team.counselor.open(team.id)
        let theirs = try team.supervisor.open(team.id)
        #expect(theirs.item.journal.allSatisfy { JournalEntry.Kind.supervisorVisible.contains($0.kind) })
        #expect(!theirs.item.journal.contains { $0.kind == .contact })
        #expect(mine.evaluation.score.otherOpenCases == 1)
        #expect(theirs.evaluation.score == mine.evaluation.score)
        #expect(theirs.evaluation.deadlines == mine.evaluation.deadlines)
        #expect(theirs.evaluation.deadlines.first { $0.kind == .firstContact }?.metAt != nil)
    }

    @Test("The counselor's export for the supervisor and the supervisor's own export are the same bytes", arguments: CaseExportFormat.allCases)
    func oneDocument(format: CaseExportFormat) throws {
        let team = try team()
        let forSupervisor = try team.counselor.exportDocument(team.id, for: .supervisor)
        let own = try team.supervisor.exportDocument(team.id, for: .supervisor)
        let taxonomy = StoreFixtures.evaluator.taxonomy
        #expect(format.render(forSupervisor, taxonomy: taxonomy, generatedAt: TestFixtures.now)
            == format.render(own, taxonomy: taxonomy, generatedAt: TestFixtures.now))
        #expect(own.narrative.hasSuffix(" […]"))
        #expect(!own.narrative.contains("Łukasiewicz"))
    }

    @Test("Story: escalated → returned with advice → counselor alerted → re-escalated → closed by the supervisor → outcome still readable")
    func story() throws {
        let team = try team()
        #expect(throws: StoreError.notPermitted(.key("permission.counselor-changes"))) {
            try team.supervisor.record(team.id, .note, text: "x")
        }
        #expect(throws: StoreError.notPermitted(.key("permission.supervisor-reviews"))) {
            try team.counselor.review(team.id, decision: .close, text: "x", outcome: .unsubstantiated)
        }
        let returned = try team.supervisor.review(team.id, decision: .returnToCounselor,
                                                  text: "Try an informal conversation with the director first.")
        #expect(returned.item.status == .supportAdvice)
        #expect(returned.item.escalationLevel == .complaintsTeam)
        // The counselor sees the decision and is alerted until they act on it.
        let view = try team.counselor.open(team.id)
        #expect(view.item.journal.last?.kind == .review)
        #expect(view.item.journal.last?.text == "Review by sam: returned to the counselor (status escalated → support-advice): Try an informal conversation with the director first.")
        let alerts = try team.counselor.store.deadlineAlerts(within: 48, now: TestFixtures.now)
        #expect(alerts.contains { $0.caseID == team.id && $0.deadline.kind == .review })
        #expect(try team.counselor.store.auditEntries(caseId: team.id).contains { $0.action == "review" && $0.actor == "sam" })
        try team.counselor.record(team.id, .contact, text: "Talked it over with Marta; she wants the formal route.")
        #expect(!(try team.counselor.store.deadlineAlerts(within: 48, now: TestFixtures.now)).contains { $0.deadline.kind == .review })
        // The supervisor no longer sees it while it is back with the counselor.
        #expect(throws: StoreError.notPermitted(.key("permission.not-escalated", ["id": "\(team.id)"]))) {
            try team.supervisor.open(team.id)
        }
        try team.counselor.escalate(team.id, to: .headOfDepartment, reason: "The informal talk failed")
        #expect(throws: CaseError.measuresRequired) {
            try team.supervisor.review(team.id, decision: .close, text: "Upheld", outcome: .substantiated)
        }
        let closed = try team.supervisor.review(team.id, decision: .close, text: "Upheld after hearing both sides.",
                                                outcome: .substantiated, measures: [.writtenWarning])
        #expect(closed.item.status == .closed)
        // After closure the reviewer reads the outcome, not the journal.
        let after = try team.supervisor.open(team.id)
        #expect(after.item.outcome == .substantiated)
        #expect(after.item.measures == [.writtenWarning])
        #expect(after.item.journal.isEmpty)
        #expect(after.item.narrative.isEmpty)
        #expect(try team.supervisor.queue().contains { $0.id == team.id && $0.status == .closed })
        #expect(try team.counselor.store.verifyAudit() == .intact(entries: try team.counselor.store.auditEntries(caseId: nil).count))
    }

    @Test("A supervisor may not review a case that is not escalated")
    func notEscalated() throws {
        let team = try team()
        try team.supervisor.review(team.id, decision: .formalProcedure, text: "Accepted.")
        #expect(throws: StoreError.notPermitted(.key("permission.not-escalated", ["id": "\(team.id)"]))) {
            try team.supervisor.review(team.id, decision: .close, text: "x", outcome: .unsubstantiated)
        }
    }
}
