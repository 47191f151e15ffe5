import CaseCore
import Foundation
import Testing

@Suite("Deadlines and the six-month window (PRODUCT §4)")
struct DeadlineTests {
    let calc = DeadlineCalculator(policy: Fixtures.policy)

    func deadline(_ kind: Deadline.Kind, _ item: Case, band: Band?) -> Deadline? {
        calc.deadlines(for: item, band: band).first { $0.kind == kind }
    }

    @Test("Acknowledge within 14 days of receipt; met by a contact or the letter, never by a status")
    func acknowledge() throws {
        var item = Fixtures.sampleCase(received: "2026-10-01T09:00:00Z")
        let due = try #require(deadline(.acknowledge, item, band: nil))
        #expect(due.due == Fixtures.date("2026-10-15T09:00:00Z"))
        #expect(!due.isOverdue(at: Fixtures.date("2026-10-15T08:59:00Z")))
        #expect(due.isOverdue(at: Fixtures.date("2026-10-15T09:01:00Z")))
        try item.transition(to: .acknowledged, note: nil, by: "c", at: Fixtures.date("2026-10-18T09:00:00Z"))
        #expect(try #require(deadline(.acknowledge, item, band: nil)).metAt == nil)
        try item.record(.contact, text: "Phoned; receipt confirmed orally", by: "c", at: Fixtures.date("2026-10-20T09:00:00Z"))
        let met = try #require(deadline(.acknowledge, item, band: nil))
        #expect(met.metAt == Fixtures.date("2026-10-20T09:00:00Z"))
        #expect(met.wasMetLate)
        #expect(!met.isOverdue(at: Fixtures.date("2026-11-01T00:00:00Z")))
        // The oral acknowledgement leaves the written confirmation owed until the letter is marked sent.
        #expect(try #require(deadline(.letter, item, band: nil)).isOverdue(at: Fixtures.date("2026-11-01T00:00:00Z")))
        try item.recordAcknowledgementSent(language: "en", by: "c", at: Fixtures.date("2026-10-21T09:00:00Z"))
        #expect(try #require(deadline(.letter, item, band: nil)).metAt == Fixtures.date("2026-10-21T09:00:00Z"))
        #expect(item.acknowledgedAt == Fixtures.date("2026-10-20T09:00:00Z"))
    }

    @Test("First contact within 24 h for critical, 3 days for high, 7 days otherwise", arguments: [
        (Band?.some(.critical), "2026-10-02T09:00:00Z"),
        (.some(.high), "2026-10-04T09:00:00Z"),
        (.some(.medium), "2026-10-08T09:00:00Z"),
        (.some(.low), "2026-10-08T09:00:00Z"),
        (nil, "2026-10-08T09:00:00Z"),
    ])
    func firstContact(band: Band?, due: String) {
        let item = Fixtures.sampleCase(received: "2026-10-01T09:00:00Z")
        #expect(deadline(.firstContact, item, band: band)?.due == Fixtures.date(due))
    }

    @Test("A contact entry meets first contact; follow-up is due 30 days after the last contact")
    func contactAndFollowUp() throws {
        var item = Fixtures.sampleCase(received: "2026-10-01T09:00:00Z")
        #expect(deadline(.followUp, item, band: .medium)?.due == Fixtures.date("2026-10-31T09:00:00Z"))
        try item.record(.contact, text: "Called the reporter", by: "c", at: Fixtures.date("2026-10-03T10:00:00Z"))
        try item.record(.support, text: "Referred to counselling", by: "c", at: Fixtures.date("2026-10-10T10:00:00Z"))
        #expect(deadline(.firstContact, item, band: .medium)?.metAt == Fixtures.date("2026-10-03T10:00:00Z"))
        #expect(deadline(.followUp, item, band: .medium)?.due == Fixtures.date("2026-11-09T10:00:00Z"))
    }

    @Test("Feedback within three months; met by a feedback entry")
    func feedback() throws {
        var item = Fixtures.sampleCase(received: "2026-10-01T09:00:00Z")
        #expect(deadline(.feedback, item, band: nil)?.due == Fixtures.date("2027-01-01T09:00:00Z"))
        try item.record(.feedback, text: "Told the reporter the outcome", by: "c", at: Fixtures.date("2026-12-01T09:00:00Z"))
        #expect(deadline(.feedback, item, band: nil)?.metAt == Fixtures.date("2026-12-01T09:00:00Z"))
    }

    @Test("Closed cases owe nothing more: only met deadlines remain, no follow-up")
    func closedCase() throws {
        var item = Fixtures.sampleCase(received: "2026-10-01T09:00:00Z")
        try item.transition(to: .acknowledged, note: nil, by: "c", at: Fixtures.date("2026-10-02T09:00:00Z"))
        try item.transition(to: .withdrawn, note: "Left", by: "c", at: Fixtures.date("2026-10-03T09:00:00Z"))
        let all = calc.deadlines(for: item, band: .low)
        #expect(all.allSatisfy { $0.metAt != nil })
        #expect(!all.contains { $0.kind == .followUp })
        #expect(calc.nextDeadline(for: item, band: .low) == nil)
    }

    @Test("The next deadline is the earliest one still owed")
    func nextDeadline() {
        let item = Fixtures.sampleCase(received: "2026-10-01T09:00:00Z")
        #expect(calc.nextDeadline(for: item, band: .critical)?.kind == .firstContact)
    }

    @Test("Six-month window: the day after six months from the last incident is outside; whistleblowing is exempt")
    func sixMonthWindow() {
        let inside = Fixtures.sampleCase(received: "2026-09-20T00:00:00Z", incidentLast: "2026-03-20")
        let outside = Fixtures.sampleCase(received: "2026-09-21T00:00:00Z", incidentLast: "2026-03-20")
        let anonymous = Fixtures.sampleCase(received: "2026-12-21T00:00:00Z", channel: .whistleblowing, incidentLast: "2026-03-20")
        #expect(!calc.isOutsideComplaintWindow(inside))
        #expect(calc.isOutsideComplaintWindow(outside))
        #expect(!calc.isOutsideComplaintWindow(anonymous))
    }

    @Test("Due today and due within 48 hours")
    func dueSoon() {
        let deadline = Deadline(kind: .acknowledge, due: Fixtures.date("2026-10-15T15:00:00Z"), metAt: nil)
        let morning = Fixtures.date("2026-10-15T08:00:00Z")
        #expect(deadline.isDueToday(at: morning, calendar: .utc))
        #expect(!deadline.isDueToday(at: Fixtures.date("2026-10-14T08:00:00Z"), calendar: .utc))
        #expect(deadline.isDueSoon(at: Fixtures.date("2026-10-13T15:00:00Z"), hours: 48))
        #expect(!deadline.isDueSoon(at: Fixtures.date("2026-10-13T14:59:00Z"), hours: 48))
    }
}
