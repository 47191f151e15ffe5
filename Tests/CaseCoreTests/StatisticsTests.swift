import CaseCore
import Foundation
import TestKit
import Testing

@Suite("Statistics report")
struct StatisticsTests {
    static let now = TestFixtures.now

    static var taxonomy: Taxonomy {
        get throws {
            let url = TestFixtures.dataDirectory.appendingPathComponent("taxonomy.json")
            return try Taxonomy.load(from: Data(contentsOf: url))
        }
    }

    static func day(_ text: String) -> Date { DateText.parse(text)! }

    static func record(
        _ received: String, channel: Channel = .complaint, relationship: Relationship = .staff,
        categories: [String] = ["harassment"], band: Band? = .medium, status: CaseStatus = .assessing,
        level: EscalationLevel? = nil, ackDays: Double? = nil, contactDays: Double? = nil, next: Deadline? = nil
    ) -> StatisticsRecord {
        let at = day(received)
        return StatisticsRecord(
            receivedAt: at, channel: channel, relationship: relationship, categories: categories, band: band, status: status,
            escalationLevel: level, acknowledgedAt: ackDays.map { at.addingTimeInterval($0 * 86_400) },
            firstContactAt: contactDays.map { at.addingTimeInterval($0 * 86_400) }, nextDeadline: next)
    }

    @Test("a count of 4 is shown as <5, a count of 5 as 5, 0 as 0")
    func suppressionAtFourAndFive() throws {
        let records = Array(repeating: Self.record("2026-10-01", categories: ["bullying"]), count: 4)
            + Array(repeating: Self.record("2026-10-02", categories: ["harassment"]), count: 5)
        let report = StatisticsReport(records: records, taxonomy: try Self.taxonomy, from: nil, to: nil, now: Self.now)
        let byCategory = Dictionary(uniqueKeysWithValues: report.byCategory.map { ($0.key, $0.cases) })
        #expect(byCategory["bullying"] == .suppressed)
        #expect(byCategory["bullying"]?.description == "<5")
        #expect(byCategory["harassment"] == .count(5))
        #expect(byCategory["harassment"]?.description == "5")
        #expect(byCategory["vilification"] == .count(0))
        #expect(report.totalCases == .count(9))
        #expect(StatCell(4) == .suppressed && StatCell(5) == .count(5) && StatCell(1) == .suppressed && StatCell(0) == .count(0))
    }

    @Test("where counts add up to a shown total, a second count is withheld so the small one cannot be subtracted out")
    func complementarySuppression() {
        // 4 + 5 + 6 = 15: the 4 alone could be worked out as 15 - 5 - 6, so the 5 is withheld too.
        #expect(SmallCellSuppression.cells([4, 5, 6, 0], addingUpTo: 15) == [.suppressed, .withheld, .count(6), .count(0)])
        // Two small counts hide each other (3 + 2 = 5 has several answers).
        #expect(SmallCellSuppression.cells([3, 2, 10], addingUpTo: 15) == [.suppressed, .suppressed, .count(10)])
        // 4 + 4 = 8 would pin both to 4: one more is withheld.
        #expect(SmallCellSuppression.cells([4, 4, 9, 12], addingUpTo: 29) == [.suppressed, .suppressed, .withheld, .count(12)])
        // 1 and 5 alone: no choice helps, so the whole group is withheld.
        #expect(SmallCellSuppression.cells([1, 5, 0], addingUpTo: 6) == [.withheld, .withheld, .withheld])
        // Without a total (categories overlap), only the small count goes.
        #expect(SmallCellSuppression.cells([4, 5, 6]) == [.suppressed, .count(5), .count(6)])
        // Nothing small: nothing hidden.
        #expect(SmallCellSuppression.cells([5, 0, 7], addingUpTo: 12) == [.count(5), .count(0), .count(7)])
    }

    @Test("median and 90th percentile days, shown only from 5 cases")
    func timings() throws {
        let five = [0.5, 1, 2, 3, 10].map { Self.record("2026-10-05", ackDays: $0, contactDays: $0 / 2) }
        let report = StatisticsReport(records: five + [Self.record("2026-10-06")] , taxonomy: try Self.taxonomy, from: nil, to: nil, now: Self.now)
        #expect(report.timeToAcknowledge.medianDays == 2)
        #expect(report.timeToAcknowledge.p90Days == 10)
        #expect(report.timeToFirstContact.medianDays == 1)
        // 5 of 6 cases reached it: the one that did not would be a group of 1, so the count is withheld.
        #expect(report.timeToAcknowledge.cases == .withheld)
        let four = StatisticsReport(records: Array(five.prefix(4)), taxonomy: try Self.taxonomy, from: nil, to: nil, now: Self.now)
        #expect(four.timeToAcknowledge.medianDays == nil && four.timeToAcknowledge.p90Days == nil)
        #expect(StatisticsReport.median([1, 2, 3, 4]) == 2.5)
        #expect(StatisticsReport.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9)
        #expect(StatisticsReport.percentile(Array(1...11).map(Double.init), 0.9) == 10)
    }

