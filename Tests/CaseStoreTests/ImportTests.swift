import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import TestKit
import Testing

@Suite("Import into the store")
struct ImportTests {
    static func examplePlan(_ desk: CaseDesk, text: String? = nil) throws -> ImportPlan {
        let csv = try text ?? String(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("import-example.csv"), encoding: .utf8)
        return try CaseCSVImport(file: "import-example.csv", taxonomy: desk.taxonomy).plan(csv)
    }

    static func caseCount(_ store: SQLiteCaseStore) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM casefile") ?? 0 }
    }

    @Test("a good file is imported whole, each case journaled through the workflow, with one audit entry per case and one for the import")
    func goodFile() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try StoreFixtures.emptyDesk(in: directory)
        let result = try desk.importCases(try Self.examplePlan(desk))
        #expect(result.added.map(\.description) == (1...6).map { "C-2026-000\($0)" })
        #expect(result.skipped == 0)
        let statuses = try result.added.map { try store.loadCase($0).status }
        #expect(statuses == [.acknowledged, .assessing, .supportAdvice, .new, .informalResolution, .new])
        let rosa = try store.loadCase(result.added[0])
        #expect(rosa.reporter.name == "Rosa Delgado" && rosa.reporter.pseudonym == "Russet Gull")
        #expect(rosa.narrative.contains("\"too distracting for a serious meeting\""))
        let audit = try store.auditEntries(caseId: nil)
        #expect(audit.filter { $0.action == "create" && $0.detail.contains("by import from csv file") }.count == 6)
        #expect(audit.filter { $0.action == "import" }.map(\.detail) == ["6 imported, 0 already present (csv file)"])
        #expect(try store.verifyAudit() == .intact(entries: audit.count))
        // Nothing of the rows is stored in the clear: only keyed hashes.
        let tags = try store.read { db in try String.fetchAll(db, sql: "SELECT tag FROM importfingerprint") }
        #expect(tags.count == 6 && tags.allSatisfy { $0.count == 64 && !$0.contains("HR-") })
    }

    @Test("importing the same file twice adds nothing the second time")
    func sameFileTwice() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try StoreFixtures.emptyDesk(in: directory)
        _ = try desk.importCases(try Self.examplePlan(desk))
        let again = try desk.importCases(try Self.examplePlan(desk))
        #expect(again.added.isEmpty && again.skipped == 6)
        #expect(try Self.caseCount(store) == 6)
        #expect(try store.auditEntries(caseId: nil).last?.detail == "0 imported, 6 already present (csv file)")
        // A row repeated in one file is added once.
        let csv = "channel,incident_first,relationship,categories,narrative,reporter_name\n"
            + "complaint,2026-10-01,staff,bullying,He shouts,Ann Lee\ncomplaint,2026-10-01,staff,bullying,He  shouts ,Ann Lee\n"
        let twice = try desk.importCases(try Self.examplePlan(desk, text: csv))
        #expect(twice.added.count == 1 && twice.skipped == 1)
    }

    @Test("a file with an error on line 7 imports nothing and names line 7 and the column")
    func errorImportsNothing() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try StoreFixtures.emptyDesk(in: directory)
        let example = try String(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("import-example.csv"), encoding: .utf8)
        let broken = example.replacingOccurrences(of: "2026-10-01,2026-10-18", with: "2026-13-01,2026-10-18")
        #expect(broken != example)
        let auditBefore = try store.auditEntries(caseId: nil).count
        do {
            _ = try desk.importCases(try Self.examplePlan(desk, text: broken))
            Issue.record("the import should have failed")
        } catch let error as ImportError {
            #expect(error.description == "import-example.csv line 7, column incident_first: '2026-13-01' is not a date like 2026-10-02. Nothing was imported.")
        }
        #expect(try Self.caseCount(store) == 0)
        #expect(try store.auditEntries(caseId: nil).count == auditBefore)
    }

    @Test("a failure inside the transaction rolls back every case already added")
    func transactionIsAllOrNothing() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try StoreFixtures.emptyDesk(in: directory)
        var items = try Self.examplePlan(desk).items.map { ($0.fingerprint, $0.intake) }
        // Slip past the desk's checks straight to the store: the 4th case names an unknown category.
        items[3].1.categories = ["no-such-category"]
        do {
            _ = try store.importCases(items, source: "csv file", now: TestFixtures.now)
            Issue.record("the import should have failed")
        } catch let failure as CaseImportFailure {
            #expect(failure.index == 3)
            #expect(failure.underlying as? CaseError == .unknownCategory("no-such-category"))
        }
        #expect(try Self.caseCount(store) == 0)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM importfingerprint") } == 0)
    }

    @Test("an import ranks the queue exactly as adding the same cases one by one would (pervasiveness included)")
    func rankingMatchesOneByOne() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        // The demo cases name the same few people again and again: the pervasiveness booster is exercised.
        let intakes = try StoreFixtures.demoIntakes()
        let (importDesk, importStore) = try StoreFixtures.emptyDesk(in: directory, name: "imported.db")
        let result = try importStore.importCases(intakes.enumerated().map { ("demo-\($0.offset)", $0.element) },
                                                 source: "json file", now: TestFixtures.now)
        #expect(result.added.count == intakes.count)
        let (oneByOneDesk, _) = try StoreFixtures.demoDesk(in: directory)
        func ranking(_ desk: CaseDesk) throws -> [String] {
            try desk.queue().map { "\($0.id) \($0.score ?? -1) \($0.band?.rawValue ?? "-") \($0.severeOrPervasive) \($0.nextDeadline?.due.timeIntervalSince1970 ?? 0)" }
        }
        #expect(try ranking(importDesk) == ranking(oneByOneDesk))
    }

    @Test("a JSON file of cases imports the same way, and the demo file once")
    func jsonImport() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try StoreFixtures.emptyDesk(in: directory)
        let data = try Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("demo-cases.json"))
        let plan = try CaseJSONImport(file: "demo-cases.json").plan(data)
        let first = try desk.importCases(plan)
        #expect(first.added.count == 48 && first.skipped == 0)
        let second = try desk.importCases(plan)
        #expect(second.added.isEmpty && second.skipped == 48)
        #expect(try Self.caseCount(store) == 48)
    }
}
