import Foundation

/// What a supervisor decides on an escalated case.
public enum ReviewDecision: String, CaseIterable, Codable, Sendable {
    /// Back to the counselor, with advice (support & advice; the escalation level stays, never down).
    case returnToCounselor = "return"
    /// Up the ladder to the next level, with the reason.
    case nextRung = "next-rung"
    /// Accepted for a formal procedure.
    case formalProcedure = "formal-procedure"
    /// Closed, with an outcome (and the measures taken when substantiated).
    case close

    /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
    public var label: String { Catalogue.english.label(self) }
}

extension Case {
    /// Records a supervisor's decision on an escalated case and moves the case as the decision says. The decision is
    /// a `review` journal entry (sealed like every entry); the counselor is then to act on it (a deadline).
    public mutating func review(
        _ decision: ReviewDecision, text: String, outcome: Outcome? = nil, measures: [Measure] = [],
        by reviewer: String, at now: Date
    ) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == .escalated else { throw CaseError.notUnderReview(status) }
        guard !text.isEmpty else { throw CaseError.reasonRequired(.key("action.record-review")) }
        let summary: Phrase
        switch decision {
        case .returnToCounselor:
            status = .supportAdvice
            summary = .key("entry.review.returned", ["from": .id(CaseStatus.escalated), "to": .id(CaseStatus.supportAdvice)])
        case .nextRung:
            guard let next = nextEscalationRung else {
                throw CaseError.invalidField(field: .key("field.escalation-level"), problem: .key("problem.top-rung"))
            }
            escalationLevel = next
            summary = .key("entry.review.next-rung", ["level": .label(next)])
        case .formalProcedure:
            status = .formalProcedure
            summary = .key("entry.review.formal", ["from": .id(CaseStatus.escalated), "to": .id(CaseStatus.formalProcedure)])
        case .close:
            let outcome = try Self.checkClosing(outcome: outcome, measures: measures)
            status = .closed
            closedAt = now
            self.outcome = outcome
            self.measures = measures
            summary = .key("entry.review.closed", ["outcome": .key("entry.status.outcome", ["outcome": .id(outcome), "measures": .optional(
                !measures.isEmpty, .key("entry.status.measures", ["measures": .commas(measures.map { .id($0) })]))])])
        }
        appendJournal(JournalEntry(at: now, kind: .review, author: reviewer, phrase: .key("entry.review", [
            "reviewer": .text(reviewer), "decision": summary, "text": .text(text),
        ])))
    }
}
