import CaseStore
import CaseCore
@testable import CaseDeskTUI
import TestKit
import Testing

@Suite("Queue search")
struct QueueSearchTests {
    func bytes(_ text: String) -> ContiguousArray<UInt8> { ContiguousArray(text.utf8) }

    @Test("Byte-wise search finds a needle at the start, the middle and the very end, in any script",
          arguments: [("c-2026-0042\u{1F}amber heron", "c-2026", true), ("amber heron", "heron", true), ("amber heron", "n", true),
                      ("aaab", "aab", true), ("журавль 鹤", "鹤", true), ("журавль 鹤", "авль", true),
                      ("amber heron", "herons", false), ("amber", "amberheron", false), ("abc", "", true), ("", "a", false)])
    func search(haystack: String, needle: String, found: Bool) {
        #expect(QueueScreen.contains(bytes(haystack), bytes(needle)) == found)
        #expect(haystack.contains(needle) == found || needle.isEmpty)
    }

    @Test("A summary's search text holds id, pseudonym, status and category names, lower-cased and kept apart")
    func searchText() {
        let summary = CaseSummary(
            id: CaseID(year: 2026, number: 7), receivedAt: TestFixtures.now, channel: .complaint, status: .supportAdvice,
            pseudonym: "Журавль Heron", anonymous: false, relationship: .staff, categories: ["sexual-harassment"], score: 40,
            band: .medium, severeOrPervasive: false, escalationLevel: nil, consentShareIdentity: false, nextDeadline: nil,
            outsideWindow: false)
        let text = summary.searchText(CaseSummary.SearchVocabulary(taxonomy: Fixture.config.taxonomy))
        #expect(text.contains("c-2026-0007"))
        #expect(text.contains("журавль heron"))
        #expect(text.contains("support & advice"))
        #expect(text.contains("sexual harassment"))
        #expect(!text.contains("heronsupport"))
        #expect(QueueScreen.contains(ContiguousArray(text.utf8), ContiguousArray("журавль".utf8)))
    }
}

@Suite("Status bar counts")
struct StatusBarTests {
    /// An unrated new case owes first contact 7 days after receipt: received 6 days 21 hours ago, it is due in
    /// 3 hours (today); received 8 days ago, it is overdue; received 6 days ago, it is due tomorrow (within 48 h).
    @Test("Overdue, due today (shown when any) and due within 48 hours")
    func counts() throws {
        func received(hoursAgo: Double) -> String { DateText.timestamp(TestFixtures.now.addingTimeInterval(-hoursAgo * 3600)) }
        let cases = [
            WideCases.make(pseudonym: "Due Today", name: "A", reported: "X", categories: ["bullying"], status: .new,
                           ratings: nil, narrative: "n", received: received(hoursAgo: 6 * 24 + 21)),
            WideCases.make(pseudonym: "Overdue", name: "B", reported: "Y", categories: ["bullying"], status: .new,
                           ratings: nil, narrative: "n", received: received(hoursAgo: 8 * 24)),
            WideCases.make(pseudonym: "Tomorrow", name: "C", reported: "Z", categories: ["bullying"], status: .new,
                           ratings: nil, narrative: "n", received: received(hoursAgo: 6 * 24)),
        ]
        let app = Fixture.app(try Fixture.desk(holding: cases))
        let bar = app.render(width: 80, height: 24).line(23)
        #expect(bar.hasPrefix(" Cases: 1 overdue · 1 due today · 2 due ≤48h │"), "\(bar)")
        let quiet = Fixture.app(try Fixture.desk(holding: [cases[2]]))
        #expect(quiet.render(width: 80, height: 24).line(23).hasPrefix(" Cases: 0 overdue · 1 due ≤48h │"))
    }
}
