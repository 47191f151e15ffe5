import CaseCore
import Foundation

/// The counselor's actions, shared by the command line and the terminal UI so both go through the same
/// domain rules and the same store transaction per action.
public final class CaseDesk: Sendable {
    public let store: CaseRepository
    /// Injected so tests and the demo can fix the time.
    public let clock: @Sendable () -> Date

    public init(store: CaseRepository, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public var evaluator: CaseEvaluator { store.evaluator }
    public var taxonomy: Taxonomy { evaluator.taxonomy }
    public var author: String { store.session.account }

    /// A case opened for reading, with everything derived from it.
    public struct CaseView: Sendable {
        public var item: Case
        public var evaluation: CaseEvaluation
    }

    public func queue() throws -> [CaseSummary] { try store.summaries() }

    public func open(_ id: CaseID) throws -> CaseView {
        let item = try store.loadCase(id)
        return CaseView(item: item, evaluation: try store.evaluate(item))
    }

    /// The score a set of ratings would give this case now (for the live assessment form).
    public func preview(_ ratings: FactorRatings, for item: Case) throws -> TriageScore {
        var copy = item
        copy.assessment = ratings
        return try store.evaluate(copy).score
    }

    /// A new case, and for an anonymous report the follow-up code to give the reporter (shown this once).
    public struct Added: Sendable {
        public var item: Case
        public var followUpCode: FollowUpCode?
        public var id: CaseID { item.id }
    }

    public func add(_ intake: CaseIntake) throws -> Added {
        let item = try store.addCase(intake, now: clock())
        let code = item.reporter.anonymous ? try store.issueFollowUpCode(item.id, now: clock()) : nil
        return Added(item: item, followUpCode: code)
    }

    @discardableResult
    public func assess(_ id: CaseID, _ ratings: FactorRatings) throws -> CaseView {
        try ratings.validate()
        let now = clock()
        let item = try store.updateCase(id, action: "assess", now: now) { item, evaluate in
            var scored = item
            scored.assessment = ratings
            let score = try evaluate(scored).score
            try item.assess(ratings, score: score, by: self.author, at: now)
        }
        return CaseView(item: item, evaluation: try store.evaluate(item))
    }

    @discardableResult
    public func move(_ id: CaseID, to status: CaseStatus, note: String?, screeningReason: String? = nil,
                     outcome: Outcome? = nil) throws -> CaseView {
        let now = clock()
        let item = try store.updateCase(id, action: "status", now: now) { item, _ in
            try item.transition(to: status, note: note, by: self.author, at: now, screeningReason: screeningReason,
                                outcome: outcome, taxonomy: self.taxonomy)
        }
        return CaseView(item: item, evaluation: try store.evaluate(item))
    }

    @discardableResult
    public func escalate(_ id: CaseID, to level: EscalationLevel, reason: String) throws -> CaseView {
        let now = clock()
        let item = try store.updateCase(id, action: "escalate", now: now) { item, _ in
            try item.escalate(to: level, reason: reason, by: self.author, at: now)
        }
        return CaseView(item: item, evaluation: try store.evaluate(item))
    }

    @discardableResult
    public func record(_ id: CaseID, _ kind: JournalEntry.Kind, text: String) throws -> CaseView {
        let now = clock()
        let item = try store.updateCase(id, action: "journal", now: now) { item, _ in
            try item.record(kind, text: text, by: self.author, at: now)
        }
        return CaseView(item: item, evaluation: try store.evaluate(item))
    }

    @discardableResult
    public func setLegalHold(_ id: CaseID, _ on: Bool, reason: String) throws -> CaseView {
        let now = clock()
        let item = try store.updateCase(id, action: on ? "hold" : "release", now: now) { item, _ in
            try item.setLegalHold(on, reason: reason, by: self.author, at: now)
        }
        return CaseView(item: item, evaluation: try store.evaluate(item))
    }

    public func declareConflict(_ id: CaseID, reason: String) throws {
        try store.declareConflict(id, reason: reason, now: clock())
    }

    public func reassign(_ id: CaseID, note: String) throws {
        try store.reassign(id, note: note, now: clock())
    }

    /// The written confirmation of receipt for a case, from the organisation's template.
    /// - Parameter html: a self-contained HTML page instead of Markdown.
    public func acknowledgementLetter(_ id: CaseID, template: LetterTemplate, html: Bool) throws -> String {
        let view = try open(id)
        let values = LetterTemplate.acknowledgementValues(
            for: view.item, evaluation: view.evaluation, counselor: author,
            organisation: evaluator.policy.organisationName ?? "the organisation", policy: evaluator.policy, now: clock(),
            calendar: evaluator.deadlines.calendar)
        try store.audit(action: "letter", caseId: id, detail: "acknowledgement letter (\(template.language)) rendered", now: clock())
        guard html else { return template.render(values, escape: { MarkdownText.inline($0) }) }
        return LetterHTML.render(markdown: template.render(values, escape: HTMLText.escape), title: "Confirmation of receipt \(id)")
    }

    /// Records that the acknowledgement was sent: the deadline is met and the journal says so.
    @discardableResult
    public func markAcknowledgementSent(_ id: CaseID, language: String) throws -> CaseView {
        let now = clock()
        let item = try store.updateCase(id, action: "letter-sent", now: now) { item, _ in
            try item.recordAcknowledgementSent(language: language, by: self.author, at: now)
        }
        return CaseView(item: item, evaluation: try store.evaluate(item))
    }

    /// The status bar's counts for a queue already loaded: open cases whose next deadline is overdue, due today,
    /// and due within `hours` (today's included).
    public func dueCounts(in queue: [CaseSummary], hours: Int, calendar: Calendar = .current)
        -> (overdue: Int, dueToday: Int, dueSoon: Int)
    {
        let now = clock()
        var overdue = 0, today = 0, soon = 0
        for summary in queue where summary.status.isOpen {
            guard let next = summary.nextDeadline else { continue }
            if next.isOverdue(at: now) {
                overdue += 1
                continue
            }
            if next.isDueToday(at: now, calendar: calendar) { today += 1 }
            if next.isDueSoon(at: now, hours: hours) { soon += 1 }
        }
        return (overdue, today, soon)
    }
}
