import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import TestKit
import Testing

@Suite("Key slots: the scrypt cost, raised after an unlock")
struct KeySlotTests {
    @Test("A new slot uses N=2^17, r=8, p=1 by default")
    func defaultCost() {
        let params = KDFParameters.fresh()
        #expect(params.rounds == 1 << 17)
        #expect(params.blockSize == 8)
        #expect(params.parallelism == 1)
        #expect(params.salt.count == 32)
    }

    @Test("A slot made at a lower cost than the database asks for is re-wrapped with the next login, and still opens")
    func rewrapAfterUnlock() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        try store.pool.write { db in try db.execute(sql: "UPDATE meta SET value = '4096' WHERE key = 'kdfRounds'") }
        let before = try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT rounds, salt FROM keyslot") }!
        #expect(before["rounds"] as Int == 1024)
        let reopened = try SQLiteCaseStore.open(at: path, passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator)
        // Nothing is written until the login is recorded (a refused command leaves the file as it was).
        #expect(try reopened.pool.read { db in try Int.fetchOne(db, sql: "SELECT rounds FROM keyslot") } == 1024)
        try reopened.recordLogin()
        let after = try reopened.pool.read { db in try Row.fetchOne(db, sql: "SELECT rounds, salt FROM keyslot") }!
        #expect(after["rounds"] as Int == 4096)
        #expect((after["salt"] as Data) != (before["salt"] as Data))
        #expect(try reopened.auditEntries(caseId: nil).last?.detail == "opened as counselor; key slot re-wrapped with scrypt N=2^12 (was 2^10)")
        let again = try SQLiteCaseStore.open(at: path, passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator)
        #expect(again.session.account == "counselor")
    }

    @Test("The store refuses a weak passphrase for a new account, whoever asks")
    func weakRefusedInStore() throws {
        let store = try StoreFixtures.makeStore()
        #expect(throws: StoreError.weakPassphrase(.key("passphrase.run"))) {
            try store.addAccount("sam", role: .supervisor, passphrase: "qwertyuiopasdfgh", aliases: [], now: TestFixtures.now)
        }
        #expect(throws: StoreError.weakPassphrase(.key("passphrase.too-short", ["minimum": "12"]))) {
            _ = try SQLiteCaseStore.create(at: StoreFixtures.temporaryPath(), passphrase: "short one", evaluator: StoreFixtures.evaluator,
                                           kdfRounds: 1 << 10)
        }
    }

    @Test("Through the door without a policy of its own, a store refuses the shipped list's passwords, digits and symbols added")
    func doorDefaultsToTheShippedList() throws {
        #expect(PassphrasePolicy.shipped.common.count >= 9_900)
        let refusal = StoreError.weakPassphrase(.key("passphrase.common-padded"))
        #expect(refusal.description
            == "The passphrase is too weak: it is one of the most common passwords, with digits or symbols added. Choose a longer phrase of several unrelated words.")
        #expect(throws: refusal) {
            try CaseDesk.create(.file(StoreFixtures.temporaryPath()), passphrase: "password123456", evaluator: StoreFixtures.evaluator,
                                kdfRounds: 1 << 10)
        }
        let path = StoreFixtures.temporaryPath()
        try CaseDesk.create(.file(path), passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator, kdfRounds: 1 << 10)
        let desk = try CaseDesk.open(.file(path), passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator)
        #expect(throws: refusal) {
            try desk.addAccount("sam", role: .supervisor, passphrase: "Password1234")
        }
    }
}
