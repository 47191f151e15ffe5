import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import TestKit
import Testing

@Suite("Roles, key wrapping, recusal, retention, failed logins")
struct ConfidentialityTests {
    let supervisorPass = "supervisor passphrase"

    /// A store with a counselor, a supervisor, and three cases: escalated with consent, escalated without, and new.
    func teamStore() throws -> (path: String, counselor: SQLiteCaseStore, withConsent: CaseID, withoutConsent: CaseID, fresh: CaseID) {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        var consenting = StoreFixtures.intake(reporter: "Consenting Person", contact: "consent@example.org")
        consenting.consentShareIdentity = true
        let a = try desk.add(consenting)
        let b = try desk.add(StoreFixtures.intake(reporter: "Private Person", contact: "private@example.org"))
        let c = try desk.add(StoreFixtures.intake())
        for id in [a.id, b.id] {
            try desk.move(id, to: .acknowledged, note: nil)
            try desk.move(id, to: .assessing, note: nil)
            try desk.escalate(id, to: .complaintsTeam, reason: "Reporter asks for a formal review")
        }
        try store.addAccount("sam", role: .supervisor, passphrase: supervisorPass, aliases: [], now: TestFixtures.now)
        return (path, store, a.id, b.id, c.id)
    }

    func open(_ path: String, _ passphrase: String) throws -> SQLiteCaseStore {
        try SQLiteCaseStore.open(at: path, passphrase: passphrase, evaluator: StoreFixtures.evaluator, pause: { _ in })
    }

