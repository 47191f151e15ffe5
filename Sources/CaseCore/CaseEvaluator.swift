import Foundation

/// Everything derived from a case: its score, deadlines and window flag.
public struct CaseEvaluation: Equatable, Sendable {
    public var score: TriageScore
    public var deadlines: [Deadline]
    public var outsideWindow: Bool
    /// Whether the case is still being worked; a closed case owes nothing next, even a missed deadline.
    public var isOpen: Bool = true

    public var nextDeadline: Deadline? { isOpen ? deadlines.filter(\.isPending).min { $0.due < $1.due } : nil }
}

/// Scores a case and computes its deadlines with the organisation's configuration.
public struct CaseEvaluator: Sendable {
    public let scorer: TriageScorer
    public let deadlines: DeadlineCalculator
    public let taxonomy: Taxonomy
    /// The language of the desk: explanations, labels, exports and error sentences.
    public var catalogue: Catalogue { scorer.catalogue }
    /// The languages letters to reporters can be written in (a case's `language` must be one of them).
    public let letterLanguages: [String]
    /// The team policy this evaluator works under, as a database keeps it (nil: built from parts, as some tests do).
    public var source: TeamPolicy?
    /// The version of ``source`` a database holds, once one holds it.
    public var policyVersion: Int?

    public init(scoring: ScoringConfiguration, policy: Policy, taxonomy: Taxonomy, calendar: Calendar = .utc,
                catalogue: Catalogue = .english, letterLanguages: [String] = ["en"]) {
        scorer = TriageScorer(config: scoring, catalogue: catalogue)
        deadlines = DeadlineCalculator(policy: policy, calendar: calendar)
        self.taxonomy = taxonomy
        self.letterLanguages = letterLanguages
    }

    public var policy: Policy { deadlines.policy }

    /// Refuses a letter language that no letter is written in, naming those that are.
    public func validateLanguage(_ code: String?) throws {
        guard let code, !letterLanguages.contains(code) else { return }
        throw CaseError.invalidField(field: .key("field.language"), problem: .key("problem.not-a-letter-language", [
            "code": .text(code), "languages": .text(letterLanguages.joined(separator: ", "))]))
    }

    public func evaluate(_ item: Case, otherOpenCases: Int) -> CaseEvaluation {
        let score = scorer.score(item.assessment, context: item.scoringContext(otherOpenCases: item.status.isOpen ? otherOpenCases : 0))
        return CaseEvaluation(
            score: score,
            deadlines: deadlines.deadlines(for: item, band: score.band),
            outsideWindow: deadlines.isOutsideComplaintWindow(item), isOpen: item.status.isOpen)
    }

    public func summary(of item: Case, _ evaluation: CaseEvaluation, needsReassignment: Bool = false) -> CaseSummary {
        CaseSummary(
            id: item.id, receivedAt: item.receivedAt, channel: item.channel, status: item.status,
            pseudonym: item.reporter.pseudonym, anonymous: item.reporter.anonymous, relationship: item.relationship,
            categories: item.categories, score: evaluation.score.value, band: evaluation.score.band,
            severeOrPervasive: evaluation.score.severeOrPervasive, escalationLevel: item.escalationLevel,
            consentShareIdentity: item.consentShareIdentity, nextDeadline: evaluation.nextDeadline,
            outsideWindow: evaluation.outsideWindow, needsReassignment: needsReassignment)
    }
}
