import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import TestKit
import Testing

@Suite("Follow-up codes, deadline alerts and repeat respondents in the store")
struct ProcessTests {
    func anonymousIntake() -> CaseIntake {
        var intake = StoreFixtures.intake()
        intake.channel = .whistleblowing
        intake.reporter = .init(anonymous: true)
        return intake
    }

    @Test("An anonymous report gets a follow-up code; the counselor finds the case with it; the plain code is not stored")
    func followUpCode() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        let named = try desk.add(StoreFixtures.intake())
        #expect(named.followUpCode == nil)
        let anonymous = try desk.add(anonymousIntake())
        let code = try #require(anonymous.followUpCode)
        #expect(try store.findCase(followUpCode: code, now: TestFixtures.now) == anonymous.id)
        #expect(try store.findCase(followUpCode: FollowUpCode(code.description)!, now: TestFixtures.now) == anonymous.id)
        #expect(try store.findCase(followUpCode: FollowUpCode.random(), now: TestFixtures.now) == nil)
        // Neither the digits nor the grouped form are in the file.
        try store.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.range(of: Data(code.digits.utf8)) == nil)
        #expect(bytes.range(of: Data(code.description.utf8)) == nil)
        // The same code hashed for another case would not match: the hash is salted per case.
        let salts = try store.pool.read { db in try Data.fetchAll(db, sql: "SELECT followUpSalt FROM casefile WHERE followUpSalt IS NOT NULL") }
        #expect(salts.count == 1)
        // Re-issuing replaces the old code.
        let fresh = try store.issueFollowUpCode(anonymous.id, now: TestFixtures.now)
        #expect(try store.findCase(followUpCode: code, now: TestFixtures.now) == nil)
        #expect(try store.findCase(followUpCode: fresh, now: TestFixtures.now) == anonymous.id)
    }

    @Test("Deadline alerts: due within 48 hours or overdue; 48 hours and one minute is not yet an alert")
    func alertsAt48Hours() throws {
        let store = try StoreFixtures.makeStore()
        let desk = StoreFixtures.desk(store)
        // Received 2026-11-20 09:00: acknowledgement due 2026-12-04 09:00; first contact (unrated) due 2026-11-27 09:00.
        let item = try desk.add(StoreFixtures.intake(received: "2026-11-20T09:00:00Z"))
        func kinds(at text: String) throws -> [Deadline.Kind] {
            try store.deadlineAlerts(within: 48, now: DateText.parse(text)!).filter { $0.caseID == item.id }.map(\.deadline.kind)
        }
        #expect(try kinds(at: "2026-11-25T08:59:00Z") == [])
        #expect(try kinds(at: "2026-11-25T09:00:00Z") == [.firstContact])
        #expect(try kinds(at: "2026-12-02T09:00:00Z") == [.firstContact, .acknowledge, .letter])
        let late = try store.deadlineAlerts(within: 48, now: DateText.parse("2026-12-05T00:00:00Z")!)
        #expect(late.allSatisfy { $0.isOverdue(at: DateText.parse("2026-12-05T00:00:00Z")!) })
        // A status alone meets nothing: the work does. A contact meets first contact and acknowledges receipt
        // orally; the written confirmation is still owed until the letter is marked sent.
        try desk.move(item.id, to: .acknowledged, note: nil)
        #expect(try kinds(at: "2026-12-02T09:00:00Z") == [.firstContact, .acknowledge, .letter])
        try desk.record(item.id, .contact, text: "Phoned the reporter; receipt confirmed orally.")
        #expect(try kinds(at: "2026-12-02T09:00:00Z") == [.letter])
        try desk.markAcknowledgementSent(item.id, language: "en")
        #expect(try kinds(at: "2026-12-02T09:00:00Z") == [])
    }

    @Test("Repeat respondents are grouped across cases; a supervisor sees neutral labels only")
    func repeatRespondents() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        var ids: [CaseID] = []
        for name in ["Viktor Hale", "VIKTOR HALE", "Víktor Hale", "Oleg Petrenko", "Oleg Petrenko", "Single Person"] {
            ids.append(try desk.add(StoreFixtures.intake(reported: name)).id)
        }
        let patterns = try store.repeatRespondents()
        #expect(patterns.map(\.label) == ["Víktor Hale", "Oleg Petrenko"])
        #expect(patterns[0].cases.map(\.caseID) == Array(ids[0...2]))
        #expect(patterns[0].role == "Country Director")
        for id in [ids[0], ids[1], ids[3], ids[4]] {
            try desk.move(id, to: .acknowledged, note: nil)
            try desk.move(id, to: .assessing, note: nil)
            try desk.escalate(id, to: .complaintsTeam, reason: "Pattern of conduct")
        }
        try store.addAccount("sam", role: .supervisor, passphrase: "supervisor secret", aliases: [], now: TestFixtures.now)
        let supervisor = try SQLiteCaseStore.open(at: path, passphrase: "supervisor secret", evaluator: StoreFixtures.evaluator)
        let seen = try supervisor.repeatRespondents()
        #expect(seen.map(\.label) == ["Respondent A", "Respondent B"])
        #expect(seen.allSatisfy { $0.role == nil && $0.cases.count == 2 })
    }

    @Test("The one-query alerts are exactly what each open case's own deadlines say, on the demo data")
    func alertsMatchPerCaseDeadlines() throws {
        let store = try StoreFixtures.makeStore()
        let data = try Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("demo-cases.json"))
        try DemoSeeder.seed(store, demoFile: data, now: TestFixtures.now)
        let desk = StoreFixtures.desk(store)
        var expected: [String] = []
        for summary in try store.summaries() where summary.status.isOpen {
            let view = try desk.open(summary.id)
            for deadline in view.evaluation.deadlines where deadline.isDueSoon(at: TestFixtures.now, hours: 48) {
                expected.append("\(summary.id) \(deadline.kind.rawValue) \(deadline.due)")
            }
        }
        let actual = try store.deadlineAlerts(within: 48, now: TestFixtures.now).map { "\($0.caseID) \($0.deadline.kind.rawValue) \($0.deadline.due)" }
        #expect(actual.sorted() == expected.sorted())
        #expect(actual.count >= 4)
    }
}
