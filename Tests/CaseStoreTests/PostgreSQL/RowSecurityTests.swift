import CaseCore
@testable import CaseStore
import Foundation
import Testing
import TestKit

/// Row-level security on a team's server: each person logs in to the server under the name of their account and is
/// given only the rows their keys could open anyway (PostgreSQLSchema's v6), as README's team set-up grants.
@Suite("PostgreSQL row-level security", .enabled(if: StoreEngine.postgreSQLServer != nil))
struct RowSecurityTests {
    /// The contract's team on a database where each account works on a server login of its own name.
    static func teamWithLogins() throws -> (team: ContractTeam, database: PostgreSQLDatabase) {
        let team = try ContractTeam(.postgreSQLPerPerson)
        return (team, try #require(team.database as? PostgreSQLDatabase))
    }

    /// The ids of the case rows a login selects with plain SQL, as a program of its own would.
    static func caseRows(_ account: String, on database: PostgreSQLDatabase) throws -> [String] {
        let link = try PostgresLink.connect(try database.login(account))
        defer { link.close() }
        return try link.transaction { tx in try tx.column("SELECT id FROM casefile ORDER BY id", as: String.self) }
    }

    @Test("A supervisor's login selects only the cases whose copy they hold; an admin's none; a counselor's every case")
    func rowsByKeys() throws {
        let (team, database) = try Self.teamWithLogins()
        let escalated = [team.escalatedWithConsent, team.escalatedWithoutConsent, team.reviewedAndClosed].map(\.description).sorted()
        #expect(try Self.caseRows(ContractTeam.supervisor, on: database) == escalated)
        #expect(try Self.caseRows(ContractTeam.admin, on: database) == [])
        #expect(try Self.caseRows(ContractTeam.secondCounselor, on: database) == team.all.map(\.description).sorted())
        let link = try PostgresLink.connect(try database.login(ContractTeam.supervisor))
        defer { link.close() }
        let parties = try link.transaction { tx in try tx.column("SELECT DISTINCT caseId FROM party ORDER BY caseId", as: String.self) }
        #expect(parties == escalated)
    }

    @Test("Under row-level security a supervisor works as before, and ranks a case exactly as the counselor does")
    func supervisorWorks() throws {
        let (team, database) = try Self.teamWithLogins()
        let store = try #require(try team.store(ContractTeam.supervisor) as? PostgreSQLCaseStore)
        defer { store.close() }
        let counselor = try team.store(StoreContract.counselor)
        let ids = Set([team.escalatedWithConsent, team.escalatedWithoutConsent, team.reviewedAndClosed])
        #expect(Set(try store.summaries().map(\.id)) == ids)
        let item = try store.loadCase(team.escalatedWithConsent)
        #expect(try store.evaluate(item).score == counselor.evaluate(try counselor.loadCase(team.escalatedWithConsent)).score)
        let desk = CaseDesk(store: store, clock: { StoreContract.now })
        try desk.review(team.escalatedWithoutConsent, decision: .returnToCounselor, text: "Talk to the manager first.")
        #expect(try Self.caseRows(ContractTeam.supervisor, on: database)
            == [team.escalatedWithConsent, team.reviewedAndClosed].map(\.description).sorted())
        #expect(try counselor.tamperedCases() == [])
        #expect(try counselor.verifyAudit() == .intact(entries: try counselor.auditEntries(caseId: nil).count))
        #expect(try counselor.loadCase(team.escalatedWithoutConsent).status == .supportAdvice)
    }

    @Test("A server login opens only the account of its own name, whatever passphrase it is given, and writes nothing")
    func loginBoundToAccount() throws {
        let (_, database) = try Self.teamWithLogins()
        let before = try database.dump()
        #expect(throws: StoreError.notPermitted(.key("permission.server-login", ["login": "alex", "account": "counselor"]))) {
            try PostgreSQLCaseStore.open(at: try database.login(ContractTeam.secondCounselor), passphrase: StoreContract.passphrase,
                                         evaluator: StoreContract.evaluator, now: StoreContract.now, pause: { _ in })
        }
        #expect(try database.dump() == before)
    }
}
