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
        var summary: String
        switch decision {
        case .returnToCounselor:
            status = .supportAdvice
            summary = "returned to the counselor (status escalated → support-advice)"
        case .nextRung:
            guard let next = nextEscalationRung else {
                throw CaseError.invalidField(field: .key("field.escalation-level"), problem: .key("problem.top-rung"))
            }
            escalationLevel = next
            summary = "escalated to \(next.label)"
        case .formalProcedure:
            status = .formalProcedure
            summary = "accepted for a formal procedure (status escalated → formal-procedure)"
        case .close:
            let outcome = try Self.checkClosing(outcome: outcome, measures: measures)
            status = .closed
            closedAt = now
            self.outcome = outcome
            self.measures = measures
            summary = "closed (outcome: \(outcome.rawValue)"
                + (measures.isEmpty ? "" : "; measures: " + measures.map(\.rawValue).joined(separator: ", ")) + ")"
        }
        appendJournal(JournalEntry(at: now, kind: .review, author: reviewer, text: "Review by \(reviewer): \(summary): \(text)"))
    }
}
