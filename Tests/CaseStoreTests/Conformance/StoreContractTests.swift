import CaseCore
@testable import CaseStore
import Foundation
import Testing

/// What every store engine must do, stated through ``CaseRepository`` only, and run against every engine in
/// ``StoreEngine/all``: who sees what, what a supervisor's copy holds, recusal, the audit chain, the queue's order,
/// two sessions on one database, and refusals that leave the database exactly as it was.
///
/// The queue and two sessions are here; the rest in the extensions +Entitlements, +Redaction, +Audit, +Refusals, +Work.
/// Every test builds its own database through the engine's factory, so they run in parallel.
@Suite("Store contract (every engine)")
struct StoreContractTests {
    /// A database of `engine` with only its counselor, and a desk on a session of it.
    func emptyDesk(_ engine: StoreEngine) throws -> (database: any StoreDatabase, desk: CaseDesk) {
        let database = try engine.create()
        let store = try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase)
        return (database, CaseDesk(store: store, clock: { StoreContract.now }))
    }
}

// MARK: Queue and sessions

extension StoreContractTests {
    @Test("The queue is in queue order: band, then score, then the nearest deadline; closed cases last",
          arguments: StoreEngine.all)
    func queueOrder(engine: StoreEngine) throws {
        let desk = try emptyDesk(engine).desk
        let low = try desk.add(StoreFixtures.intake(reported: "A")).id
        let critical = try desk.add(StoreFixtures.intake(reported: "B")).id
        let unrated = try desk.add(StoreFixtures.intake(reported: "C")).id
        let high = try desk.add(StoreFixtures.intake(reported: "D")).id
        let closed = try desk.add(StoreFixtures.intake(reported: "E")).id
        let plan: [(CaseID, FactorRatings)] = [
            (low, StoreFixtures.ratings(0, 1, 0, 1, 1)), (critical, StoreFixtures.ratings(2, 3, 4, 2, 3)),
            (high, StoreFixtures.ratings(2, 2, 2, 2, 2)), (closed, StoreFixtures.ratings(4, 4, 4, 4, 4)),
        ]
        for (id, ratings) in plan {
            try desk.move(id, to: .acknowledged, note: nil)
            try desk.move(id, to: .assessing, note: nil)
            try desk.assess(id, ratings)
        }
        try desk.move(closed, to: .withdrawn, note: "Left the organisation")
        let queue = try desk.queue()
        #expect(queue.map(\.id) == [critical, high, unrated, low, closed])
        #expect(queue.map(\.band) == [.critical, .high, nil, .low, .critical])
        #expect(queue.map(\.id) == queue.sorted(by: CaseSummary.queueOrder).map(\.id))
    }

    @Test("Two sessions on one database see each other's changes, and the queue version tells a window when to reload",
          arguments: StoreEngine.all)
    func twoSessions(engine: StoreEngine) throws {
        let (database, mine) = try emptyDesk(engine)
        let other = CaseDesk(store: try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase),
                             clock: { StoreContract.now })
        let start = try #require(try mine.store.queueVersion(), "an engine must tell when the queue changed")
        let added = try other.add(StoreFixtures.intake()).id
        let afterAdd = try #require(try mine.store.queueVersion())
        #expect(afterAdd != start)
        #expect(try mine.queue().map(\.id) == [added])
        _ = try mine.open(added)
        #expect(try mine.store.queueVersion() == afterAdd, "reading a case is no change to the queue")
        try other.record(added, .note, text: "From the other window")
        #expect(try mine.store.queueVersion() != afterAdd)
    }

    @Test("A change is applied to the case as stored, never to a copy read earlier: no other session's entry is lost",
          arguments: StoreEngine.all)
    func noLostUpdate(engine: StoreEngine) throws {
        let (database, mine) = try emptyDesk(engine)
        let other = CaseDesk(store: try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase),
                             clock: { StoreContract.now })
        let id = try mine.add(StoreFixtures.intake()).id
        let stale = try mine.open(id).item
        try other.record(id, .note, text: "Written in the other window")
        let after = try mine.store.updateCase(id, action: "journal", now: StoreContract.now) { item, _ in
            #expect(item.journal.count == stale.journal.count + 1, "the change sees the other window's entry")
            try item.record(.note, text: "Written in this window", by: StoreContract.counselor, at: StoreContract.now)
        }
        #expect(after.journal.map(\.text) == ["Written in the other window", "Written in this window"])
        #expect(try other.open(id).item.journal.map(\.text) == ["Written in the other window", "Written in this window"])
    }

    @Test("A change made from a copy read before another session's change is refused, naming who changed the case, and writes nothing",
          arguments: StoreEngine.all)
    func staleWriteRefused(engine: StoreEngine) throws {
        let team = try ContractTeam(engine)
        let mine = try team.desk(StoreContract.counselor)
        let alex = try team.desk(ContractTeam.secondCounselor)
        let id = team.fresh
        let opened = try mine.open(id)
        let read = try #require(opened.version)
        try alex.record(id, .note, text: "Alex called the reporter")
        #expect(try mine.store.caseVersion(id).changedBy == ContractTeam.secondCounselor)
        let before = try team.database.dump()
        let refusal = StoreError.staleCase(id.description, by: ContractTeam.secondCounselor, at: StoreContract.now)
        #expect(throws: refusal) { try mine.record(id, .note, text: "Typed while Alex wrote", readVersion: read) }
        #expect(throws: refusal) { try mine.move(id, to: .acknowledged, note: nil, readVersion: read) }
        #expect(try team.database.dump() == before)
        #expect(refusal.description == "\(id) was changed by alex on 25 November 2026 at 12:00 UTC after you opened it; your change was "
            + "not saved. Open the case again to see theirs, then make yours again.")
        // Opened again, the same change goes through, after Alex's.
        let again = try mine.open(id)
        let saved = try mine.record(id, .note, text: "Typed while Alex wrote", readVersion: again.version)
        #expect(saved.item.journal.suffix(2).map(\.text) == ["Alex called the reporter", "Typed while Alex wrote"])
        #expect(saved.version != again.version)
        #expect(try mine.store.caseVersion(id).changedBy == StoreContract.counselor)
    }

    @Test("A case comes back as it was saved, in another session too", arguments: StoreEngine.all)
    func roundTrip(engine: StoreEngine) throws {
        let (database, desk) = try emptyDesk(engine)
        var intake = StoreFixtures.intake()
        intake.affected = .init(pseudonym: "Grey Owl", name: "Ada Nowak", contact: "ada@example.org")
        let id = try desk.add(intake).id
        try desk.move(id, to: .acknowledged, note: "Receipt confirmed by e-mail")
        try desk.record(id, .contact, text: "Spoke by phone; 🙂 reporter safe tonight")
        try desk.edit(id, .consent(true))
        let saved = try desk.open(id).item
        let again = try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase).loadCase(id)
        #expect(again == saved)
        #expect(again.reporter == Reporter(pseudonym: "Amber Heron", anonymous: false, name: "Fatima Zahra Benali",
                                           contact: "fz.benali@example.org"))
        #expect(again.affected == AffectedPerson(pseudonym: "Grey Owl", name: "Ada Nowak", contact: "ada@example.org"))
        #expect(again.journal.map(\.kind) == [.status, .contact, .edit])
    }
}
