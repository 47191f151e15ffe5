import Foundation

/// The counselor's actions on a case. Each validates first, changes nothing on error,
/// and records what it did in the journal.
extension Case {
    /// Moves the case along the workflow. Screening out and withdrawal need a reason; closing needs an outcome
    /// (and, when substantiated, the measures taken).
    ///
    /// - Parameters:
    ///   - floors: the reasons of the overrides that put a Critical or High floor on the case. Screening such a case
    ///     out needs `confirmOverride` and a note; the journal names the overrides set aside.
    public mutating func transition(
        to next: CaseStatus, note: String?, by author: String, at now: Date,
        screeningReason: String? = nil, outcome: Outcome? = nil, measures: [Measure] = [],
        floors: [String] = [], confirmOverride: Bool = false, taxonomy: Taxonomy? = nil, notePhrase: Phrase? = nil
    ) throws {
        guard status.canMove(to: next) else { throw CaseError.illegalTransition(from: status, to: next) }
        let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch next {
        case .screenedOut:
            guard let reason = screeningReason ?? (trimmedNote.isEmpty ? nil : "other") else {
                throw CaseError.reasonRequired(.key("action.screen-out"))
            }
            if let taxonomy, reason != "other", !taxonomy.screeningReasons.contains(where: { $0.id == reason }) {
                throw CaseError.unknownScreeningReason(reason)
            }
            if !floors.isEmpty, !confirmOverride || trimmedNote.isEmpty {
                throw CaseError.overrideNeedsConfirmation(floors: floors)
            }
            self.screeningReason = reason
        case .withdrawn:
            guard !trimmedNote.isEmpty else { throw CaseError.reasonRequired(.key("action.withdraw")) }
        case .closed:
            try Self.checkClosing(outcome: outcome, measures: measures)
        default:
            break
        }
        let previous = status
        status = next
        if next.isTerminal { closedAt = now }
        if next == .closed, let outcome {
            self.outcome = outcome
            self.measures = measures
        }
        var reasonPart = Phrase.text(""), floorsPart = Phrase.text(""), outcomePart = Phrase.text("")
        if let reason = self.screeningReason, next == .screenedOut {
            let name: Phrase = taxonomy.map { _ in .taxonomy("screening", reason) } ?? .text(reason)
            reasonPart = .key("entry.status.reason", ["reason": name])
            floorsPart = .optional(!floors.isEmpty, .key("entry.status.floors", ["floors": .semicolons(floors.map(Phrase.text))]))
        }
        if next == .closed, let outcome {
            outcomePart = .key("entry.status.outcome", ["outcome": .id(outcome), "measures": .optional(
                !measures.isEmpty, .key("entry.status.measures", ["measures": .commas(measures.map { .id($0) })]))])
        }
        appendJournal(JournalEntry(at: now, kind: .status, author: author, phrase: .key("entry.status", [
            "from": .id(previous), "to": .id(next), "reason": reasonPart, "floors": floorsPart, "outcome": outcomePart,
            "note": notePhrase.map { .key("entry.note", ["note": $0]) }
                ?? .optional(!trimmedNote.isEmpty, .key("entry.note", ["note": .text(trimmedNote)])),
        ])))
    }

    /// Closing needs an outcome, and the measures taken when (and only when) the case was substantiated.
    /// Returns the outcome.
    @discardableResult
    static func checkClosing(outcome: Outcome?, measures: [Measure]) throws -> Outcome {
        guard let outcome else { throw CaseError.outcomeRequired }
        if outcome == .substantiated, measures.isEmpty { throw CaseError.measuresRequired }
        if outcome != .substantiated, !measures.isEmpty { throw CaseError.measuresWithoutSubstantiation }
        return outcome
    }

