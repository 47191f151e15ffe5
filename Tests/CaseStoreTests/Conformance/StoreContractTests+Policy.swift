import CaseCore
@testable import CaseStore
import Foundation
import Testing

/// The team policy: a database holds the one its cases are ranked by, versioned, sealed, and the same for every desk.
extension StoreContractTests {
    /// Two assessed cases whose order a heavier severity weight reverses: `severe` rates severity 2 (12 points under
    /// the shipped weights, 23 with severity weighing 4), `frequent` rates frequency 4 (16, then 11).
    func twoAssessedCases(_ desk: CaseDesk) throws -> (severe: CaseID, frequent: CaseID) {
        let severe = try desk.add(StoreFixtures.intake(reported: "Person S")).id
        let frequent = try desk.add(StoreFixtures.intake(reported: "Person F")).id
        for (id, ratings) in [(severe, StoreFixtures.ratings(0, 2, 0, 0, 0)), (frequent, StoreFixtures.ratings(4, 0, 0, 0, 0))] {
            try desk.move(id, to: .acknowledged, note: nil)
            try desk.move(id, to: .assessing, note: nil)
            try desk.assess(id, ratings)
        }
        return (severe, frequent)
    }

    @Test("A new database holds the policy it was created with as version 1, installed by its counselor, audited with the creation",
          arguments: StoreEngine.all)
    func firstVersion(engine: StoreEngine) throws {
        let desk = try emptyDesk(engine).desk
        let stored = try #require(try desk.policyInForce())
        #expect(stored == PolicyVersion(version: 1, installedAt: StoreContract.now, installedBy: StoreContract.counselor,
                                        policy: try #require(StoreContract.evaluator.source)))
        #expect(desk.evaluator.policyVersion == 1)
        let created = try #require(try desk.auditEntries().first)
        #expect(created.action == "init")
        #expect(created.actor == StoreContract.counselor)
        #expect(created.detail == "database created with counselor account (rows sealed, keys per case; team policy version 1)")
    }

    @Test("A new version re-ranks every case at once, is audited with who and when, and a case says it was scored under the older one until it is assessed again",
          arguments: StoreEngine.all)
    func applyReranks(engine: StoreEngine) throws {
        let desk = try emptyDesk(engine).desk
        let (severe, frequent) = try twoAssessedCases(desk)
        #expect(try desk.queue().map(\.id) == [frequent, severe])
        #expect(try desk.queue().map(\.score) == [16, 12])
        #expect(try desk.open(severe).olderPolicy == nil)

        let later = StoreContract.now.addingTimeInterval(3600)
        let applying = CaseDesk(store: desk.store, clock: { later })
        let installed = try applying.applyPolicy(try StoreContract.policy(severityWeight: "4"))
        #expect(installed.version == 2)
        #expect(installed.installedBy == StoreContract.counselor)
        #expect(installed.installedAt == later)
        #expect(try desk.queue().map(\.id) == [severe, frequent], "the queue is ranked under version 2 at once")
        #expect(try desk.queue().map(\.score) == [23, 11])
        let view = try desk.open(severe)
        #expect(view.evaluation.score.value == 23)
        #expect(view.olderPolicy == OlderPolicy(scoredWith: 1, inForce: 2, installedAt: later, installedBy: StoreContract.counselor))
        let entry = try #require(try desk.auditEntries().last { $0.action == "policy" })
        #expect(entry.actor == StoreContract.counselor)
        #expect(entry.detail == "policy version 2 installed; changed: scoring.json")

        try desk.assess(severe, StoreFixtures.ratings(0, 2, 0, 0, 0))
        #expect(try desk.open(severe).olderPolicy == nil, "assessed again, it is scored under the version in force")
        #expect(try desk.open(frequent).olderPolicy?.scoredWith == 1)
    }

    @Test("Two desks on one database never rank a case differently: one opened before a new version works under it from its next read",
          arguments: StoreEngine.all)
    func desksAgree(engine: StoreEngine) throws {
        let (database, mine) = try emptyDesk(engine)
        let (severe, frequent) = try twoAssessedCases(mine)
        let other = CaseDesk(store: try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase),
                             clock: { StoreContract.now })
        _ = try other.open(severe)
        try mine.applyPolicy(try StoreContract.policy(severityWeight: "4"))
        #expect(try other.open(severe).evaluation == (try mine.open(severe).evaluation))
        #expect(other.evaluator.policyVersion == 2)
        #expect(try other.queue().map(\.id) == [severe, frequent])
        // A case the other desk assesses now is scored under version 2, as this desk would score it.
        try other.assess(frequent, StoreFixtures.ratings(4, 1, 0, 0, 0))
        #expect(try mine.open(frequent).evaluation.score == (try other.open(frequent).evaluation.score))
        #expect(try mine.open(frequent).olderPolicy == nil)
    }

    @Test("A policy version forged (version 1's weights put back under version 2) is refused with a sentence, and so is a deleted one",
          arguments: StoreEngine.all)
    func forgedPolicy(engine: StoreEngine) throws {
        let (database, desk) = try emptyDesk(engine)
        try desk.applyPolicy(try StoreContract.policy(severityWeight: "4"))
        try database.forgePolicy(2, documentOf: 1)
        #expect(throws: StoreError.tamperedPolicy(.key("tampered.policy", ["version": "2"]))) {
            try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase)
        }
        let error = StoreError.tamperedPolicy(.key("tampered.policy", ["version": "2"]))
        #expect(Catalogue.english.words(error.phrase) == "The team policy stored as version 2 was changed outside Confidant and "
            + "no longer matches its seal, so no case can be ranked by it: the database was not opened. Restore it from a "
            + "backup ('confidant restore').")

        let (other, _) = try emptyDesk(engine)
        let second = CaseDesk(store: try other.open(StoreContract.counselor, passphrase: StoreContract.passphrase),
                              clock: { StoreContract.now })
        try second.applyPolicy(try StoreContract.policy(severityWeight: "4"))
        try other.deletePolicy(2)
        #expect(throws: StoreError.tamperedPolicy(.key("tampered.policy-missing", ["count": "2"]))) {
            try other.open(StoreContract.counselor, passphrase: StoreContract.passphrase)
        }
    }
}
