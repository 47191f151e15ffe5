import CaseCore
import Foundation
import Testing

/// What Confidant writes in a journal is kept as a phrase and read in the reader's language (issue 17).
@Suite("The journal in the reader's language")
struct JournalPhraseTests {
    let at = Fixtures.date("2026-10-02T09:00:00Z")

    @Test("A status change, an assessment and a screening-out read in English as they always did, and in French")
    func entriesInBothLanguages() throws {
        var item = Fixtures.sampleCase()
        try item.transition(to: .acknowledged, note: "called back", by: "amani", at: at)
        try item.assess(Fixtures.ratings(3, 2, 3, 3, 3), score: Fixtures.scorer.score(Fixtures.ratings(3, 2, 3, 3, 3),
                        context: .init(categories: ["harassment"], childInvolved: false)), by: "amani", at: at)
        try item.transition(to: .screenedOut, note: nil, by: "amani", at: at, screeningReason: "boundary-communication", taxonomy: Fixtures.taxonomy)
        let english = item.journal.map(\.text)
        #expect(english == [
            "Status new → acknowledged: called back",
            "Assessed frequency 3, severity 2, threat 3, wellbeing 3, power 3 → score 69, high; escalation suggested",
            "Status acknowledged → screened-out (reason: Reasonable communication of boundaries)",
        ])
        #expect(item.journal.map { Fixtures.french.text(of: $0) } == [
            "Statut nouveau → réception confirmée : called back",
            "Évalué fréquence 3, gravité 2, menace / humiliation 3, atteinte au bien-être 3, écart de pouvoir 3 → score 69, élevé ; transmission suggérée",
            "Statut réception confirmée → écarté (motif : \(Fixtures.french["screening.boundary-communication"]))",
        ])
    }

    @Test("The stored text of an entry Confidant wrote brings its phrase back; a text of an older database is as it was")
    func storedText() throws {
        let written = JournalEntry(at: at, kind: .hold, author: "amani", phrase: .key("entry.hold-placed", ["reason": "Police request"]))
        #expect(written.storedText.hasPrefix("\u{1}phrase:"))
        let read = JournalEntry(at: at, kind: .hold, author: "amani", storedText: written.storedText)
        #expect(read == written)
        #expect(Fixtures.french.text(of: read) == "Conservation légale mise en place : Police request")
        let older = JournalEntry(at: at, kind: .hold, author: "amani", storedText: "Legal hold placed: Police request")
        #expect(older.phrase == nil)
        #expect(Fixtures.french.text(of: older) == "Legal hold placed: Police request")
        let typed = JournalEntry(at: at, kind: .note, author: "amani", text: "Called the reporter back")
        #expect(typed.storedText == "Called the reporter back")
    }

    @Test("A supervisor's copy takes the names out of what people typed inside an entry Confidant wrote")
    func scrubbedPhrase() {
        let phrase = Phrase.key("entry.status", ["from": .id(CaseStatus.assessing), "to": .id(CaseStatus.escalated), "reason": "",
                                                 "floors": "", "outcome": "", "note": .key("entry.note", ["note": "Spoke with Viktor Hale"])])
        let scrubbed = phrase.mappingTexts { $0.replacingOccurrences(of: "Viktor Hale", with: "[reported person]") }
        #expect(Fixtures.french.words(scrubbed) == "Statut en évaluation → transmis : Spoke with [reported person]")
    }
}