    @Test("the period counts days of receipt inclusively and lists every month in it")
    func period() throws {
        let records = ["2026-01-31", "2026-02-01", "2026-03-15", "2026-03-31", "2026-04-01"].map { Self.record($0) }
        let report = StatisticsReport(
            records: records, taxonomy: try Self.taxonomy, from: Self.day("2026-02-01"), to: Self.day("2026-03-31"), now: Self.now)
        #expect(report.totalCases == .suppressed) // 3 cases
        #expect(report.byMonth.map(\.key) == ["2026-02", "2026-03"])
        #expect(report.from == "2026-02-01" && report.to == "2026-03-31")
        let all = StatisticsReport(records: records, taxonomy: try Self.taxonomy, from: nil, to: nil, now: Self.now)
        #expect(all.totalCases == .count(5))
        #expect(all.byMonth.first?.key == "2026-01" && all.byMonth.last?.key == "2026-11")
    }

    @Test("an empty period is all zeros, with no month, median or share")
    func empty() throws {
        let report = StatisticsReport(records: [], taxonomy: try Self.taxonomy, from: nil, to: nil, now: Self.now)
        #expect(report.totalCases == .count(0) && report.byMonth.isEmpty)
        #expect(report.timeToAcknowledge.medianDays == nil && report.escalation.sharePercent == nil)
        #expect(report.byCategory.allSatisfy { $0.cases == .count(0) })
        #expect(StatisticsFormat.markdown.render(report).contains("No cases in this period."))
    }

    @Test("overdue counts and escalation share and levels")
    func overdueAndEscalation() throws {
        let late = Deadline(kind: .followUp, due: Self.day("2026-11-01"), metAt: nil)
        let future = Deadline(kind: .feedback, due: Self.day("2026-12-20"), metAt: nil)
        var records = (0..<6).map { _ in Self.record("2026-09-01", next: late) }
        records += (0..<5).map { _ in Self.record("2026-09-02", status: .escalated, level: .headOfDepartment, next: future) }
        records += (0..<6).map { _ in Self.record("2026-09-03", status: .escalated, level: .externalCommittee, next: future) }
        records += (0..<5).map { _ in Self.record("2026-09-04", status: .closed, level: nil) }
        let report = StatisticsReport(records: records, taxonomy: try Self.taxonomy, from: nil, to: nil, now: Self.now)
        #expect(report.overdue.cases == .count(6))
        #expect(report.overdue.byDeadline.first { $0.key == "follow-up" }?.cases == .count(6))
        #expect(report.escalation.escalated == .count(11))
        #expect(report.escalation.sharePercent == 50)
        let levels = Dictionary(uniqueKeysWithValues: report.escalation.byLevel.map { ($0.key, $0.cases) })
        #expect(levels["head-of-department"] == .count(5) && levels["external-committee"] == .count(6))
        #expect(levels["complaints-team"] == .count(0) && levels["none"] == .count(11))
        #expect(report.openCases == .count(17))
    }

    @Test("CSV, JSON, Markdown and HTML renderings show the suppression marks and hold no case detail")
    func renderings() throws {
        let records = Array(repeating: Self.record("2026-10-01", relationship: .donor), count: 2)
            + Array(repeating: Self.record("2026-10-01"), count: 20)
        let report = StatisticsReport(records: records, taxonomy: try Self.taxonomy, from: nil, to: nil, now: Self.now)
        let csv = StatisticsFormat.csv.render(report)
        #expect(csv.contains("relationship,donor,Donor,<5\r\n"))
        #expect(csv.contains("relationship,staff,Staff,x\r\n"))
        let json = StatisticsFormat.json.render(report)
        #expect(json.contains("\"cases\" : \"<5\""))
        #expect(json.contains("\"totalCases\" : 22"))
        let md = StatisticsFormat.markdown.render(report)
        #expect(md.contains("| Donor | <5 |"))
        let html = StatisticsFormat.html.render(report)
        #expect(html.contains("<td class=\"num\">&lt;5</td>"))
    }
}
