import CaseCore
import CaseStore
import Foundation
import Testing

/// Roles held by keys: what an account can open is what was wrapped for it, whatever the plain columns say. Each test
/// forges columns as someone holding a passphrase and the storage would (the seals made again with the team key), and
/// reads the keys an account holds as a program of their own would (``StoreDatabase/keyDigests(_:as:passphrase:)``).
extension StoreContractTests {
    static let kinds: Set<String> = ["content", "identity", "copy"]

    func digests(_ team: ContractTeam, _ id: CaseID, _ account: String) throws -> [String: String] {
        try team.database.keyDigests(id, as: account, passphrase: ContractTeam.passphrase(account))
    }

    @Test("A supervisor with the storage and forged columns (escalated, consent given) opens no more than before",
          arguments: StoreEngine.all)
    func supervisorWithACopy(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let sam = ContractTeam.supervisor
        let passphrase = ContractTeam.passphrase(sam)
        for id in [team.fresh, team.returned] {
            try team.database.forge(.status(id, .escalated), as: sam, passphrase: passphrase)
            try team.database.forge(.escalation(id, .externalCommittee), as: sam, passphrase: passphrase)
            try team.database.forge(.consent(id, true), as: sam, passphrase: passphrase)
        }
        try team.database.forge(.consent(team.escalatedWithoutConsent, true), as: sam, passphrase: passphrase)

        let supervisor = try team.store(sam)
        #expect(try supervisor.tamperedCases().isEmpty)
        for id in [team.fresh, team.returned] {
            let refusal = StoreError.notPermitted(.key("permission.not-escalated", ["id": "\(id)"]))
            #expect(throws: refusal) { try supervisor.loadCase(id) }
            #expect(throws: refusal) { try supervisor.reporterIdentity(id) }
            #expect(try digests(team, id, sam).isEmpty)
        }
        let unconsented = team.escalatedWithoutConsent
        #expect(throws: StoreError.notPermitted(.key("permission.no-identity-consent", ["id": "\(unconsented)"]))) {
            try supervisor.reporterIdentity(unconsented)
        }
        let copy = try supervisor.loadCase(unconsented)
        #expect(copy.reporter.name == nil && copy.reporter.contact == nil && !copy.consentShareIdentity)
        #expect(!copy.narrative.contains("Marta"))
        // What the supervisor holds: the key of the copy of an escalated case, nothing else.
        for id in team.all {
            let expected: Set<String> = [team.escalatedWithConsent, team.escalatedWithoutConsent, team.reviewedAndClosed].contains(id)
                ? ["copy"] : []
            #expect(Set(try digests(team, id, sam).keys) == expected, "\(id)")
        }
    }

    @Test("A role changed in the storage, seals and all, does not open: the account's key is bound to its role",
          arguments: StoreEngine.all)
    func forgedRole(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        for account in [ContractTeam.supervisor, ContractTeam.admin] {
            try team.database.forge(.role(account, .counselor), as: account, passphrase: ContractTeam.passphrase(account))
            #expect(throws: StoreError.tamperedRecord(.key("tampered.role", ["account": .text(account)]))) { try team.store(account) }
        }
    }

    @Test("An admin with the storage holds the key of no case", arguments: StoreEngine.all)
    func adminWithACopy(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let admin = try team.store(ContractTeam.admin)
        for id in team.all {
            #expect(try digests(team, id, ContractTeam.admin).isEmpty, "\(id)")
            #expect(throws: StoreError.notPermitted(.key("permission.admin-reads-no-case"))) { try admin.loadCase(id) }
        }
        // A counselor holds every key of the cases they are not recused from.
        for id in team.all {
            #expect(Set(try digests(team, id, StoreContract.counselor).keys) == Self.kinds, "\(id)")
        }
    }

    @Test("Consent withdrawn: the supervisor who read the name cannot any more, and the identity is under a new key",
          arguments: StoreEngine.all)
    func consentWithdrawn(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let id = team.escalatedWithConsent
        let sam = ContractTeam.supervisor
        #expect(try team.store(sam).reporterIdentity(id).name == "Consenting Person")
        let before = (counselor: try digests(team, id, StoreContract.counselor), supervisor: try digests(team, id, sam))

        try team.desk(StoreContract.counselor).setConsent(id, false)

        #expect(throws: StoreError.notPermitted(.key("permission.no-identity-consent", ["id": "\(id)"]))) {
            try team.store(sam).reporterIdentity(id)
        }
        #expect(try team.store(sam).loadCase(id).reporter.name == nil)
        let after = (counselor: try digests(team, id, StoreContract.counselor), supervisor: try digests(team, id, sam))
        #expect(after.counselor["identity"] != before.counselor["identity"])
        #expect(after.counselor["content"] == before.counselor["content"])
        #expect(after.supervisor["copy"] != nil && after.supervisor["copy"] != before.supervisor["copy"])
        #expect(try team.store(StoreContract.counselor).reporterIdentity(id).name == "Consenting Person")

        // Forged back to "consented", the column opens nothing either.
        try team.database.forge(.consent(id, true), as: sam, passphrase: ContractTeam.passphrase(sam))
        #expect(throws: StoreError.notPermitted(.key("permission.no-identity-consent", ["id": "\(id)"]))) {
            try team.store(sam).reporterIdentity(id)
        }
    }

    @Test("Recusal takes the account's keys of the case, and the next write puts the case under new keys",
          arguments: StoreEngine.all)
    func recusalTakesKeys(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let id = team.conflicted
        #expect(try digests(team, id, ContractTeam.secondCounselor).isEmpty)
        try expectNewKeys(team, id, afterNote: "Handed over after the recusal.")
        #expect(try digests(team, id, ContractTeam.secondCounselor).isEmpty)
    }

    /// The counselor writes a note on a case: every key of the case is new afterwards, and the note reads back.
    func expectNewKeys(_ team: ContractTeam, _ id: CaseID, afterNote note: String) throws {
        let before = try digests(team, id, StoreContract.counselor)
        try team.desk(StoreContract.counselor).record(id, .note, text: note)
        let after = try digests(team, id, StoreContract.counselor)
        #expect(Set(after.keys) == Self.kinds)
        for kind in Self.kinds { #expect(after[kind] != before[kind], "\(kind)") }
        #expect(try team.store(StoreContract.counselor).loadCase(id).journal.last?.text == note)
    }

    @Test("A removed account's keys go with it, and the cases it held are under new keys at their next write",
          arguments: StoreEngine.all)
    func removedAccount(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let id = team.fresh
        #expect(Set(try digests(team, id, ContractTeam.secondCounselor).keys) == Self.kinds)
        try team.store(ContractTeam.admin).removeAccount(ContractTeam.secondCounselor, now: StoreContract.now)
        #expect(throws: StoreError.unknownAccount(ContractTeam.secondCounselor)) { try team.store(ContractTeam.secondCounselor) }
        try expectNewKeys(team, id, afterNote: "Still working on it.")
    }

    @Test("A case every counselor is recused from keeps the last holder's keys until another counselor is given them",
          arguments: StoreEngine.all)
    func recusedLastHolder(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let id = team.conflicted
        try team.store(StoreContract.counselor).declareConflict(id, reason: "I know the reported person", now: StoreContract.now)
        #expect(Set(try digests(team, id, StoreContract.counselor).keys) == Self.kinds)
        #expect(throws: StoreError.notPermitted(.key("permission.recused", ["account": "counselor", "id": "\(id)"]))) {
            try team.store(StoreContract.counselor).loadCase(id)
        }
        try team.store(ContractTeam.admin).addAccount("casey", role: .counselor, passphrase: ContractTeam.passphrase("casey"),
                                                      aliases: [], now: StoreContract.now)
        try team.store(StoreContract.counselor).recordLogin()
        #expect(try digests(team, id, StoreContract.counselor).isEmpty)
        try team.desk("casey").reassign(id, note: "I take the case")
        #expect(try team.store("casey").loadCase(id).journal.last?.text == "Case taken over by casey: I take the case")
    }

    @Test("An account that alone holds the keys of a case is not removed, and the refusal changes nothing",
          arguments: StoreEngine.all)
    func soleHolderKept(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        try team.store(StoreContract.counselor).declareConflict(team.fresh, reason: "I know the reporter", now: StoreContract.now)
        #expect(try digests(team, team.fresh, StoreContract.counselor).isEmpty)
        let admin = try team.store(ContractTeam.admin)
        try admin.recordLogin()
        let before = try team.database.dump()
        #expect(throws: StoreError.notPermitted(.key("permission.sole-key-holder.one", ["name": "alex", "count": "1"]))) {
            try admin.removeAccount(ContractTeam.secondCounselor, now: StoreContract.now)
        }
        #expect(try team.database.dump() == before)
    }

    @Test("A counselor added by the admin waits for keys until a counselor's session gives them, and the wait is shown",
          arguments: StoreEngine.all)
    func newCounselorPending(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let casey = "casey"
        let admin = try team.store(ContractTeam.admin)
        try admin.addAccount(casey, role: .counselor, passphrase: ContractTeam.passphrase(casey), aliases: [], now: StoreContract.now)
        #expect(try admin.pendingGrants() == [PendingGrant(account: casey, role: .counselor, cases: team.all.count)])
        let waiting = try team.store(casey)
        #expect(try waiting.summaries().count == team.all.count)
        let refusal = StoreError.notPermitted(
            .key("permission.keys-not-given", ["account": "casey", "id": "\(team.fresh)"]))
        #expect(throws: refusal) { try waiting.loadCase(team.fresh) }
        #expect(try digests(team, team.fresh, casey).isEmpty)

        let counselor = try team.store(StoreContract.counselor)
        try counselor.recordLogin()
        #expect(try counselor.pendingGrants().isEmpty)
        #expect(try counselor.auditEntries(caseId: nil).last { $0.action == "keys-grant" }?.detail
            == "keys of \(team.all.count) cases given to casey")
        #expect(try team.store(casey).loadCase(team.fresh).reporter.name == StoreFixtures.intake().reporter.name)
        #expect(Set(try digests(team, team.conflicted, casey).keys) == Self.kinds)
    }

    @Test("A supervisor added later waits for the copies of escalated cases; a supervisor never waits for the rest",
          arguments: StoreEngine.all)
    func newSupervisorPending(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        try team.store(ContractTeam.admin).addAccount("kim", role: .supervisor, passphrase: ContractTeam.passphrase("kim"),
                                                      aliases: [], now: StoreContract.now)
        #expect(try team.store(ContractTeam.admin).pendingGrants() == [PendingGrant(account: "kim", role: .supervisor, cases: 2)])
        #expect(throws: StoreError.notPermitted(.key("permission.not-escalated", ["id": "\(team.escalatedWithConsent)"]))) {
            try team.store("kim").loadCase(team.escalatedWithConsent)
        }
        try team.store(StoreContract.counselor).recordLogin()
        #expect(try team.store("kim").reporterIdentity(team.escalatedWithConsent).name == "Consenting Person")
        #expect(Set(try digests(team, team.reviewedAndClosed, "kim").keys).isEmpty)
    }

    @Test("No name, contact or narrative of any case is in the storage's bytes", arguments: StoreEngine.all)
    func storageHoldsNoMarker(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        try team.desk(StoreContract.counselor).setConsent(team.escalatedWithConsent, false)
        let bytes = try team.database.dump().reduce(Data(), +)
        for marker in ["Consenting Person", "consent@example.org", ContractTeam.withoutConsentReporter, ContractTeam.withoutConsentContact,
                       "director shouted", "Person A", "Referred to the staff counsellor", "Not upheld after hearing"] {
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker)")
        }
    }
}
