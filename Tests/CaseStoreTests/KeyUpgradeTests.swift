import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import Testing
import TestKit

/// A database made by the previous version (one data key for every account, Fixtures/v9-team.db, made by
/// Fixtures/make-v9-team.sh with that version's program) gets keys per case at the first counselor's login.
@Suite("Upgrade to keys per case")
struct KeyUpgradeTests {
    static let fixture = TestFixtures.packageRoot.appendingPathComponent("Tests/CaseStoreTests/Fixtures/v9-team.db")
    static let consenting = CaseID("C-2026-0001")!
    static let unconsented = CaseID("C-2026-0002")!
    static let fresh = CaseID("C-2026-0003")!
    static let closed = CaseID("C-2026-0004")!
    static let conflicted = CaseID("C-2026-0006")!

    /// A copy of the fixture under a database id of its own (so no audit head this machine kept from another run applies).
    func copyOfFixture() throws -> String {
        let path = StoreFixtures.temporaryPath()
        try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: path)
        try GRDBTestSupport.execute(at: path, sql: "UPDATE meta SET value = lower(hex(randomblob(16))) WHERE key = 'databaseId'")
        return path
    }

    func open(_ path: String, _ account: String) throws -> SQLiteCaseStore {
        let passphrase = account == "counselor" ? TestFixtures.passphrase : "\(account) has a passphrase of their own"
        return try SQLiteCaseStore.open(at: path, passphrase: passphrase, account: account, evaluator: StoreFixtures.evaluator,
                                        now: TestFixtures.now, pause: { _ in })
    }

    @Test("The first counselor's login seals every case under keys of its own; every case reads as before")
    func conversion() throws {
        let path = try copyOfFixture()
        // Before: the team key seals every case.
        let teamKey = try open(path, "counselor").dataKey
        let narrative = try GRDBTestSupport.value(at: path, sql: "SELECT sealedNarrative FROM casefile WHERE id = 'C-2026-0001'")
        #expect(try Sealer(dataKey: teamKey).open(narrative, context: "case:C-2026-0001:narrative")
            == "He told me my contract would not be renewed unless I stayed quiet.")

        let counselor = try open(path, "counselor")
        try counselor.recordLogin()
        #expect(try counselor.auditEntries(caseId: nil).contains { $0.action == "case-keys" && $0.detail == "6 cases sealed under keys of their own" })
        let verification = try counselor.verifyAudit()
        // The fixture's 75 entries, the one-time reseal of its rows (sealed by 1.0.0), the team policy stored as its
        // version 1, the keys per case, the login.
        #expect(verification == .intact(entries: 79), "\(verification)")
        #expect(try counselor.auditEntries(caseId: nil).filter { $0.action == "seal-rows" }.count == 1)
        #expect(try counselor.tamperedCases().isEmpty)
        let first = try counselor.loadCase(Self.consenting)
        #expect(first.reporter.name == "Consenting Person" && first.reporter.contact == "consent@example.org")
        #expect(first.narrative == "He told me my contract would not be renewed unless I stayed quiet.")
        #expect(first.reported.map(\.name) == ["Person A"] && first.assessment == StoreFixtures.ratings(2, 2, 3, 2, 3))
        #expect(first.journal.contains { $0.text == "Called the reporter on her mobile; she is safe." })
        let closed = try counselor.loadCase(Self.closed)
        #expect(closed.outcome == .unsubstantiated && closed.journal.last?.text.hasSuffix("Not upheld after hearing both sides.") == true)

        // After: the team key alone opens no case, not even after the conversion's marker is removed.
        for column in ["sealedNarrative", "sealedReporter", "sealedDetails"] {
            let blob = try GRDBTestSupport.value(at: path, sql: "SELECT \(column) FROM casefile WHERE id = 'C-2026-0001'")
            #expect(throws: StoreError.self) { try Sealer(dataKey: teamKey).open(blob, context: "case:C-2026-0001:narrative") }
        }
        let journalText = try GRDBTestSupport.value(at: path, sql: "SELECT sealedText FROM journal ORDER BY id LIMIT 1")
        #expect(throws: StoreError.self) { try Sealer(dataKey: teamKey).open(journalText, context: "") }
        try GRDBTestSupport.execute(at: path, sql: "DELETE FROM meta WHERE key = 'caseKeys'")
        #expect(try open(path, "counselor").loadCase(Self.consenting).narrative == first.narrative)
    }

    @Test("Before the conversion a supervisor works as before; after it, other accounts wait for a counselor to give them keys")
    func otherAccountsAfterConversion() throws {
        let path = try copyOfFixture()
        // The supervisor logs in first: the cases are not converted yet, the program still redacts their copy.
        let early = try open(path, "sam")
        #expect(try early.reporterIdentity(Self.consenting).name == "Consenting Person")
        #expect(throws: StoreError.notPermitted(.key("permission.no-identity-consent", ["id": "\(Self.unconsented)"]))) {
            try early.reporterIdentity(Self.unconsented)
        }

        let counselor = try open(path, "counselor")
        try counselor.recordLogin()
        // sam got a key pair at their login, so the conversion wrapped the copies of sam's cases for them; alex and root
        // get theirs at their next login, and alex then waits for a counselor.
        #expect(try counselor.pendingGrants().isEmpty)
        #expect(try open(path, "sam").reporterIdentity(Self.consenting).name == "Consenting Person")
        #expect(try open(path, "sam").loadCase(Self.closed).outcome == .unsubstantiated)
        #expect(throws: StoreError.notPermitted(.key("permission.not-escalated", ["id": "\(Self.fresh)"]))) {
            try open(path, "sam").loadCase(Self.fresh)
        }

        let alex = try open(path, "alex")
        try alex.recordLogin()
        #expect(try alex.auditEntries(caseId: nil).last?.detail == "opened as counselor; key pair made")
        #expect(try counselor.pendingGrants() == [PendingGrant(account: "alex", role: .counselor, cases: 5)])
        #expect(throws: StoreError.notPermitted(
            .key("permission.keys-not-given", ["account": "alex", "id": "\(Self.fresh)"]))) {
            try open(path, "alex").loadCase(Self.fresh)
        }
        let root = try open(path, "root")
        try root.recordLogin()
        #expect(try root.pendingGrants() == [PendingGrant(account: "alex", role: .counselor, cases: 5)])

        try open(path, "counselor").recordLogin()
        #expect(try counselor.pendingGrants().isEmpty)
        #expect(try open(path, "alex").loadCase(Self.fresh).reporter.name == "Fresh Reporter")
        #expect(throws: StoreError.notPermitted(.key("permission.recused", ["account": "alex", "id": "\(Self.conflicted)"]))) {
            try open(path, "alex").loadCase(Self.conflicted)
        }
        #expect(try open(path, "root").pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM casekey WHERE account = 'root'")
        } == 0)
    }
}
