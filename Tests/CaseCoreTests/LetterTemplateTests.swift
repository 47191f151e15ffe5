import CaseCore
import Foundation
import Testing

@Suite("Letters from templates")
struct LetterTemplateTests {
    func template(_ language: String) throws -> LetterTemplate {
        let text = String(decoding: Fixtures.data("letters/acknowledgement.\(language).md"), as: UTF8.self)
        return try LetterTemplate(kind: "acknowledgement", language: language, text: text)
    }

    @Test("The shipped templates load, in English and French, with the same placeholders filled")
    func shippedTemplates() throws {
        let english = try template("en")
        let french = try template("fr")
        #expect(english.placeholders.isSuperset(of: LetterTemplate.required))
        #expect(french.placeholders.isSuperset(of: LetterTemplate.required))
    }

    @Test("Placeholders are substituted; nothing of the form {{…}} survives")
    func substitution() throws {
        var item = Fixtures.sampleCase(received: "2026-10-01T09:00:00Z")
        item.reporter = Reporter(pseudonym: "Amber Heron", name: "Marta Łukasiewicz", contact: "m@example.org")
        let evaluation = CaseEvaluator(scoring: Fixtures.scoring, policy: Fixtures.policy, taxonomy: Fixtures.taxonomy)
            .evaluate(item, otherOpenCases: 0)
        let english = try template("en")
        let values = english.acknowledgementValues(
            for: item, evaluation: evaluation, counselor: "Dr. Amani Diallo", organisation: "Civil Connections",
            policy: Fixtures.policy, now: Fixtures.date("2026-10-03T12:00:00Z"))
        let letter = english.render(values)
        #expect(!letter.contains("{{"))
        #expect(letter.contains("**Reference:** C-2026-0001"))
        #expect(letter.contains("received on **1 October 2026**"))
        #expect(letter.contains("Hello Marta Łukasiewicz,"))
        #expect(!letter.contains("good faith"))
        #expect(!letter.contains("only the confidential counselor can open"))
        #expect(!letter.contains("nothing happens without your agreement"))
        #expect(letter.contains("when a child\nis at risk"))
        #expect(letter.contains("- If you are in danger now, call the local emergency number"))
        #expect(letter.contains("contact you by **8 October 2026**"))
        #expect(letter.contains("feedback on its progress by **1 January 2027**"))
        #expect(letter.contains("external complaints committee"))
        #expect(letter.contains("Dr. Amani Diallo"))
        let anonymous = english.acknowledgementValues(
            for: Case(id: item.id, receivedAt: item.receivedAt, channel: .whistleblowing, incidentFirst: item.incidentFirst,
                      incidentLast: item.incidentLast, reporter: Reporter(pseudonym: "Moss Wren", anonymous: true),
                      relationship: .staff, reported: [], categories: ["harassment"], narrative: "x"),
            evaluation: evaluation, counselor: "c", organisation: "o", policy: Fixtures.policy, now: Fixtures.date("2026-10-03T12:00:00Z"))
        let anonymousLetter = english.render(anonymous)
        #expect(anonymousLetter.contains("\nHello,\n"))
        #expect(!anonymousLetter.contains("Reporter,"))
    }

    @Test("A template with an unknown placeholder, or without a required one, is refused at load time")
    func invalidTemplates() {
        #expect(throws: ConfigurationError.invalid(file: "letters/acknowledgement.xx.md", detail: .key("config.letter.unknown-placeholder", [
            "name": "reporterAddress", "known": """
            counselorName, feedbackBy, firstContactBy, followUpDays, letterDate, nameSuffix, organisation, receivedDate, \
            reference, safetyContacts, salutation, salutationSuffix
            """]))) {
            try LetterTemplate(kind: "acknowledgement", language: "xx", text: "{{reference}} {{receivedDate}} {{reporterAddress}}")
        }
        #expect(throws: ConfigurationError.invalid(file: "letters/acknowledgement.xx.md",
                                                   detail: .key("config.letter.missing-placeholder", ["name": "reference"]))) {
            try LetterTemplate(kind: "acknowledgement", language: "xx", text: "Received {{receivedDate}}.")
        }
        do {
            _ = try LetterTemplate(kind: "acknowledgement", language: "xx", text: "{{reference}} {{receivedDate}} {{nme}}")
        } catch {
            #expect("\(error)".contains("{{nme}}"))
        }
    }

    @Test("Sending the acknowledgement meets the deadline, moves a new case on, and is journaled")
    func markSent() throws {
        var item = Fixtures.sampleCase()
        try item.recordAcknowledgementSent(language: "en", by: "counselor", at: Fixtures.date("2026-10-02T09:00:00Z"))
        #expect(item.status == .acknowledged)
        #expect(item.acknowledgedAt == Fixtures.date("2026-10-02T09:00:00Z"))
        #expect(item.journal.map(\.kind) == [.status, .letter])
        let deadline = DeadlineCalculator(policy: Fixtures.policy).deadlines(for: item, band: nil).first { $0.kind == .acknowledge }
        #expect(deadline?.metAt == Fixtures.date("2026-10-02T09:00:00Z"))
    }
}
