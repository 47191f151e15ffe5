import CaseCore
import Foundation
import Testing

@Suite("Status workflow and journal (PRODUCT §2)")
struct WorkflowTests {
    let now = Fixtures.date("2026-10-05T10:00:00Z")

    @Test("The main path new → acknowledged → assessing → support → informal → formal → escalated → closed is legal")
    func mainPath() throws {
        var item = Fixtures.sampleCase()
        for next: CaseStatus in [.acknowledged, .assessing, .supportAdvice, .informalResolution, .formalProcedure, .escalated, .closed] {
            try item.transition(to: next, note: nil, by: "counselor", at: now, outcome: next == .closed ? .unsubstantiated : nil)
        }
        #expect(item.status == .closed)
        #expect(item.journal.count == 7)
        #expect(item.journal.allSatisfy { $0.kind == .status })
        #expect(item.closedAt == now)
    }

    @Test("Illegal moves are errors that name what is allowed, and change nothing", arguments: [
        (CaseStatus.new, CaseStatus.closed),
        (.new, .escalated),
        (.acknowledged, .formalProcedure),
        (.closed, .assessing),
        (.withdrawn, .new),
        (.screenedOut, .acknowledged),
    ])
    func illegalTransitions(from: CaseStatus, to: CaseStatus) {
        var item = Fixtures.sampleCase(status: from)
        let before = item
        #expect(throws: CaseError.illegalTransition(from: from, to: to)) {
            try item.transition(to: to, note: "x", by: "counselor", at: now)
        }
        #expect(item == before)
    }

    @Test("The illegal-transition message is a sentence naming the allowed moves")
    func illegalMessage() {
        #expect(CaseError.illegalTransition(from: .new, to: .closed).description
            == "A case cannot move from new to closed; from new it can go to: acknowledged, screened-out, withdrawn.")
        #expect(CaseError.illegalTransition(from: .closed, to: .new).description
            == "A case cannot move from closed to new; closed is final.")
    }

    @Test("Every status can reach a final state, and final states have no way out")
    func reachability() {
        for status in CaseStatus.allCases where status.isOpen {
            #expect(status.path(to: .closed) != nil || status.path(to: .withdrawn) != nil)
        }
        for status in CaseStatus.allCases where status.isTerminal {
            #expect(status.allowedNext.isEmpty)
        }
        #expect(CaseStatus.new.path(to: .formalProcedure) == [.acknowledged, .assessing, .supportAdvice, .formalProcedure])
    }

    @Test("Screening out needs a known reason, which is recorded; it is never silent")
    func screening() throws {
        var item = Fixtures.sampleCase(status: .acknowledged)
        #expect(throws: CaseError.reasonRequired(.key("action.screen-out"))) {
            try item.transition(to: .screenedOut, note: nil, by: "counselor", at: now)
        }
        #expect(throws: CaseError.unknownScreeningReason("bad-mood")) {
            try item.transition(to: .screenedOut, note: nil, by: "counselor", at: now, screeningReason: "bad-mood", taxonomy: Fixtures.taxonomy)
        }
        try item.transition(to: .screenedOut, note: "Asked a colleague to stop talking to her", by: "counselor", at: now,
                            screeningReason: "boundary-communication", taxonomy: Fixtures.taxonomy)
        #expect(item.status == .screenedOut)
        #expect(item.screeningReason == "boundary-communication")
        #expect(item.journal.last?.text.contains("reason:") == true)
    }

    @Test("Withdrawal needs a note")
    func withdrawal() throws {
        var item = Fixtures.sampleCase(status: .assessing)
        #expect(throws: CaseError.reasonRequired(.key("action.withdraw"))) {
            try item.transition(to: .withdrawn, note: "  ", by: "counselor", at: now)
        }
        try item.transition(to: .withdrawn, note: "Reporter left the organisation", by: "counselor", at: now)
        #expect(item.status == .withdrawn)
    }

    @Test("Receipt is acknowledged by the work (a contact or the letter), not by the status")
    func acknowledgement() throws {
        var item = Fixtures.sampleCase()
        try item.transition(to: .acknowledged, note: nil, by: "counselor", at: now)
        #expect(item.acknowledgedAt == nil)
        try item.recordAcknowledgementSent(language: "en", by: "counselor", at: now)
        #expect(item.acknowledgedAt == now)
    }

    @Test("Escalation climbs the ladder only upwards, with a reason, journaled")
    func escalation() throws {
        var item = Fixtures.sampleCase(status: .supportAdvice)
        item.wishes = .escalate
        #expect(throws: CaseError.reasonRequired(.key("action.escalate"))) {
            try item.escalate(to: .complaintsTeam, reason: "", by: "counselor", at: now)
        }
        try item.escalate(to: .headOfDepartment, reason: "Reporter not satisfied", duty: "danger to life", by: "counselor", at: now)
        #expect(item.status == .escalated)
        #expect(item.escalationLevel == .headOfDepartment)
        #expect(throws: CaseError.escalationNotHigher(current: .headOfDepartment, requested: .complaintsTeam)) {
            try item.escalate(to: .complaintsTeam, reason: "again", by: "counselor", at: now)
        }
        #expect(throws: CaseError.escalationSkipsRung(next: .higherManagement, requested: .externalCommittee)) {
            try item.escalate(to: .externalCommittee, reason: "Management did not act", by: "counselor", at: now)
        }
        try item.escalate(to: .higherManagement, reason: "Management did not act", by: "counselor", at: now)
        try item.escalate(to: .externalCommittee, reason: "Still nothing", by: "counselor", at: now)
        #expect(item.journal.filter { $0.kind == .escalation }.count == 3)
        #expect(item.journal.last?.text.contains("External complaints committee") == true)
    }

    @Test("A new case cannot be escalated before it is assessed")
    func escalateTooEarly() {
        var item = Fixtures.sampleCase(status: .new)
        #expect(throws: CaseError.illegalTransition(from: .new, to: .escalated)) {
            try item.escalate(to: .complaintsTeam, reason: "urgent", by: "counselor", at: now)
        }
    }

    @Test("Assessing journals the score, the previous ratings and the escalation suggestion")
    func assessmentJournal() throws {
        var item = Fixtures.sampleCase(status: .assessing)
        let first = Fixtures.ratings(1, 1, 1, 1, 1)
        try item.assess(first, score: Fixtures.scorer.score(first, context: item.scoringContext(otherOpenCases: 0)), by: "counselor", at: now)
        let second = Fixtures.ratings(2, 3, 4, 2, 3)
        try item.assess(second, score: Fixtures.scorer.score(second, context: item.scoringContext(otherOpenCases: 0)), by: "counselor", at: now)
        #expect(item.assessment == second)
        #expect(item.journal.count == 2)
        #expect(item.journal[1].text == "Assessed frequency 2, severity 3, threat 4, wellbeing 2, power 3 → score 72, critical (was 1/1/1/1/1); escalation suggested")
    }

    @Test("Journal entries need text; closed cases cannot be assessed")
    func journalRules() {
        var item = Fixtures.sampleCase(status: .closed)
        #expect(throws: CaseError.emptyJournalText) { try item.record(.note, text: "  ", by: "c", at: now) }
        #expect(throws: CaseError.caseIsTerminal(.closed)) {
            try item.assess(.zero, score: Fixtures.scorer.score(.zero, context: item.scoringContext(otherOpenCases: 0)), by: "c", at: now)
        }
    }

    @Test("Case ids print and parse as C-2026-0042")
    func caseIDs() {
        #expect(CaseID(year: 2026, number: 42).description == "C-2026-0042")
        #expect(CaseID("c-2026-42") == CaseID(year: 2026, number: 42))
        #expect(CaseID("C-2026") == nil)
        #expect(CaseID("X-2026-0001") == nil)
        #expect(CaseID(year: 2026, number: 12345).description == "C-2026-12345")
    }
}
