import CaseCore
@testable import CaseStore
import Foundation
import TestKit
import Testing

@Suite("Statistics from the store")
struct StatisticsStoreTests {
    @Test("statistics records come from unsealed columns, match each case and its deadlines, and write no audit entry per case")
    func records() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try StoreFixtures.demoDesk(in: directory)
        let auditBefore = try store.auditEntries(caseId: nil).count
        let records = try store.statisticsRecords()
        #expect(try store.auditEntries(caseId: nil).count == auditBefore)
        var expected: [StatisticsRecord] = []
        for summary in try desk.queue() {
            let item = try store.loadCase(summary.id)
            expected.append(StatisticsRecord(
                receivedAt: summary.receivedAt, channel: item.channel, relationship: item.relationship, categories: item.categories,
                band: summary.band, status: item.status, escalationLevel: item.escalationLevel, acknowledgedAt: item.acknowledgedAt,
                firstContactAt: item.journal.filter(\.kind.isContact).map(\.at).min(), nextDeadline: summary.nextDeadline))
        }
        #expect(records.count == 48)
        func key(_ record: StatisticsRecord) -> String { "\(record)" }
        #expect(records.map(key).sorted() == expected.map(key).sorted())
    }

    @Test("the report from the demo store holds no name, contact, id, pseudonym or text of any case, in any format")
    func reportLeaksNothing() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try StoreFixtures.demoDesk(in: directory)
        let report = try desk.statistics(from: nil, to: nil)
        #expect(report.totalCases == .count(48))
        var forbidden: [String] = []
        for summary in try desk.queue() {
            let item = try store.loadCase(summary.id)
            forbidden += [item.id.description, item.reporter.pseudonym]
            forbidden += [item.reporter.name, item.reporter.contact].compactMap { $0 }
            forbidden += item.reported.map(\.name)
            // Any 30-character stretch of the narrative, support needs or a journal note.
            for text in [item.narrative, item.supportNeeds] + item.journal.map(\.text) where text.count >= 30 {
                forbidden.append(String(text.prefix(30)))
            }
        }
        for format in StatisticsFormat.allCases {
            let output = format.render(report)
            for secret in forbidden {
                #expect(!output.contains(secret), "\(format): '\(secret)' is in the report")
            }
        }
    }

    @Test("the demo report: totals, small cells and the period")
    func demoReport() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, _) = try StoreFixtures.demoDesk(in: directory)
        let report = try desk.statistics(from: nil, to: nil)
        let relationships = Dictionary(uniqueKeysWithValues: report.byRelationship.map { ($0.key, $0.cases) })
        #expect(relationships["staff"] == .count(31))
        #expect(relationships["donor"] == .count(0))
        #expect(relationships["intern"] == .suppressed)
        #expect(report.escalation.escalated == .count(5))
        // Every shown count is 0 or at least 5.
        let all = report.byCategory + report.byBand + report.byRelationship + report.byChannel + report.byMonth
            + report.overdue.byDeadline + report.escalation.byLevel
        #expect(all.allSatisfy { ($0.cases.shownValue ?? 0) == 0 || ($0.cases.shownValue ?? 0) >= 5 })
        let autumn = try desk.statistics(from: DateText.parse("2026-09-01"), to: DateText.parse("2026-10-31"))
        #expect(autumn.byMonth.map(\.key) == ["2026-09", "2026-10"])
        #expect(autumn.totalCases == .count(18))
    }

    @Test("only a counselor can produce statistics")
    func counselorOnly() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (_, store) = try StoreFixtures.demoDesk(in: directory)
        let supervisorStore = SQLiteCaseStore(pool: store.pool, path: store.path, session: Session(account: "sup", role: .supervisor),
                                              dataKey: .init(size: .bits256), accountKey: .fresh(), evaluator: store.evaluator)
        let desk = CaseDesk(store: supervisorStore, clock: { TestFixtures.now })
        #expect(throws: StoreError.notPermitted(.key("permission.statistics"))) {
            try desk.statistics(from: nil, to: nil)
        }
    }
}
