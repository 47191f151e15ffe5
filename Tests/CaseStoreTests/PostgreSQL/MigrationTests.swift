import CaseCore
@testable import CaseStore
import Foundation
import Testing
import TestKit

/// `confidant migrate`: a desk moved from its file to a server and back, whole, verified, its source untouched.
@Suite("Moving a desk between SQLite and PostgreSQL", .enabled(if: StoreEngine.postgreSQLServer != nil))
struct MigrationTests {
    @Test("SQLite to PostgreSQL and back: every case, journal, audit entry and account comes across, the source untouched")
    func roundTrip() throws {
        let team = try ContractTeam(.sqlite)
        let source = try team.desk(StoreContract.counselor)
        try source.recordLogin()
        let sourceDump = try team.database.dump()
        let sourceEntries = try source.auditEntries()

        let server = try PostgreSQLDatabase.fresh()
        let receipt = try source.migrate(to: .server(server))
        #expect(receipt.target == server.description)
        #expect(receipt.counts["cases"] == team.all.count)
        #expect(receipt.counts["accounts"] == 4)
        #expect(try team.database.dump() == sourceDump, "the source is only read")

        let onServer = CaseDesk(store: try PostgreSQLCaseStore.open(at: server, passphrase: StoreContract.passphrase,
                                                                     account: StoreContract.counselor,
                                                                     evaluator: StoreContract.evaluator, now: StoreContract.now),
                                clock: { StoreContract.now })
        let entries = try onServer.auditEntries()
        #expect(Array(entries.dropLast()) == sourceEntries, "the copy's chain continues the source's")
        #expect(entries.last.map { [$0.action, $0.actor] } == ["migrate", StoreContract.counselor])
        try Self.expectSame(onServer, as: source, team: team)
        // Every account's passphrase opens the copy as it opened the file: the supervisor sees the same escalated cases.
        let sam = try PostgreSQLCaseStore.open(at: server, passphrase: ContractTeam.passphrase(ContractTeam.supervisor),
                                               evaluator: StoreContract.evaluator, now: StoreContract.now)
        #expect(Set(try sam.summaries().map(\.id)) == Set(try team.store(ContractTeam.supervisor).summaries().map(\.id)))

        let back = StoreFixtures.temporaryPath("back.db")
        let onServerEntries = try onServer.auditEntries()
        let returned = try onServer.migrate(to: .file(back))
        #expect(returned.counts == receipt.counts.merging(["audit entries": onServerEntries.count]) { $1 })
        let again = CaseDesk(store: try SQLiteCaseStore.open(at: back, passphrase: StoreContract.passphrase,
                                                              evaluator: StoreContract.evaluator, now: StoreContract.now,
                                                              pause: { _ in }),
                             clock: { StoreContract.now })
        #expect(try again.auditEntries().dropLast() == onServerEntries[...])
        #expect(try again.auditEntries().last?.action == "migrate")
        try Self.expectSame(again, as: source, team: team)
    }

    @Test("A migration into a database that already holds one is refused, and changes neither")
    func targetTaken() throws {
        let team = try ContractTeam(.sqlite)
        let source = try team.desk(StoreContract.counselor)
        let taken = try PostgreSQLDatabase()
        let before = try taken.dump()
        #expect(throws: StoreError.alreadyExists(path: taken.server.description)) { try source.migrate(to: .server(taken.server)) }
        #expect(try taken.dump() == before)
    }

    /// The copy holds every case as the source does, its chain verifies and no row fails its seal.
    static func expectSame(_ copy: CaseDesk, as source: CaseDesk, team: ContractTeam) throws {
        #expect(try copy.queue() == source.queue())
        for id in team.all {
            #expect(try copy.open(id).item == source.open(id).item, "\(id)")
        }
        #expect(try copy.tamperedCases().isEmpty)
        let verification = try copy.store.verifyAudit()
        #expect(verification == .intact(entries: try copy.auditEntries().count))
    }
}
