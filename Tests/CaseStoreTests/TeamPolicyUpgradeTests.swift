import CaseCore
@testable import CaseStore
import Foundation
import TestKit
import Testing

/// Issue 15, point 4: a database made before it held its team policy is given the files' policy as version 1 at the
/// first login of an account that may write (a counselor), audited, and nothing about its cases changes.
@Suite("Team policy in an older database")
struct TeamPolicyUpgradeTests {
    /// A database as the previous version left it: cases scored under the files, no policy stored.
    func olderDatabase() throws -> (path: String, id: CaseID, queue: [CaseSummary]) {
        let path = StoreFixtures.temporaryPath()
        var files = StoreFixtures.evaluator
        files.source = nil
        let store = try SQLiteCaseStore.create(at: path, passphrase: TestFixtures.passphrase, evaluator: files, kdfRounds: 1 << 10,
                                               now: TestFixtures.now)
        let desk = StoreFixtures.desk(store)
        try store.addAccount("sam", role: .supervisor, passphrase: "sam has a passphrase of his own", aliases: [], now: TestFixtures.now)
        let id = try desk.add(StoreFixtures.intake()).id
        try desk.move(id, to: .acknowledged, note: nil)
        try desk.move(id, to: .assessing, note: nil)
        try desk.assess(id, StoreFixtures.ratings(2, 3, 1, 2, 2))
        try desk.escalate(id, to: .complaintsTeam, reason: "Formal review asked")
        #expect(try store.policyInForce() == nil)
        #expect(try store.scoredWith(id) == nil)
        let queue = try desk.queue()
        try store.close()
        return (path, id, queue)
    }

    func open(_ path: String, as account: String, _ passphrase: String = TestFixtures.passphrase) throws -> CaseDesk {
        StoreFixtures.desk(try SQLiteCaseStore.open(at: path, passphrase: passphrase, account: account,
                                                    evaluator: StoreFixtures.evaluator, now: TestFixtures.now))
    }

    @Test("The first counselor login stores the files' policy as version 1, audited; its cases count as scored under it and rank as before")
    func firstCounselorLogin() throws {
        let (path, id, queue) = try olderDatabase()
        let counselor = try open(path, as: "counselor")
        #expect(try counselor.policyInForce() == nil, "nothing is written before the login is")
        try counselor.recordLogin()
        let stored = try #require(try counselor.policyInForce())
        #expect(stored.version == 1)
        #expect(stored.installedBy == "counselor")
        #expect(stored.policy == StoreFixtures.evaluator.source)
        #expect(try counselor.auditEntries().filter { $0.action == "policy" }.map(\.detail)
            == ["policy version 1 installed from the configuration files"])
        #expect(try counselor.store.scoredWith(id) == 1)
        #expect(try counselor.open(id).olderPolicy == nil)
        #expect(try counselor.queue() == queue)
    }

    @Test("A supervisor's login stores no policy: a supervisor may not write one")
    func supervisorLogin() throws {
        let (path, _, queue) = try olderDatabase()
        let supervisor = try open(path, as: "sam", "sam has a passphrase of his own")
        try supervisor.recordLogin()
        #expect(try supervisor.policyInForce() == nil)
        #expect(try supervisor.queue().map(\.id) == queue.filter { $0.status == .escalated }.map(\.id))
        let counselor = try open(path, as: "counselor")
        #expect(try counselor.auditEntries().contains { $0.action == "policy" } == false)
        #expect(try counselor.auditEntries().last?.action == "login")
    }
}