    /// Reopens a closed, withdrawn or screened-out case: it returns to assessing, its deadlines run again from now
    /// and its retention clock stops. A legal hold is left as it is.
    public mutating func reopen(reason: String, by author: String, at now: Date) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard status.isTerminal else { throw CaseError.notReopenable(status) }
        guard !reason.isEmpty else { throw CaseError.reasonRequired(.key("action.reopen")) }
        let previous = status
        let phrase = Phrase.key("entry.reopen", [
            "status": .id(previous), "outcome": outcome.map { .key("entry.reopen.outcome", ["outcome": .id($0)]) } ?? .text(""),
            "screened": screeningReason.map { .optional(previous == .screenedOut, .key("entry.reopen.screened", ["reason": .text($0)])) } ?? .text(""),
            "reason": .text(reason),
        ])
        status = .assessing
        closedAt = nil
        outcome = nil
        measures = []
        screeningReason = nil
        appendJournal(JournalEntry(at: now, kind: .reopen, author: author, phrase: phrase))
    }

    /// Records a new assessment and journals the score it gives, with the escalation suggestion if any.
    public mutating func assess(_ ratings: FactorRatings, score: TriageScore, by author: String, at now: Date) throws {
        try ratings.validate()
        guard status.isOpen else { throw CaseError.caseIsTerminal(status) }
        let previous = assessment
        assessment = ratings
        let summary = Phrase.commas(Factor.allCases.map { .key("entry.rating", ["factor": .id($0), "rating": .text(String(ratings[$0]))]) })
        var was = Phrase.text("")
        if let previous, previous != ratings {
            was = .key("entry.assessed.was", ["ratings": .text(Factor.allCases.map { "\(previous[$0])" }.joined(separator: "/"))])
        }
        appendJournal(JournalEntry(at: now, kind: .assessment, author: author, phrase: .key("entry.assessed", [
            "ratings": summary, "score": .text(String(score.value ?? 0)), "band": .id(score.band), "was": was,
            "suggestion": .optional(score.suggestEscalation, .key("entry.assessed.suggestion")),
        ])))
    }

    /// The rung an escalation would normally go to next: the complaints team first, then one above the current one.
    public var nextEscalationRung: EscalationLevel? {
        guard let current = escalationLevel else { return .complaintsTeam }
        let all = EscalationLevel.allCases
        return current.rank + 1 < all.count ? all[current.rank + 1] : nil
    }

    /// Escalates to a rung higher than the current one, with the counselor's reason.
    ///
    /// The ladder is climbed at the reporter's request (wishes `formal` or `escalate`), one rung at a time. A stated
    /// `duty` to act (a child at risk, sexual exploitation and abuse, danger to life, a legal obligation) allows an
    /// escalation the reporter did not ask for, and skipping a rung; it is journaled and kept on the case.
    /// A case never moves down the ladder. `enforceLadder: false` is for history brought in from elsewhere.
    public mutating func escalate(
        to level: EscalationLevel, reason: String, duty: String? = nil, by author: String, at now: Date,
        enforceLadder: Bool = true, reasonPhrase: Phrase? = nil
    ) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let duty = duty?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        guard !reason.isEmpty else { throw CaseError.reasonRequired(.key("action.escalate")) }
        guard status.isOpen else { throw CaseError.caseIsTerminal(status) }
        if let current = escalationLevel, level <= current {
            throw CaseError.escalationNotHigher(current: current, requested: level)
        }
        if status != .escalated {
            guard status.canMove(to: .escalated) else { throw CaseError.illegalTransition(from: status, to: .escalated) }
        }
        if enforceLadder, duty == nil {
            guard wishes?.allowsEscalation == true else { throw CaseError.escalationNotRequested(wishes: wishes) }
            if let next = nextEscalationRung, level != next {
                throw CaseError.escalationSkipsRung(next: next, requested: level)
            }
        }
        let previous = status
        status = .escalated
        escalationLevel = level
        var why = Phrase.text("")
        if let duty {
            dutyToAct = duty
            why = .key("entry.escalated.duty", ["duty": .text(duty)])
        } else if enforceLadder {
            why = .key("entry.escalated.request", ["wishes": .id(wishes ?? .formal)])
        }
        appendJournal(JournalEntry(at: now, kind: .escalation, author: author, phrase: .key("entry.escalated", [
            "level": .label(level), "from": .id(previous), "to": .id(CaseStatus.escalated), "why": why, "reason": reasonPhrase ?? .text(reason),
        ])))
    }

    /// Adds a free journal entry (contact, note, support arranged, support declined, advice given, feedback…).
    /// Due-process entries name the reported person they concern (`party`, 0-based).
    public mutating func record(_ kind: JournalEntry.Kind, text: String, party: Int? = nil, by author: String, at now: Date) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CaseError.emptyJournalText }
        if kind.isDueProcess {
            guard let party else { throw CaseError.partyRequired(kind, count: reported.count) }
            guard reported.indices.contains(party) else { throw CaseError.partyOutOfRange(party + 1, count: reported.count) }
        } else if let party {
            throw CaseError.invalidField(
                field: .key("field.reported-number", ["number": .text(String(party + 1))]),
                problem: .key("problem.due-process-only", ["kinds": .text(JournalEntry.Kind.allCases.filter(\.isDueProcess).map(\.rawValue).joined(separator: ", "))]))
        }
        appendJournal(JournalEntry(at: now, kind: kind, author: author, text: text, party: party))
    }

    /// Records information passed on without the reporter's consent under a duty to act. The reporter must then be
    /// told (a deadline), unless telling them is deferred for a recorded reason.
    public mutating func disclose(to recipient: String, duty: String, deferTelling: String? = nil, by author: String, at now: Date) throws {
        let recipient = recipient.trimmingCharacters(in: .whitespacesAndNewlines)
        let duty = duty.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !recipient.isEmpty else { throw CaseError.invalidField(field: .key("field.disclosure-recipient"), problem: .key("problem.empty")) }
        guard !duty.isEmpty else { throw CaseError.reasonRequired(.key("action.disclose")) }
        appendJournal(JournalEntry(at: now, kind: .disclosure, author: author,
                                   phrase: .key("entry.disclosed", ["recipient": .text(recipient), "duty": .text(duty)])))
        if let reason = deferTelling?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty {
            appendJournal(JournalEntry(at: now, kind: .tellingDeferred, author: author,
                                       phrase: .key("entry.telling-deferred", ["recipient": .text(recipient), "reason": .text(reason)])))
        }
    }

    /// Places or lifts a legal hold, with the reason, journaled.
    public mutating func setLegalHold(_ on: Bool, reason: String, by author: String, at now: Date) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CaseError.reasonRequired(.key(on ? "action.place-hold" : "action.lift-hold")) }
        guard legalHold != on else {
            throw CaseError.invalidField(field: .key("field.legal-hold"), problem: .key(on ? "problem.hold-in-place" : "problem.hold-not-in-place"))
        }
        legalHold = on
        appendJournal(JournalEntry(at: now, kind: .hold, author: author,
                                   phrase: .key(on ? "entry.hold-placed" : "entry.hold-lifted", ["reason": .text(reason)])))
    }
}

extension Case {
    /// Records that the written confirmation of receipt was sent: it meets the acknowledgement deadline
    /// (a new case moves to acknowledged) and is journaled.
    public mutating func recordAcknowledgementSent(language: String, by author: String, at now: Date) throws {
        guard status.isOpen else { throw CaseError.caseIsTerminal(status) }
        if status == .new {
            try transition(to: .acknowledged, note: nil, by: author, at: now, notePhrase: .key("entry.receipt-sent"))
        }
        appendJournal(JournalEntry(at: now, kind: .letter, author: author,
                                   phrase: .key("entry.letter-sent", ["language": .text(language)])))
    }
}

extension String {
    /// nil for an empty string.
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
