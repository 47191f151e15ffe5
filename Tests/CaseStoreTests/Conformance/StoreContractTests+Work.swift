import CaseCore
@testable import CaseStore
import Foundation
import Testing

/// The rest of the desk's work, as every engine must do it: the lock screen, follow-up codes, repeat respondents,
/// import, retention.
extension StoreContractTests {
    @Test("The lock screen's check: the session's own passphrase opens, another does not and is counted as a failed login",
          arguments: StoreEngine.all)
    func checkPassphrase(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let counselor = try team.store(StoreContract.counselor)
        #expect(counselor.checkPassphrase(StoreContract.passphrase, now: StoreContract.now))
        #expect(!counselor.checkPassphrase(ContractTeam.passphrase(ContractTeam.secondCounselor), now: StoreContract.now),
                "another account's passphrase does not unlock this session")
        #expect(!counselor.checkPassphrase("not the passphrase at all", now: StoreContract.now))
        #expect(try team.store(StoreContract.counselor).failedAttempts == [StoreContract.now, StoreContract.now])
    }

    @Test("A follow-up code finds its case, is kept only as a hash, and every lookup is audited", arguments: StoreEngine.all)
    func followUpCode(engine: StoreEngine) throws {
        let (database, desk) = try emptyDesk(engine)
        var anonymous = StoreFixtures.intake()
        anonymous.channel = .whistleblowing
        anonymous.reporter = .init(pseudonym: "Quiet Wren", anonymous: true)
        let added = try desk.add(anonymous)
        let code = try #require(added.followUpCode)
        let other = try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase)
        #expect(try other.findCase(followUpCode: code, now: StoreContract.now) == added.id)
        let wrong = try #require(FollowUpCode(code.digits == "1111222233334444" ? "5555666677778888" : "1111222233334444"))
        #expect(try other.findCase(followUpCode: wrong, now: StoreContract.now) == nil)
        #expect(try other.auditEntries(caseId: nil).suffix(2).map(\.detail)
            == ["case found by follow-up code", "no case matches the code given"])
        #expect(try database.dump().allSatisfy { $0.range(of: Data(code.digits.utf8)) == nil })
    }

    @Test("Repeat respondents: a counselor reads the names, a supervisor neutral labels over the cases they see",
          arguments: StoreEngine.all)
    func repeatRespondents(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let counselor = try team.desk(StoreContract.counselor)
        // Person A (escalated, with consent) is named again in a new case (spelled otherwise: the label is the latest).
        let again = try counselor.add(StoreFixtures.intake(reported: "PERSON  A")).id
        let mine = try counselor.store.repeatRespondents()
        #expect(mine.map(\.label) == ["PERSON  A"])
        #expect(mine.first?.cases.map(\.caseID) == [team.escalatedWithConsent, again])
        try counselor.move(again, to: .acknowledged, note: nil)
        try counselor.move(again, to: .assessing, note: nil)
        try counselor.escalate(again, to: .complaintsTeam, reason: "Formal review asked")
        let theirs = try team.store(ContractTeam.supervisor).repeatRespondents()
        #expect(theirs.map(\.label) == [RepeatRespondent.neutralLabel(0)])
        #expect(theirs.first?.role == nil)
        #expect(theirs.first?.cases.map(\.caseID) == [team.escalatedWithConsent, again])
    }

    @Test("An import adds every case or none; a fingerprint already imported is skipped", arguments: StoreEngine.all)
    func importAllOrNothing(engine: StoreEngine) throws {
        let (database, desk) = try emptyDesk(engine)
        var broken = StoreFixtures.intake()
        broken.incidentFirst = "not a date"
        let before = try database.dump()
        do {
            _ = try desk.store.importCases([("a", StoreFixtures.intake()), ("b", broken)], source: "JSON file", now: StoreContract.now)
            Issue.record("the import was not refused")
        } catch let failure as CaseImportFailure {
            #expect(failure.index == 1)
            #expect(failure.underlying as? CaseError
                == .invalidField(field: .key("field.incident-first"), problem: .key("problem.not-a-date", ["text": "not a date"])))
        }
        #expect(try database.dump() == before)
        let first = try desk.store.importCases([("a", StoreFixtures.intake()), ("a", StoreFixtures.intake())],
                                               source: "JSON file", now: StoreContract.now)
        #expect(first.added.map(\.description) == ["C-2026-0001"])
        #expect(first.skipped == 1)
        let again = try desk.store.importCases([("a", StoreFixtures.intake()), ("c", StoreFixtures.intake())],
                                               source: "JSON file", now: StoreContract.now)
        #expect(again.added.map(\.description) == ["C-2026-0002"])
        #expect(again.skipped == 1)
        #expect(try desk.store.auditEntries(caseId: nil).last?.detail == "1 imported, 1 already present (JSON file)")
    }

    @Test("A purge removes an expired case for good and leaves an anonymised trace; a held case stays", arguments: StoreEngine.all)
    func purge(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let counselor = try team.desk(StoreContract.counselor)
        let later = StoreContract.now.addingTimeInterval(10 * 366 * 86_400)
        try counselor.move(team.fresh, to: .acknowledged, note: nil)
        try counselor.move(team.fresh, to: .withdrawn, note: "Reporter withdrew")
        try counselor.setLegalHold(team.fresh, true, reason: "Court order 2026/17")
        #expect(try counselor.store.purgeCandidates(now: later).map(\.id) == [team.reviewedAndClosed])
        #expect(try counselor.store.purge([team.reviewedAndClosed], now: later) == 1)
        #expect(throws: StoreError.casePurged(team.reviewedAndClosed.description, on: Calendar.utc.startOfDay(for: later))) {
            try counselor.open(team.reviewedAndClosed)
        }
        #expect(!(try counselor.queue().contains { $0.id == team.reviewedAndClosed }))
        let traces = try counselor.store.purgedTraces()
        #expect(traces.map(\.status) == [.closed])
        #expect(traces.map(\.outcome) == [.unsubstantiated])
        #expect(try counselor.store.purgeCandidates(now: later).isEmpty)
        #expect(try counselor.store.verifyAudit() == .intact(entries: try counselor.store.auditEntries(caseId: nil).count))
    }
}
