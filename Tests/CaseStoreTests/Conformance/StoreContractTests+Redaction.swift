import CaseCore
@testable import CaseStore
import Foundation
import Testing

/// What a supervisor's copy of a case holds: the domain's redaction, nothing more.
extension StoreContractTests {
    @Test("A supervisor's copy is exactly the domain's redaction of the counselor's case", arguments: StoreEngine.all)
    func supervisorCopyIsTheDomainsRedaction(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let counselor = try team.store(StoreContract.counselor)
        let supervisor = try team.store(ContractTeam.supervisor)
        for id in [team.escalatedWithConsent, team.escalatedWithoutConsent, team.reviewedAndClosed] {
            #expect(try supervisor.loadCase(id) == counselor.loadCase(id).redacted(for: .supervisor), "\(id)")
        }
    }

    @Test("A supervisor's copy carries no reporter identity, only the journal kinds of their view, and an excerpt",
          arguments: StoreEngine.all)
    func supervisorCopy(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let full = try team.store(StoreContract.counselor).loadCase(team.escalatedWithoutConsent)
        let copy = try team.store(ContractTeam.supervisor).loadCase(team.escalatedWithoutConsent)
        #expect(copy.reporter == Reporter(pseudonym: "Amber Heron", anonymous: false))
        #expect(copy.supportNeeds.isEmpty)
        #expect(Set(full.journal.map(\.kind)).isSuperset(of: [.contact, .support, .letter]))
        #expect(copy.journal.map(\.kind) == full.journal.map(\.kind).filter { JournalEntry.Kind.supervisorVisible.contains($0) })
        #expect(!copy.journal.isEmpty)
        #expect(copy.narrative.hasSuffix(" […]"))
        #expect(copy.narrative.count <= SupervisorView.excerptLength + 4)
        for text in [copy.narrative] + copy.journal.map(\.text) + [copy.screeningReason ?? ""] {
            #expect(!text.contains("Marta"), "\(text)")
            #expect(!text.contains("Łukasiewicz"), "\(text)")
            #expect(!text.contains(ContractTeam.withoutConsentContact), "\(text)")
        }
        // The address contains the name: it goes whole, never as "[reporter].l@example.org".
        #expect(copy.narrative.hasPrefix("[reporter] says the director shouted at her; write to [contact withheld]. "))
        #expect(!copy.narrative.contains("@example.org"))
    }

    @Test("A closed case the supervisor reviewed shows its outcome, not its narrative or journal", arguments: StoreEngine.all)
    func reviewedAndClosed(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let copy = try team.store(ContractTeam.supervisor).loadCase(team.reviewedAndClosed)
        #expect(copy.status == .closed)
        #expect(copy.outcome == .unsubstantiated)
        #expect(copy.narrative.isEmpty)
        #expect(copy.journal.isEmpty)
    }

    @Test("Deadlines are facts of the whole record: the supervisor's evaluation is the counselor's", arguments: StoreEngine.all)
    func sameDeadlines(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let mine = try team.desk(StoreContract.counselor).open(team.escalatedWithoutConsent)
        let theirs = try team.desk(ContractTeam.supervisor).open(team.escalatedWithoutConsent)
        #expect(theirs.evaluation.deadlines == mine.evaluation.deadlines)
        #expect(theirs.evaluation.score == mine.evaluation.score)
    }
}