    @Test("A supervisor sees escalated cases only, and opening another is refused by the store")
    func supervisorQueue() throws {
        let team = try teamStore()
        let supervisor = try open(team.path, supervisorPass)
        #expect(supervisor.session == Session(account: "sam", role: .supervisor))
        #expect(Set(try supervisor.summaries().map(\.id)) == [team.withConsent, team.withoutConsent])
        #expect(throws: StoreError.notPermitted(.key("permission.not-escalated", ["id": "\(team.fresh)"]))) {
            try supervisor.loadCase(team.fresh)
        }
    }

    @Test("A supervisor session cannot load an identity the reporter did not consent to share")
    func identityNeedsConsent() throws {
        let team = try teamStore()
        let supervisor = try open(team.path, supervisorPass)
        #expect(throws: StoreError.notPermitted(.key("permission.no-identity-consent", ["id": "\(team.withoutConsent)"]))) {
            try supervisor.reporterIdentity(team.withoutConsent)
        }
        let hidden = try supervisor.loadCase(team.withoutConsent)
        #expect(hidden.reporter.name == nil)
        #expect(hidden.reporter.contact == nil)
        #expect(hidden.reporter.pseudonym == "Amber Heron")
        #expect(hidden.supportNeeds.isEmpty)
        let shared = try supervisor.reporterIdentity(team.withConsent)
        #expect(shared.name == "Consenting Person")
        #expect(shared.contact == nil)
        #expect(try team.counselor.auditEntries(caseId: team.withoutConsent).contains { $0.action == "identity-refused" })
    }

    @Test("A supervisor gets a narrative excerpt and cannot change cases")
    func supervisorReadOnly() throws {
        let team = try teamStore()
        try StoreFixtures.desk(team.counselor).record(team.withConsent, .note, text: "Counselor-only note")
        let supervisor = try open(team.path, supervisorPass)
        let item = try supervisor.loadCase(team.withConsent)
        #expect(!item.journal.contains { $0.text == "Counselor-only note" })
        #expect(throws: StoreError.notPermitted(.key("permission.counselor-changes"))) {
            try CaseDesk(store: supervisor, clock: { TestFixtures.now }).record(team.withConsent, .note, text: "x")
        }
        let long = String(repeating: "Detailed account of events. ", count: 30)
        let excerpt = SupervisorView.excerpt(long)
        #expect(SupervisorView.excerpt(excerpt) == excerpt)
        #expect(excerpt.count <= 245)
        #expect(excerpt.hasSuffix(" […]"))
    }

    @Test("Key wrapping: adding a user re-encrypts nothing; removing one makes their passphrase useless")
    func keyWrapping() throws {
        let team = try teamStore()
        let sealedBefore = try team.counselor.pool.read { db in try Data.fetchAll(db, sql: "SELECT sealedNarrative FROM casefile ORDER BY id") }
        try team.counselor.addAccount("alex", role: .counselor, passphrase: "alex passphrase", aliases: [], now: TestFixtures.now)
        let sealedAfter = try team.counselor.pool.read { db in try Data.fetchAll(db, sql: "SELECT sealedNarrative FROM casefile ORDER BY id") }
        #expect(sealedBefore == sealedAfter)
        let alex = try open(team.path, "alex passphrase")
        #expect(try alex.loadCase(team.fresh).reporter.name == "Fatima Zahra Benali")

        try team.counselor.removeAccount("alex", now: TestFixtures.now)
        #expect(throws: StoreError.wrongPassphrase) { try open(team.path, "alex passphrase") }
        #expect(throws: StoreError.unknownAccount("alex")) {
            try SQLiteCaseStore.open(at: team.path, passphrase: "alex passphrase", account: "alex", evaluator: StoreFixtures.evaluator, pause: { _ in })
        }
        // The others still open everything.
        #expect(try open(team.path, TestFixtures.passphrase).loadCase(team.fresh).narrative == StoreFixtures.intake().narrative)
        #expect(try open(team.path, supervisorPass).summaries().count == 2)
    }

    @Test("Only the admin manages accounts once one exists; an admin reads no case; the last counselor stays")
    func accountRules() throws {
        let team = try teamStore()
        try team.counselor.addAccount("root", role: .admin, passphrase: "admin passphrase", aliases: [], now: TestFixtures.now)
        #expect(throws: StoreError.notPermitted(.key("permission.admin-manages-accounts"))) {
            try team.counselor.addAccount("eve", role: .counselor, passphrase: "eve passphrase", aliases: [], now: TestFixtures.now)
        }
        let admin = try open(team.path, "admin passphrase")
        let readsNoCase = StoreError.notPermitted(.key("permission.admin-reads-no-case"))
        #expect(throws: readsNoCase) { try admin.summaries() }
        #expect(throws: readsNoCase) { try admin.loadCase(team.fresh) }
        #expect(throws: StoreError.notPermitted(.key("permission.last-counselor", ["name": "counselor"]))) {
            try admin.removeAccount("counselor", now: TestFixtures.now)
        }
        #expect(throws: StoreError.weakPassphrase(.key("passphrase.too-short", ["minimum": "12"]))) {
            try admin.addAccount("eve", role: .counselor, passphrase: "short", aliases: [], now: TestFixtures.now)
        }
        try admin.addAccount("eve", role: .counselor, passphrase: "eve passphrase", aliases: [], now: TestFixtures.now)
        #expect(try admin.accounts().map(\.name) == ["counselor", "sam", "root", "eve"])
        // eve holds no case key until a counselor's session gives them: until then, removing the one account that
        // holds them would leave every case unreadable.
        #expect(throws: StoreError.notPermitted(
            .key("permission.sole-key-holder.other", ["name": "counselor", "count": "3"]))) {
            try admin.removeAccount("counselor", now: TestFixtures.now)
        }
        try open(team.path, TestFixtures.passphrase).recordLogin()
        #expect(try admin.pendingGrants().isEmpty)
        try admin.removeAccount("counselor", now: TestFixtures.now)
        #expect(throws: StoreError.notPermitted(.key("permission.last-counselor", ["name": "eve"]))) {
            try admin.removeAccount("eve", now: TestFixtures.now)
        }
    }

    @Test("Declaring a conflict recuses the handler: the case leaves their queue, is flagged, and they cannot open it")
    func conflictOfInterest() throws {
        let team = try teamStore()
        try team.counselor.addAccount("alex", role: .counselor, passphrase: "alex passphrase", aliases: [], now: TestFixtures.now)
        try team.counselor.declareConflict(team.fresh, reason: "The reported person is my brother-in-law", now: TestFixtures.now)
        #expect(!(try team.counselor.summaries().contains { $0.id == team.fresh }))
        #expect(throws: StoreError.notPermitted(.key("permission.recused", ["account": "counselor", "id": "\(team.fresh)"]))) {
            try team.counselor.loadCase(team.fresh)
        }
        let alex = try open(team.path, "alex passphrase")
        let flagged = try #require(try alex.summaries().first { $0.id == team.fresh })
        #expect(flagged.needsReassignment)
        #expect(try alex.loadCase(team.fresh).journal.last?.kind == .conflict)
        try alex.reassign(team.fresh, note: "Alex takes the case", now: TestFixtures.now)
        #expect(try alex.summaries().first { $0.id == team.fresh }?.needsReassignment == false)
        #expect(try alex.auditEntries(caseId: team.fresh).map(\.action).contains("recusal"))
    }

    @Test("Automatic recusal: an account whose name matches a reported person can never open the case")
    func automaticRecusal() throws {
        let team = try teamStore()
        try team.counselor.addAccount("vhale", role: .counselor, passphrase: "viktor passphrase", aliases: ["Viktor Hale"], now: TestFixtures.now)
        let viktor = try open(team.path, "viktor passphrase")
        #expect(try viktor.summaries().isEmpty)
        #expect(throws: StoreError.notPermitted(.key("permission.recused", ["account": "vhale", "id": "\(team.fresh)"]))) {
            try viktor.loadCase(team.fresh)
        }
        // A case filed later naming him is refused too.
        let later = try StoreFixtures.desk(team.counselor).add(StoreFixtures.intake(reported: "VIKTOR HALE"))
        #expect(throws: StoreError.notPermitted(.key("permission.recused", ["account": "vhale", "id": "\(later.id)"]))) {
            try viktor.loadCase(later.id)
        }
        #expect(try team.counselor.summaries().first { $0.id == later.id }?.needsReassignment == true)
        #expect(try team.counselor.auditEntries(caseId: later.id).contains { $0.action == "recusal-automatic" })
    }

    @Test("Failed logins: the delay grows, and the failures enter the audit chain at the next login")
    func failedLogins() throws {
        let team = try teamStore()
        #expect([0, 1, 2, 3, 4, 5, 10].map(SQLiteCaseStore.failureDelay(after:)) == [0, 0, 1, 2, 4, 8, 30])
        var pauses: [TimeInterval] = []
        for _ in 0..<3 {
            #expect(throws: StoreError.wrongPassphrase) {
                try SQLiteCaseStore.open(at: team.path, passphrase: "guess", evaluator: StoreFixtures.evaluator, pause: { pauses.append($0) })
            }
        }
        #expect(pauses == [1])
        _ = try SQLiteCaseStore.open(at: team.path, passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator,
                                     pause: { pauses.append($0) })
        #expect(pauses == [1, 2])
        let store = try open(team.path, TestFixtures.passphrase)
        // The failures enter the chain with the session's login, which is written with its first change (or once a
        // command succeeded), so a refused command leaves the file as it was.
        #expect(try store.auditEntries(caseId: nil).filter { $0.action == "failed-login" }.count == 0)
        try store.recordLogin()
        #expect(try store.auditEntries(caseId: nil).filter { $0.action == "failed-login" }.count == 3)
        #expect(try store.auditEntries(caseId: nil).last?.action == "login")
        #expect(try store.verifyAudit() == .intact(entries: try store.auditEntries(caseId: nil).count))
    }

    @Test("Purge: only expired closed cases without a hold; a dry list changes nothing; statistics are kept")
    func retention() throws {
        let store = try StoreFixtures.makeStore()
        let desk = StoreFixtures.desk(store)
        let closed = try desk.add(StoreFixtures.intake(reporter: "Purged Reporter", narrative: "Purged narrative"))
        let held = try desk.add(StoreFixtures.intake())
        let open = try desk.add(StoreFixtures.intake())
        for id in [closed.id, held.id] {
            try desk.move(id, to: .acknowledged, note: nil)
            try desk.move(id, to: .withdrawn, note: "Reporter withdrew")
        }
        try desk.setLegalHold(held.id, true, reason: "Court order 2026/17")
        let beforeExpiry = TestFixtures.now.addingTimeInterval(364 * 86_400)
        #expect(try store.purgeCandidates(now: beforeExpiry).isEmpty)
        let later = TestFixtures.now.addingTimeInterval(1096 * 86_400)
        let candidates = try store.purgeCandidates(now: later)
        #expect(candidates.map(\.id) == [closed.id])
        // Listing is a dry run: nothing changed.
        #expect(try store.summaries().count == 3)
        #expect(throws: StoreError.notPermitted(.key("permission.not-due", ["id": "\(open.id)"]))) {
            try store.purge([open.id], now: later)
        }
        #expect(try store.purge(candidates.map(\.id), now: later) == 1)
        #expect(throws: StoreError.casePurged(closed.id.description, on: Calendar.utc.startOfDay(for: later))) { try store.loadCase(closed.id) }
        #expect(try store.summaries().map(\.id).sorted() == [held.id, open.id])
        let traces = try store.purgedTraces()
        #expect(traces.count == 1)
        #expect(traces[0].categories == ["harassment", "abuse-of-authority"])
        #expect(traces[0].status == .withdrawn)
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal WHERE caseId = ?", arguments: [closed.id.description]) } == 0)
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM party WHERE caseId = ?", arguments: [closed.id.description]) } == 0)
        #expect(try store.auditEntries(caseId: closed.id).last?.action == "purge")
        #expect(try store.verifyAudit() == .intact(entries: try store.auditEntries(caseId: nil).count))
        // Lifting the hold makes the held case purgeable.
        try desk.setLegalHold(held.id, false, reason: "Proceedings ended")
        #expect(try store.purgeCandidates(now: later).map(\.id) == [held.id])
    }

    @Test("Retention differs by outcome")
    func retentionByOutcome() throws {
        let store = try StoreFixtures.makeStore()
        let desk = StoreFixtures.desk(store)
        func closedCase(_ outcome: Outcome) throws -> CaseID {
            let id = try desk.add(StoreFixtures.intake()).id
            for step: CaseStatus in [.acknowledged, .assessing, .supportAdvice] { try desk.move(id, to: step, note: nil) }
            try desk.move(id, to: .closed, note: nil, outcome: outcome, measures: outcome == .substantiated ? [.writtenWarning] : [])
            return id
        }
        let unsubstantiated = try closedCase(.unsubstantiated)
        let substantiated = try closedCase(.substantiated)
        let twoYears = TestFixtures.now.addingTimeInterval(2 * 366 * 86_400)
        #expect(try store.purgeCandidates(now: twoYears).map(\.id) == [unsubstantiated])
        let eightYears = TestFixtures.now.addingTimeInterval(8 * 366 * 86_400)
        #expect(try store.purgeCandidates(now: eightYears).map(\.id) == [unsubstantiated, substantiated])
    }

    @Test("Purged cases still count in the statistics, through their anonymised trace")
    func purgedCasesCounted() throws {
        let store = try StoreFixtures.makeStore()
        let desk = StoreFixtures.desk(store)
        var ids: [CaseID] = []
        for _ in 0..<6 { ids.append(try desk.add(StoreFixtures.intake()).id) }
        try desk.move(ids[0], to: .acknowledged, note: nil)
        try desk.move(ids[0], to: .withdrawn, note: "Reporter withdrew")
        let later = TestFixtures.now.addingTimeInterval(1096 * 86_400)
        let before = try desk.statistics(from: nil, to: later)
        #expect(before.totalCases == .count(6))
        #expect(try store.purge([ids[0]], now: later) == 1)
        let after = try desk.statistics(from: nil, to: later)
        #expect(after.totalCases == .count(6))
        #expect(after.byCategory.first { $0.key == "harassment" }?.cases == .count(6))
    }

    @Test("A supervisor's copy has the reporter's name and contact scrubbed from the narrative and journal")
    func supervisorTextScrubbed() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        let item = try desk.add(StoreFixtures.intake(
            reporter: "Marta Łukasiewicz", contact: "marta.l@example.org",
            narrative: "Marta Łukasiewicz says the director shouted at her; write to marta.l@example.org."))
        try desk.move(item.id, to: .acknowledged, note: nil)
        try desk.move(item.id, to: .assessing, note: nil)
        try desk.escalate(item.id, to: .complaintsTeam, reason: "Marta asks for a formal review")
        try store.addAccount("sam", role: .supervisor, passphrase: "supervisor secret", aliases: [], now: TestFixtures.now)
        let supervisor = try SQLiteCaseStore.open(at: path, passphrase: "supervisor secret", evaluator: StoreFixtures.evaluator)
        let seen = try supervisor.loadCase(item.id)
        let texts = [seen.narrative] + seen.journal.map(\.text)
        for text in texts {
            #expect(!text.contains("Marta"), "\(text)")
            #expect(!text.contains("Łukasiewicz"))
            #expect(!text.contains("marta.l@example.org"))
        }
        #expect(seen.narrative.contains("[reporter]"))
        #expect(seen.reporter.name == nil)
    }
}
