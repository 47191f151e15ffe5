import CaseCore
import Foundation

/// The counselor's actions, shared by the command line and the terminal UI so both go through the same
/// domain rules and the same store transaction per action.
public final class CaseDesk: Sendable {
    let store: CaseRepository
    /// Injected so tests and the demo can fix the time.
    public let clock: @Sendable () -> Date

    public init(store: CaseRepository, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public var evaluator: CaseEvaluator { store.evaluator }
    public var taxonomy: Taxonomy { evaluator.taxonomy }
    /// The desk's language.
    public var catalogue: Catalogue { evaluator.catalogue }
    public var author: String { store.session.account }

    /// A case opened for reading, with everything derived from it.
    public struct CaseView: Sendable {
        public var item: Case
        public var evaluation: CaseEvaluation
        /// The case's version when it was read (``CaseRepository/caseVersion(_:)``): a change made with it is refused
        /// if someone else changed the case since. Nil where it was not read.
        public var version: Int?
        /// Set when the case's assessment was scored under an older version of the team policy than the one in force.
        public var olderPolicy: OlderPolicy?
    }

    public func queue() throws -> [CaseSummary] { try store.summaries() }

    /// The audit chain's state: intact, broken (the first broken entry), or intact with acknowledged breaks; a file
    /// older than the one this machine last used is reported as broken at its end.
    public func verifyAudit() throws -> AuditVerification {
        let verification = try store.verifyAudit()
        if case .broken = verification { return verification }
        if let problem = try store.integrityProblem() {
            let count = try store.auditEntries(caseId: nil).count
            return .broken(entryID: Int64(count + 1), problem: problem)
        }
        return verification
    }

    /// Cases whose plain columns were changed outside Confidant: reported like a break, never obeyed.
    public func tamperedCases() throws -> [CaseID] { try store.tamperedCases() }

    /// Accounts whose role was changed outside Confidant: such an account cannot log in, and `audit verify` names it.
    public func tamperedAccounts() throws -> [String] { try store.tamperedAccounts() }

    /// Records the counselor's finding of a break in the audit log; the break stays reported by `verifyAudit`.
    public func acknowledgeAuditBreak(reason: String) throws {
        try store.acknowledgeAuditBreak(reason: reason, now: clock())
    }

    /// Records the login in the audit chain, if nothing the session did has yet. A refused action writes nothing,
    /// so the command line calls this only once a command has succeeded; the desk calls it when it opens.
    public func recordLogin() throws { try store.recordLogin() }

    /// Opens a case (audited). Its version is read first: a change made in between makes a later write from this
    /// copy refused, never accepted on top of a change it did not see.
    public func open(_ id: CaseID) throws -> CaseView {
        let version = try store.caseVersion(id).number
        let item = try store.loadCase(id)
        return try view(of: item, version: version)
    }

    /// One change to a case: applied to the case as stored, or, with the version the user's copy was read at, only if
    /// nobody changed the case since (``StoreError/staleCase(_:by:at:)`` otherwise). The view returned carries the
    /// version after the change.
    func update(_ id: CaseID, readVersion: Int?, action: String, now: Date,
                _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> CaseView {
        let item = try readVersion.map { try store.updateCase(id, readVersion: $0, action: action, now: now, change) }
            ?? store.updateCase(id, action: action, now: now, change)
        // A change may leave the case out of this session's sight (a recusal it set off): then there is no version to hold.
        return try view(of: item, version: try? store.caseVersion(id).number)
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
        try evaluator.validateLanguage(intake.language?.lowercased())
        let item = try store.addCase(intake, now: clock())
        let code = item.reporter.anonymous ? try store.issueFollowUpCode(item.id, now: clock()) : nil
        return Added(item: item, followUpCode: code)
    }

    @discardableResult
    public func assess(_ id: CaseID, _ ratings: FactorRatings, readVersion: Int? = nil) throws -> CaseView {
        try ratings.validate()
        let now = clock()
        return try update(id, readVersion: readVersion, action: "assess", now: now) { item, evaluate in
            var scored = item
            scored.assessment = ratings
            let score = try evaluate(scored).score
            try item.assess(ratings, score: score, by: self.author, at: now)
        }
    }

    /// Moves a case along the workflow. Closing needs an outcome (and measures when substantiated); screening out a
    /// case with a Critical or High floor needs `confirmOverride` and a note.
    @discardableResult
    public func move(_ id: CaseID, to status: CaseStatus, note: String?, screeningReason: String? = nil,
                     outcome: Outcome? = nil, measures: [Measure] = [], confirmOverride: Bool = false,
                     readVersion: Int? = nil) throws -> CaseView {
        let now = clock()
        return try update(id, readVersion: readVersion, action: "status", now: now) { item, evaluate in
            let floors = status == .screenedOut ? self.floors(of: try evaluate(item).score) : []
            try item.transition(to: status, note: note, by: self.author, at: now, screeningReason: screeningReason,
                                outcome: outcome, measures: measures, floors: floors, confirmOverride: confirmOverride,
                                taxonomy: self.taxonomy)
        }
    }

    /// The reasons of the overrides that hold a score at High or above.
    public func floors(of score: TriageScore) -> [String] {
        evaluator.scorer.config.overrides.filter { score.overrides.contains($0.reason) && $0.floor <= .high }.map(\.reason)
    }

    /// Escalates one rung, at the reporter's request, or under a stated duty to act (which may skip rungs).
    /// Without a level, the case goes to the next rung of the ladder.
    @discardableResult
    public func escalate(_ id: CaseID, to level: EscalationLevel?, reason: String, duty: String? = nil,
                         readVersion: Int? = nil) throws -> CaseView {
        let now = clock()
        return try update(id, readVersion: readVersion, action: "escalate", now: now) { item, _ in
            guard let target = level ?? item.nextEscalationRung else {
                throw CaseError.invalidField(field: .key("field.escalation-level"), problem: .key("problem.top-rung"))
            }
            try item.escalate(to: target, reason: reason, duty: duty, by: self.author, at: now)
        }
    }

    /// Adds a journal entry. Due-process entries name the reported person, `party` counting from 1.
    @discardableResult
    public func record(_ id: CaseID, _ kind: JournalEntry.Kind, text: String, party: Int? = nil,
                       readVersion: Int? = nil) throws -> CaseView {
        let now = clock()
        return try update(id, readVersion: readVersion, action: "journal", now: now) { item, _ in
            try item.record(kind, text: text, party: party.map { $0 - 1 }, by: self.author, at: now)
        }
    }

    /// Corrects or completes a case after intake, in one transaction: the changed fields are journaled (old and new
    /// values sealed), the case is re-scored at once (a new floor is journaled as an assessment entry the supervisor
    /// sees), cases naming the same people are re-ranked and automatic recusal is checked for new names.
    @discardableResult
    public func edit(_ id: CaseID, _ edit: CaseEdit, readVersion: Int? = nil) throws -> CaseView {
        try evaluator.validateLanguage(edit.language?.lowercased())
        let now = clock()
        return try update(id, readVersion: readVersion, action: "edit", now: now) { item, evaluate in
            let before = try evaluate(item).score
            let fields = try item.apply(edit, taxonomy: self.taxonomy, affectedPseudonym: Pseudonyms.make(), by: self.author, at: now)
            let after = try evaluate(item).score
            if before.band != after.band || before.value != after.value || before.overrides != after.overrides {
                let added = after.overrides.filter { !before.overrides.contains($0) }
                let removed = before.overrides.filter { !after.overrides.contains($0) }
                item.appendJournal(JournalEntry(at: now, kind: .assessment, author: self.author, phrase: .key("entry.rescored", [
                    "fields": .text(fields.joined(separator: ", ")), "before": Self.scoreText(before), "after": Self.scoreText(after),
                    "added": added.isEmpty ? "" : .key("entry.rescored.added", ["floors": .text(added.joined(separator: "; "))]),
                    "removed": removed.isEmpty ? "" : .key("entry.rescored.removed", ["floors": .text(removed.joined(separator: "; "))]),
                ])))
            }
        }
    }

    static func scoreText(_ score: TriageScore) -> Phrase {
        .key("entry.score", ["score": score.value.map { .text(String($0)) } ?? .key("entry.unscored"),
                             "band": score.band.map { .label($0) } ?? .key("desk.unrated")])
    }

    /// Gives or withdraws consent to share the affected person's identity with the supervisor; journaled with its date.
    @discardableResult
    public func setConsent(_ id: CaseID, _ given: Bool) throws -> CaseView {
        try edit(id, .consent(given))
    }

    /// A supervisor's decision on an escalated case (supervisors only): back to the counselor with advice, up to the
    /// next level, accepted for a formal procedure, or closed with an outcome. Journaled as a `review` entry, audited;
    /// the counselor sees it as an alert until they act on it.
    @discardableResult
    public func review(_ id: CaseID, decision: ReviewDecision, text: String, outcome: Outcome? = nil,
                       measures: [Measure] = []) throws -> CaseView {
        let now = clock()
        let item = try store.reviewCase(id, now: now) { item in
            try item.review(decision, text: text, outcome: outcome, measures: measures, by: self.author, at: now)
        }
        return try view(of: item)
    }

    /// Reopens a closed, withdrawn or screened-out case with the reason; a purged case cannot be reopened.
    @discardableResult
    public func reopen(_ id: CaseID, reason: String) throws -> CaseView {
        let now = clock()
        return try update(id, readVersion: nil, action: "reopen", now: now) { item, _ in
            try item.reopen(reason: reason, by: self.author, at: now)
        }
    }

    /// Records a disclosure made without consent under a duty to act; the reporter is to be told within the policy's
    /// days unless telling them is deferred with a reason.
    @discardableResult
    public func disclose(_ id: CaseID, to recipient: String, duty: String, deferTelling: String? = nil) throws -> CaseView {
        let now = clock()
        return try update(id, readVersion: nil, action: "disclosure", now: now) { item, _ in
            try item.disclose(to: recipient, duty: duty, deferTelling: deferTelling, by: self.author, at: now)
        }
    }

    @discardableResult
    public func setLegalHold(_ id: CaseID, _ on: Bool, reason: String) throws -> CaseView {
        let now = clock()
        return try update(id, readVersion: nil, action: on ? "hold" : "release", now: now) { item, _ in
            try item.setLegalHold(on, reason: reason, by: self.author, at: now)
        }
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
        let values = template.acknowledgementValues(
            for: view.item, evaluation: view.evaluation, counselor: author,
            organisation: try store.organisationName() ?? evaluator.policy.organisationName,
            policy: evaluator.policy, now: clock(),
            calendar: evaluator.deadlines.calendar)
        try store.audit(action: "letter", caseId: id, detail: "acknowledgement letter (\(template.language)) rendered", now: clock())
        guard html else { return template.render(values, escape: { MarkdownText.inline($0) }) }
        return LetterHTML.render(markdown: template.render(values, escape: HTMLText.escape), title: template.title(reference: id.description),
                                 language: template.language, rightToLeft: template.catalogue.isRightToLeft)
    }

    /// Records that the acknowledgement was sent: the deadline is met and the journal says so.
    @discardableResult
    public func markAcknowledgementSent(_ id: CaseID, language: String) throws -> CaseView {
        let now = clock()
        return try update(id, readVersion: nil, action: "letter-sent", now: now) { item, _ in
            try item.recordAcknowledgementSent(language: language, by: self.author, at: now)
        }
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
