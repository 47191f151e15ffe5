import CaseCore
@testable import CaseDeskTUI
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
            id: CaseID(year: 2026, number: 7), receivedAt: Fixture.now, channel: .complaint, status: .supportAdvice,
            pseudonym: "Журавль Heron", anonymous: false, relationship: .staff, categories: ["sexual-harassment"], score: 40,
            band: .medium, severeOrPervasive: false, escalationLevel: nil, consentShareIdentity: false, nextDeadline: nil,
            outsideWindow: false)
        let text = summary.searchText(CaseSummary.SearchVocabulary(taxonomy: Fixture.config.taxonomy))
        #expect(text.contains("c-2026-0007"))
        #expect(text.contains("журавль heron"))
        #expect(text.contains("support & advice"))
        #expect(text.contains("sexual harassment"))
        #expect(!text.contains("heronsupport"))
        #expect(summary.matches(search: "журавль", taxonomy: Fixture.config.taxonomy))
    }
}
