import CaseCore
@testable import CaseStore
import Foundation
import TestKit
import Testing

/// An edit in the store: one transaction with its journal, audit, re-ranking, recusal and the supervisor's view.
@Suite("Editing a case in the store")
struct CaseEditStoreTests {
    @Test("Naming a person in an edit re-ranks the other cases that name them, and recuses an account they match")
    func reportedPersonAdded() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        let first = try desk.add(StoreFixtures.intake(reported: "Oleg Petrenko")).id
        let second = try desk.add(StoreFixtures.intake(reported: "Someone Else")).id
        try desk.move(first, to: .acknowledged, note: nil)
        try desk.move(first, to: .assessing, note: nil)
        try desk.assess(first, StoreFixtures.ratings(2, 2, 1, 1, 1))
        let before = try #require(try desk.queue().first { $0.id == first }?.score)
        try store.addAccount("oleg", role: .counselor, passphrase: "oleg's own passphrase", aliases: ["Oleg Petrenko"], now: TestFixtures.now)
        let edit = CaseEdit(reported: [ReportedPerson(name: "Someone Else", role: "Driver", power: .peer),
                                       ReportedPerson(name: "oleg petrenko", role: "Logistics", power: .peer)])
        try desk.edit(second, edit)
        let after = try #require(try desk.queue().first { $0.id == first }?.score)
        #expect(after == before + 10)
        let oleg = try SQLiteCaseStore.open(at: path, passphrase: "oleg's own passphrase", evaluator: StoreFixtures.evaluator)
        #expect(throws: StoreError.notPermitted(.key("permission.recused", ["account": "oleg", "id": "\(second)"]))) {
            try oleg.loadCase(second)
        }
        let audit = try store.auditEntries(caseId: second).map(\.action)
        #expect(audit.contains("edit"))
    }

    @Test("Consent given after escalation shows the supervisor the name at once; withdrawn, it is gone again")
    func consentFollowsAtOnce() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        let id = try desk.add(StoreFixtures.intake(reporter: "Marta Łukasiewicz")).id
        try desk.move(id, to: .acknowledged, note: nil)
        try desk.move(id, to: .assessing, note: nil)
        try desk.escalate(id, to: .complaintsTeam, reason: "She asks for a formal review")
        try store.addAccount("sam", role: .supervisor, passphrase: "supervisor secret", aliases: [], now: TestFixtures.now)
        let supervisor = try SQLiteCaseStore.open(at: path, passphrase: "supervisor secret", evaluator: StoreFixtures.evaluator)
        #expect(try supervisor.loadCase(id).reporter.name == nil)
        try desk.setConsent(id, true)
        #expect(try supervisor.loadCase(id).reporter.name == "Marta Łukasiewicz")
        #expect(try supervisor.loadCase(id).reporter.contact == nil)
        try desk.setConsent(id, false)
        #expect(try supervisor.loadCase(id).reporter.name == nil)
        #expect(throws: StoreError.notPermitted(.key("permission.no-identity-consent", ["id": "\(id)"]))) {
            try supervisor.reporterIdentity(id)
        }
    }

    @Test("The affected person is sealed: neither name nor contact is in the file, and the supervisor sees the pseudonym only")
    func affectedSealed() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        var intake = StoreFixtures.intake()
        intake.affected = .init(pseudonym: "Jade Magpie", name: "Zuzanna Wróblewska", contact: "zuzanna.w@example.org")
        let id = try desk.add(intake).id
        try desk.move(id, to: .acknowledged, note: nil)
        try desk.move(id, to: .assessing, note: nil)
        try desk.escalate(id, to: .complaintsTeam, reason: "Formal review requested")
        try store.checkpoint()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.range(of: Data("Wróblewska".utf8)) == nil)
        #expect(bytes.range(of: Data("zuzanna.w@example.org".utf8)) == nil)
        #expect(try desk.open(id).item.affected?.name == "Zuzanna Wróblewska")
        try store.addAccount("sam", role: .supervisor, passphrase: "supervisor secret", aliases: [], now: TestFixtures.now)
        let supervisor = try SQLiteCaseStore.open(at: path, passphrase: "supervisor secret", evaluator: StoreFixtures.evaluator)
        #expect(try supervisor.loadCase(id).affected == AffectedPerson(pseudonym: "Jade Magpie"))
    }

    @Test("A purged case cannot be reopened, and the sentence says so")
    func purgedCannotReopen() throws {
        let store = try StoreFixtures.makeStore()
        let desk = StoreFixtures.desk(store)
        let id = try desk.add(StoreFixtures.intake()).id
        try desk.move(id, to: .withdrawn, note: "Reporter left the organisation")
        let later = TestFixtures.now.addingTimeInterval(1096 * 86_400)
        #expect(try store.purge([id], now: later) == 1)
        #expect(throws: StoreError.casePurged(id.description, on: Calendar.utc.startOfDay(for: later))) { try desk.reopen(id, reason: "She came back") }
        #expect("\(StoreError.casePurged(id.description, on: DateText.parse("2029-11-25")!))"
            == "\(id) was purged on 25 November 2029 when its retention period ended; a purged case cannot be reopened or changed.")
    }
}
