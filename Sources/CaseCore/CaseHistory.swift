import Foundation

extension CaseIntake {
    /// Replays the workflow fields of an intake (journal, assessment, status, escalation) on a freshly created case,
    /// through the same legal transitions a counselor would make, so history brought in from elsewhere is journaled.
    ///
    /// - Parameter score: scores a rating in the context of the case being replayed.
    public func replayHistory(
        on item: inout Case, by author: String, now: Date, taxonomy: Taxonomy,
        score: (FactorRatings, Case) -> TriageScore
    ) throws {
        var clock = item.receivedAt
        func tick(_ hours: Double) -> Date {
            clock = min(now, clock.addingTimeInterval(hours * 3600))
            return clock
        }
        var entries = try (journal ?? []).map { input -> JournalEntry in
            let party = input.party.map { $0 - 1 }
            if input.kind.isDueProcess {
                guard let party else { throw CaseError.partyRequired(input.kind, count: item.reported.count) }
                guard item.reported.indices.contains(party) else {
                    throw CaseError.partyOutOfRange(party + 1, count: item.reported.count)
                }
            }
            return JournalEntry(at: try Self.date(input.at, field: .key("field.journal-date")), kind: input.kind, author: author,
                                text: input.text, party: input.kind.isDueProcess ? party : nil)
        }
        entries.sort { $0.at < $1.at }
        let target = status ?? .new
        guard let path = CaseStatus.new.path(to: target == .escalated && escalationLevel == nil ? .escalated : target) else {
            throw CaseError.illegalTransition(from: .new, to: target)
        }
        var pendingAssessment = assessment
        for (index, step) in path.enumerated() {
            // Journal entries dated before this step belong before it; the final step comes after all of them.
            let isLast = index == path.count - 1
            while let next = entries.first, isLast || next.at <= clock.addingTimeInterval(24 * 3600) {
                item.appendJournal(next)
                clock = max(clock, next.at)
                entries.removeFirst()
            }
            if step == .supportAdvice || step == .escalated || step.isTerminal, let ratings = pendingAssessment {
                try item.assess(ratings, score: score(ratings, item), by: author, at: tick(2))
                pendingAssessment = nil
            }
            if step == .escalated {
                // A reporter who asked for escalation had the ladder climbed as the desk climbs it: one rung at a time,
                // at their request. Without their wishes, the case comes in at its level in one step, claiming neither.
                let level = escalationLevel ?? .complaintsTeam
                let requested = wishes?.allowsEscalation == true
                for rung in requested ? EscalationLevel.allCases.filter({ $0 <= level }) : [level] {
                    try item.escalate(
                        to: rung, reason: "Escalated before import", by: author, at: tick(24), enforceLadder: requested,
                        reasonPhrase: .key("entry.escalated-before-import"))
                }
            } else {
                try item.transition(
                    to: step, note: step == .withdrawn ? "Reporter withdrew the report" : nil, by: author, at: tick(24),
                    screeningReason: step == .screenedOut ? (screeningReason ?? "other") : nil,
                    outcome: step == .closed ? outcome : nil, measures: step == .closed ? (measures ?? []) : [],
                    taxonomy: taxonomy, notePhrase: step == .withdrawn ? .key("entry.withdrew-before-import") : nil)
            }
        }
        if let ratings = pendingAssessment, item.status.isOpen {
            try item.assess(ratings, score: score(ratings, item), by: author, at: tick(2))
        }
        for entry in entries { item.appendJournal(entry) }
    }

    /// The same intake with every date moved by `days` (used to bring demo data up to today).
    public func shifted(byDays days: Int) -> CaseIntake {
        guard days != 0 else { return self }
        func move(_ text: String) -> String {
            guard let date = DateText.parse(text) else { return text }
            let moved = date.addingTimeInterval(Double(days) * 86_400)
            return text.count <= 10 ? DateText.day(moved) : DateText.timestamp(moved)
        }
        var copy = self
        copy.receivedAt = receivedAt.map(move)
        copy.incidentFirst = move(incidentFirst)
        copy.incidentLast = incidentLast.map(move)
        copy.journal = journal?.map { JournalInput(at: move($0.at), kind: $0.kind, text: $0.text, party: $0.party) }
        return copy
    }
}
