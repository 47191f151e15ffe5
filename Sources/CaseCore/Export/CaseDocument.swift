import Foundation

/// A case as one self-describing document: what `show --json` prints and what exports render.
/// Redaction for the audience happens here, once, so every format carries the same content.
public struct CaseDocument: Encodable, Sendable {
    public struct ReporterPart: Encodable, Sendable {
        public var pseudonym: String
        public var anonymous: Bool
        public var name: String?
        public var contact: String?
        public var identityWithheld: Bool
    }

    public struct PartyPart: Encodable, Sendable {
        public var name: String
        public var role: String
        public var power: String
    }

    public struct ScorePart: Encodable, Sendable {
        public var value: Int?
        public var band: String?
        public var severe: Bool
        public var pervasive: Bool
        public var severeOrPervasive: Bool
        public var overrides: [String]
        public var suggestEscalation: Bool
        public var lines: [TriageScore.Line]
    }

    public struct DeadlinePart: Encodable, Sendable {
        public var kind: String
        public var label: String
        public var due: String
        public var overdue: Bool
        public var metAt: String?
        public var metLate: Bool
    }

    public struct JournalPart: Encodable, Sendable {
        public var at: String
        public var kind: String
        public var author: String
        public var text: String
    }

    public var id: String
    public var audience: String
    public var status: String
    public var channel: String
    public var receivedAt: String
    public var incidentFirst: String
    public var incidentLast: String
    public var outsideSixMonthWindow: Bool
    public var relationship: String
    public var categories: [String]
    public var grounds: [String]
    public var conductTags: [String]
    public var childInvolved: Bool
    public var consentShareIdentity: Bool
    public var reporter: ReporterPart
    public var reported: [PartyPart]
    public var narrative: String
    public var supportNeeds: String
    public var assessment: FactorRatings?
    public var score: ScorePart
    public var escalationLevel: String?
    public var screeningReason: String?
    public var outcome: String?
    public var deadlines: [DeadlinePart]
    public var journal: [JournalPart]

    public init(item: Case, evaluation: CaseEvaluation, audience: Audience, now: Date) {
        let shareIdentity = audience == .counselor || item.consentShareIdentity
        id = item.id.description
        self.audience = audience.rawValue
        status = item.status.rawValue
        channel = item.channel.rawValue
        receivedAt = DateText.timestamp(item.receivedAt)
        incidentFirst = DateText.day(item.incidentFirst)
        incidentLast = DateText.day(item.incidentLast)
        outsideSixMonthWindow = evaluation.outsideWindow
        relationship = item.relationship.rawValue
        categories = item.categories
        grounds = item.grounds
        conductTags = item.conductTags
        childInvolved = item.childInvolved
        consentShareIdentity = item.consentShareIdentity
        reporter = ReporterPart(
            pseudonym: item.reporter.pseudonym, anonymous: item.reporter.anonymous,
            name: shareIdentity ? item.reporter.name : nil,
            contact: audience == .counselor ? item.reporter.contact : nil,
            identityWithheld: !shareIdentity && !item.reporter.anonymous)
        reported = item.reported.map { PartyPart(name: $0.name, role: $0.role, power: $0.power.rawValue) }
        narrative = item.narrative
        supportNeeds = audience == .counselor ? item.supportNeeds : ""
        assessment = item.assessment
        let s = evaluation.score
        score = ScorePart(
            value: s.value, band: s.band?.rawValue, severe: s.severe, pervasive: s.pervasive,
            severeOrPervasive: s.severeOrPervasive, overrides: s.overrides, suggestEscalation: s.suggestEscalation,
            lines: s.lines)
        escalationLevel = item.escalationLevel?.rawValue
        screeningReason = item.screeningReason
        outcome = item.outcome?.rawValue
        deadlines = evaluation.deadlines.map {
            DeadlinePart(kind: $0.kind.rawValue, label: $0.kind.label, due: DateText.timestamp($0.due),
                         overdue: $0.isOverdue(at: now), metAt: $0.metAt.map(DateText.timestamp), metLate: $0.wasMetLate)
        }
        let visible: (JournalEntry) -> Bool = { entry in
            audience == .counselor || [.status, .assessment, .escalation, .decision].contains(entry.kind)
        }
        journal = item.journal.filter(visible).map {
            JournalPart(at: DateText.timestamp($0.at), kind: $0.kind.rawValue, author: $0.author, text: $0.text)
        }
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
