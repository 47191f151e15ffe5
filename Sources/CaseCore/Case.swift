import Foundation

/// A harassment report and everything the counselor records while working it.
public struct Case: Equatable, Sendable, Identifiable, Codable {
    public var id: CaseID
    public var receivedAt: Date
    public var channel: Channel
    public var incidentFirst: Date
    public var incidentLast: Date
    public var reporter: Reporter
    /// The person the conduct was aimed at, when someone else reported it; nil when the reporter is that person.
    /// Well-being, the support duty and consent refer to the affected person.
    public var affected: AffectedPerson?
    public var relationship: Relationship
    public var reported: [ReportedPerson]
    public var categories: [String]
    public var grounds: [String]
    public var conductTags: [String]
    public var childInvolved: Bool
    /// The affected person (the reporter when there is none) agreed that the supervisor may see their identity.
    public var consentShareIdentity: Bool
    /// What the reporter wants to happen; nil until recorded.
    public var wishes: Wishes?
    /// A duty to act without the reporter's request (a child at risk, sexual exploitation and abuse, danger to life,
    /// a legal obligation), as last stated for an escalation.
    public var dutyToAct: String?
    /// Measures taken when the case was closed as substantiated.
    public var measures: [Measure]
    /// Days between follow-ups agreed with the reporter for this case; nil for the policy's default.
    public var followUpEveryDays: Int?
    /// The language letters to the reporter are written in (`fr`, `ar`); nil for the desk's.
    public var language: String?
    public var narrative: String
    public var supportNeeds: String
    public var status: CaseStatus
    public var assessment: FactorRatings?
    public var escalationLevel: EscalationLevel?
    public var screeningReason: String?
    public var outcome: Outcome?
    public var acknowledgedAt: Date?
    public var closedAt: Date?
    /// A legal hold stops any purge of the case until it is lifted.
    public var legalHold: Bool
    /// Append-only; see ``appendJournal(_:)``.
    public private(set) var journal: [JournalEntry]

    public init(
        id: CaseID, receivedAt: Date, channel: Channel, incidentFirst: Date, incidentLast: Date,
        reporter: Reporter, relationship: Relationship, reported: [ReportedPerson], categories: [String],
        grounds: [String] = [], conductTags: [String] = [], childInvolved: Bool = false,
        consentShareIdentity: Bool = false, narrative: String, supportNeeds: String = "",
        status: CaseStatus = .new, assessment: FactorRatings? = nil, escalationLevel: EscalationLevel? = nil,
        screeningReason: String? = nil, outcome: Outcome? = nil, acknowledgedAt: Date? = nil, closedAt: Date? = nil,
        legalHold: Bool = false, journal: [JournalEntry] = [], affected: AffectedPerson? = nil, wishes: Wishes? = nil,
        dutyToAct: String? = nil, measures: [Measure] = []
    ) {
        self.id = id
        self.receivedAt = receivedAt
        self.channel = channel
        self.incidentFirst = incidentFirst
        self.incidentLast = incidentLast
        self.reporter = reporter
        self.relationship = relationship
        self.reported = reported
        self.categories = categories
        self.grounds = grounds
        self.conductTags = conductTags
        self.childInvolved = childInvolved
        self.consentShareIdentity = consentShareIdentity
        self.narrative = narrative
        self.supportNeeds = supportNeeds
        self.status = status
        self.assessment = assessment
        self.escalationLevel = escalationLevel
        self.screeningReason = screeningReason
        self.outcome = outcome
        self.acknowledgedAt = acknowledgedAt
        self.closedAt = closedAt
        self.legalHold = legalHold
        self.journal = journal
        self.affected = affected
        self.wishes = wishes
        self.dutyToAct = dutyToAct
        self.measures = measures
        followUpEveryDays = nil
    }

    /// Adds a journal entry at the end. Entries are never edited or removed.
    /// The first contact with the reporter or the written confirmation acknowledges the report.
    public mutating func appendJournal(_ entry: JournalEntry) {
        journal.append(entry)
        if acknowledgedAt == nil, entry.kind.isContact || entry.kind == .letter { acknowledgedAt = entry.at }
    }

    /// The power rating the reported persons suggest (their highest power relative to the reporter), for the counselor
    /// to confirm when assessing.
    public var suggestedPowerRating: Int? {
        reported.map { PowerRelation.allCases.firstIndex(of: $0.power)! }.max()
    }

    /// The affected person as shown on screens: the reporter when no one else is named.
    public var affectedPseudonym: String { affected?.pseudonym ?? reporter.pseudonym }

    /// When the case was last reopened, if ever: deadlines of the reopened case run from then.
    public var reopenedAt: Date? { journal.last { $0.kind == .reopen }?.at }

    /// The scorer's view of this case.
    public func scoringContext(otherOpenCases: Int) -> TriageScorer.Context {
        .init(categories: categories, childInvolved: childInvolved, otherOpenCasesWithSameRespondent: otherOpenCases)
    }

}

extension Case {
    /// Refuses a follow-up interval outside 1 to 365 days (at intake and in an edit alike).
    public static func checkFollowUpInterval(_ days: Int) throws {
        guard (1...365).contains(days) else {
            throw CaseError.invalidField(field: .key("field.follow-up-interval"), problem: .key("problem.follow-up-range", ["days": .text(String(days))]))
        }
    }
}
