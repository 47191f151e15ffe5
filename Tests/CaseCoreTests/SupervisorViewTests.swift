import CaseCore
import Foundation
import Testing

/// What a supervisor may see, and the reasons a recusal needs: domain rules every store applies.
@Suite("What a supervisor sees; recusal")
struct SupervisorViewTests {
    /// An escalated case whose texts name the reporter and their contact, with entries a supervisor does not see.
    func escalated(consent: Bool = false, narrative: String = "Олена Коваленко says the director shouted; mail olena@example.org.") -> Case {
        var item = Fixtures.sampleCase(status: .escalated)
        item.consentShareIdentity = consent
        item.narrative = narrative
        item.supportNeeds = "Needs an interpreter."
        let at = Fixtures.date("2026-10-02T09:00:00Z")
        for (kind, text) in [(JournalEntry.Kind.contact, "Called Олена on olena@example.org."), (.status, "new → acknowledged"),
                             (.support, "Referred to the counsellor."), (.assessment, "Assessed; Коваленко is at risk"),
                             (.note, "Private note"), (.escalation, "Escalated"), (.review, "Returned")] {
            item.appendJournal(JournalEntry(at: at, kind: kind, author: "counselor", text: text))
        }
        return item
    }

    @Test("A supervisor opens escalated cases, and ended ones only after their own review", arguments: CaseStatus.allCases)
    func mayOpen(status: CaseStatus) {
        #expect(SupervisorView.mayOpen(status: status, reviewedByThem: false) == (status == .escalated))
        #expect(SupervisorView.mayOpen(status: status, reviewedByThem: true) == (status == .escalated || status.isTerminal))
    }

    @Test("Without consent the supervisor's copy has no name, no contact, no support needs; texts are scrubbed")
    func withoutConsent() {
        let copy = escalated().redacted(for: .supervisor)
        #expect(copy.reporter == Reporter(pseudonym: "Amber Heron"))
        #expect(copy.supportNeeds == "")
        #expect(copy.narrative == "[reporter] says the director shouted; mail [contact withheld].")
        #expect(copy.journal.map(\.kind) == [.status, .assessment, .escalation, .review])
        #expect(copy.journal.map(\.text) == ["new → acknowledged", "Assessed; [reporter] is at risk", "Escalated", "Returned"])
    }

    @Test("With consent the supervisor reads the name, never the contact")
    func withConsent() {
        let item = escalated(consent: true)
        let copy = item.redacted(for: .supervisor)
        #expect(copy.reporter == Reporter(pseudonym: "Amber Heron", anonymous: false, name: "Олена Коваленко"))
        #expect(copy.narrative == "Олена Коваленко says the director shouted; mail [contact withheld].")
        #expect(item.reporterIdentity(for: .supervisor) == Reporter(pseudonym: "Amber Heron", name: "Олена Коваленко"))
        #expect(escalated().reporterIdentity(for: .supervisor) == nil)
    }

    @Test("A witness's report: the affected person's consent shows the supervisor the affected person's name, never the witness's")
    func witnessStaysWithheld() {
        var item = escalated(consent: true, narrative: "Олена Коваленко saw the director shout at Ana Souza.")
        item.affected = AffectedPerson(pseudonym: "Quiet Lark", name: "Ana Souza", contact: "ana@example.org")
        let copy = item.redacted(for: .supervisor)
        #expect(copy.reporter == Reporter(pseudonym: "Amber Heron"))
        #expect(copy.affected == AffectedPerson(pseudonym: "Quiet Lark", name: "Ana Souza"))
        #expect(copy.narrative == "[reporter] saw the director shout at Ana Souza.")
        #expect(item.reporterIdentity(for: .supervisor) == nil)
    }

    @Test("The counselor's view is the whole case, identity and all")
    func counselorSeesAll() {
        let item = escalated()
        #expect(item.redacted(for: .counselor) == item)
        #expect(item.reporterIdentity(for: .counselor) == item.reporter)
    }

    @Test("A long narrative becomes an excerpt cut at a word; cutting again changes nothing")
    func excerpt() {
        let long = String(repeating: "Detailed account of events. ", count: 30)
        let copy = escalated(narrative: long).redacted(for: .supervisor)
        #expect(copy.narrative == SupervisorView.excerpt(long))
        #expect(copy.narrative.hasSuffix(" […]"))
        #expect(copy.narrative.count <= SupervisorView.excerptLength + 4)
        #expect(long.hasPrefix(String(copy.narrative.dropLast(4))))
        #expect(SupervisorView.excerpt(copy.narrative) == copy.narrative)
        #expect(SupervisorView.excerpt("Short.") == "Short.")
    }

    @Test("An ended case shows the supervisor its outcome, not its narrative or journal")
    func endedCase() {
        var item = escalated()
        item.status = .closed
        item.outcome = .unsubstantiated
        let copy = item.redacted(for: .supervisor)
        #expect(copy.outcome == .unsubstantiated)
        #expect(copy.narrative == "")
        #expect(copy.journal.isEmpty)
    }

    @Test("Declaring a conflict needs a reason; the entry names who is recused")
    func declaration() throws {
        let at = Fixtures.date("2026-10-02T09:00:00Z")
        #expect(throws: CaseError.reasonRequired(.key("action.conflict"))) {
            try Recusal.declaration(by: "alex", reason: " \n ", at: at)
        }
        let entry = try Recusal.declaration(by: "alex", reason: "  My neighbour \n", at: at)
        #expect(entry == JournalEntry(at: at, kind: .conflict, author: "alex",
                                      phrase: .key("entry.recused", ["account": "alex", "reason": "My neighbour"])))
        #expect(entry.text == "alex declared a conflict of interest and is recused: My neighbour")
        #expect(Fixtures.french.text(of: entry) == "alex a déclaré un conflit d'intérêts et se récuse : My neighbour")
    }

    @Test("Taking a case over needs a note; an automatic recusal is the system's")
    func takeoverAndAutomatic() throws {
        let at = Fixtures.date("2026-10-02T09:00:00Z")
        #expect(throws: CaseError.reasonRequired(.key("action.reassign"))) { try Recusal.takeover(by: "sam", note: "", at: at) }
        let takeover = try Recusal.takeover(by: "sam", note: "I take it", at: at)
        #expect((takeover.kind, takeover.author, takeover.text) == (.conflict, "sam", "Case taken over by sam: I take it"))
        let automatic = Recusal.automatic(account: "vhale", at: at)
        #expect((automatic.kind, automatic.author, automatic.text) == (
            .conflict, "system", "Automatic recusal: a reported person matches the account vhale, who can no longer open this case."))
    }
}
