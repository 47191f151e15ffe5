import Foundation

/// The counselor's actions on a case. Each validates first, changes nothing on error,
/// and records what it did in the journal.
extension Case {
    /// Moves the case along the workflow. Screening out and withdrawal need a reason.
    public mutating func transition(
        to next: CaseStatus, note: String?, by author: String, at now: Date,
        screeningReason: String? = nil, outcome: Outcome? = nil, taxonomy: Taxonomy? = nil
    ) throws {
        guard status.canMove(to: next) else { throw CaseError.illegalTransition(from: status, to: next) }
        let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch next {
        case .screenedOut:
            guard let reason = screeningReason ?? (trimmedNote.isEmpty ? nil : "other") else {
                throw CaseError.reasonRequired("screen a case out")
            }
            if let taxonomy, reason != "other", !taxonomy.screeningReasons.contains(where: { $0.id == reason }) {
                throw CaseError.unknownScreeningReason(reason)
            }
            self.screeningReason = reason
        case .withdrawn:
            guard !trimmedNote.isEmpty else { throw CaseError.reasonRequired("record a withdrawal") }
        default:
            break
        }
        let previous = status
        status = next
        if next == .acknowledged, acknowledgedAt == nil { acknowledgedAt = now }
        if next.isTerminal { closedAt = now }
        if next == .closed, let outcome { self.outcome = outcome }
        var text = "Status \(previous.rawValue) → \(next.rawValue)"
        if let reason = self.screeningReason, next == .screenedOut {
            text += " (reason: \(taxonomy?.screeningReasonName(reason) ?? reason))"
        }
        if next == .closed, let outcome { text += " (outcome: \(outcome.rawValue))" }
        if !trimmedNote.isEmpty { text += ": \(trimmedNote)" }
        appendJournal(JournalEntry(at: now, kind: .status, author: author, text: text))
    }

    /// Records a new assessment and journals the score it gives, with the escalation suggestion if any.
    public mutating func assess(_ ratings: FactorRatings, score: TriageScore, by author: String, at now: Date) throws {
        try ratings.validate()
        guard status.isOpen else { throw CaseError.caseIsTerminal(status) }
        let previous = assessment
        assessment = ratings
        let summary = Factor.allCases.map { "\($0.rawValue) \(ratings[$0])" }.joined(separator: ", ")
        var text = "Assessed \(summary) → score \(score.value ?? 0), \(score.band?.rawValue ?? "unrated")"
        if let previous, previous != ratings {
            text += " (was " + Factor.allCases.map { "\(previous[$0])" }.joined(separator: "/") + ")"
        }
        if score.suggestEscalation { text += "; escalation suggested" }
        appendJournal(JournalEntry(at: now, kind: .assessment, author: author, text: text))
    }

    /// Escalates to a rung higher than the current one, with the counselor's reason.
    public mutating func escalate(to level: EscalationLevel, reason: String, by author: String, at now: Date) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CaseError.reasonRequired("escalate a case") }
        guard status.isOpen else { throw CaseError.caseIsTerminal(status) }
        if let current = escalationLevel, status == .escalated, level <= current {
            throw CaseError.escalationNotHigher(current: current, requested: level)
        }
        if status != .escalated {
            guard status.canMove(to: .escalated) else { throw CaseError.illegalTransition(from: status, to: .escalated) }
        }
        let previous = status
        status = .escalated
        escalationLevel = level
        appendJournal(JournalEntry(
            at: now, kind: .escalation, author: author,
            text: "Escalated to \(level.label) (status \(previous.rawValue) → escalated): \(reason)"))
    }

    /// Adds a free journal entry (contact, note, support arranged, advice given, feedback…).
    public mutating func record(_ kind: JournalEntry.Kind, text: String, by author: String, at now: Date) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CaseError.emptyJournalText }
        appendJournal(JournalEntry(at: now, kind: kind, author: author, text: text))
    }

    /// Places or lifts a legal hold, with the reason, journaled.
    public mutating func setLegalHold(_ on: Bool, reason: String, by author: String, at now: Date) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CaseError.reasonRequired(on ? "place a legal hold" : "lift a legal hold") }
        guard legalHold != on else {
            throw CaseError.invalidField(field: "legal hold", problem: on ? "is already in place" : "is not in place")
        }
        legalHold = on
        appendJournal(JournalEntry(at: now, kind: .hold, author: author,
                                   text: (on ? "Legal hold placed: " : "Legal hold lifted: ") + reason))
    }
}

extension Case {
    /// Records that the written confirmation of receipt was sent: it meets the acknowledgement deadline
    /// (a new case moves to acknowledged) and is journaled.
    public mutating func recordAcknowledgementSent(language: String, by author: String, at now: Date) throws {
        guard status.isOpen else { throw CaseError.caseIsTerminal(status) }
        if status == .new {
            try transition(to: .acknowledged, note: "written confirmation of receipt sent", by: author, at: now)
        } else if acknowledgedAt == nil {
            acknowledgedAt = now
        }
        appendJournal(JournalEntry(at: now, kind: .letter, author: author,
                                   text: "Acknowledgement letter (\(language)) sent to the reporter"))
    }
}
