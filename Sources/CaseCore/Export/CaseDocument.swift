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

    public struct AffectedPart: Encodable, Sendable {
        public var pseudonym: String
        public var name: String?
        public var contact: String?
        public var identityWithheld: Bool
    }

    public struct PartyPart: Encodable, Sendable {
        public var name: String
        public var role: String
        public var power: String
        /// Due process for this person (informed, account, interim measures, outcome communicated); counselor only.
        public var dueProcess: [JournalPart]
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
    /// The affected person when someone else reported; nil when the reporter is the affected person.
    public var affected: AffectedPart?
    public var wishes: String?
    public var dutyToAct: String?
    public var reported: [PartyPart]
    public var narrative: String
    public var supportNeeds: String
    public var assessment: FactorRatings?
    public var score: ScorePart
    public var escalationLevel: String?
    public var screeningReason: String?
    public var outcome: String?
    public var measures: [String]
    /// Disclosures made without consent (counselor only).
    public var disclosures: [JournalPart]
    public var deadlines: [DeadlinePart]
    public var journal: [JournalPart]

    /// - Parameter catalogue: the language of the document's labels (JSON keys and values stay as they are).
    public init(item: Case, evaluation: CaseEvaluation, audience: Audience, now: Date, catalogue: Catalogue = .english) {
        let shareIdentity = audience == .counselor || item.consentShareIdentity
        let shareReporter = audience == .counselor || SupervisorView.sharesReporterName(item)
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
            name: shareReporter ? item.reporter.name : nil,
            contact: audience == .counselor ? item.reporter.contact : nil,
            identityWithheld: !shareReporter && !item.reporter.anonymous)
        affected = item.affected.map { person in
            AffectedPart(pseudonym: person.pseudonym, name: shareIdentity ? person.name : nil,
                         contact: audience == .counselor ? person.contact : nil,
                         identityWithheld: !shareIdentity && person.name != nil)
        }
        wishes = item.wishes?.rawValue
        dutyToAct = item.dutyToAct
        let part: (JournalEntry) -> JournalPart = {
            JournalPart(at: DateText.timestamp($0.at), kind: $0.kind.rawValue, author: $0.author, text: catalogue.text(of: $0))
        }
        reported = item.reported.enumerated().map { index, person in
            PartyPart(name: person.name, role: person.role, power: person.power.rawValue,
                      dueProcess: audience == .counselor ? item.journal.filter { $0.kind.isDueProcess && $0.party == index }.map(part) : [])
        }
        measures = item.measures.map(\.rawValue)
        disclosures = audience == .counselor
            ? item.journal.filter { [.disclosure, .reporterTold, .tellingDeferred].contains($0.kind) }.map(part) : []
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
            DeadlinePart(kind: $0.kind.rawValue, label: catalogue.label($0.kind), due: DateText.timestamp($0.due),
                         overdue: $0.isOverdue(at: now), metAt: $0.metAt.map(DateText.timestamp), metLate: $0.wasMetLate)
        }
        let visible: (JournalEntry) -> Bool = { entry in
            audience == .counselor || JournalEntry.Kind.supervisorVisible.contains(entry.kind)
        }
        journal = item.journal.filter(visible).map(part)
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
