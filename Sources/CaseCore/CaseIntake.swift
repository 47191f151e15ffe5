import Foundation

/// A new report as it arrives from the intake form, `add --json`, an import or the demo data.
///
/// Workflow fields (`status`, `assessment`, `journal`…) are optional and only used when bringing in a case
/// that was already being worked elsewhere; they are replayed through the legal workflow, never set directly.
public struct CaseIntake: Equatable, Sendable, Decodable {
    public struct ReporterInput: Equatable, Sendable, Decodable {
        public var pseudonym: String?
        public var anonymous: Bool?
        public var name: String?
        public var contact: String?

        public init(pseudonym: String? = nil, anonymous: Bool? = nil, name: String? = nil, contact: String? = nil) {
            self.pseudonym = pseudonym
            self.anonymous = anonymous
            self.name = name
            self.contact = contact
        }
    }

    /// The person affected, when a witness or third party reports; sealed and redacted like the reporter.
    public struct AffectedInput: Equatable, Sendable, Decodable {
        public var pseudonym: String?
        public var name: String?
        public var contact: String?

        public init(pseudonym: String? = nil, name: String? = nil, contact: String? = nil) {
            self.pseudonym = pseudonym
            self.name = name
            self.contact = contact
        }
    }

    public struct JournalInput: Equatable, Sendable, Decodable {
        public var at: String
        public var kind: JournalEntry.Kind
        public var text: String
        /// For due-process entries: the reported person, 1-based in `reported` order.
        public var party: Int?

        public init(at: String, kind: JournalEntry.Kind, text: String, party: Int? = nil) {
            self.at = at
            self.kind = kind
            self.text = text
            self.party = party
        }
    }

    public var receivedAt: String?
    public var channel: Channel
    public var incidentFirst: String
    public var incidentLast: String?
    public var reporter: ReporterInput
    public var affected: AffectedInput?
    public var relationship: Relationship
    public var reported: [ReportedPerson]
    public var categories: [String]
    public var grounds: [String]?
    public var conductTags: [String]?
    public var childInvolved: Bool?
    public var consentShareIdentity: Bool?
    public var narrative: String
    public var supportNeeds: String?
    public var wishes: Wishes?
    /// The language of letters to the reporter; nil for the desk's.
    public var language: String?
    /// Days between follow-ups agreed with the reporter; left out, the policy's `followUpEveryDays`.
    public var followUpEveryDays: Int?
    public var assessment: FactorRatings?
    public var status: CaseStatus?
    public var escalationLevel: EscalationLevel?
    public var screeningReason: String?
    public var outcome: Outcome?
    public var measures: [Measure]?
    public var journal: [JournalInput]?

    public init(
        receivedAt: String? = nil, channel: Channel, incidentFirst: String, incidentLast: String? = nil,
        reporter: ReporterInput, relationship: Relationship, reported: [ReportedPerson], categories: [String],
        grounds: [String]? = nil, conductTags: [String]? = nil, childInvolved: Bool? = nil,
        consentShareIdentity: Bool? = nil, narrative: String, supportNeeds: String? = nil, affected: AffectedInput? = nil,
        wishes: Wishes? = nil
    ) {
        self.affected = affected
        self.wishes = wishes
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
    }

    /// Decodes one intake from JSON, with a readable error naming the field at fault. A key Confidant does not know
    /// is refused, naming the nearest known one, so a misspelled field is never silently dropped.
    public static func decode(_ data: Data) throws -> CaseIntake {
        try StrictJSON.check(data, against: StrictJSON.intake)
        do {
            return try JSONDecoder().decode(CaseIntake.self, from: data)
        } catch {
            throw CaseError.invalidField(field: .key("field.json-input"), problem: .key("problem.not-a-case", ["detail": ConfigurationError.describe(error)]))
        }
    }

    /// Checks the intake and builds the new case at status `new`.
    ///
    /// - Parameters:
    ///   - id: the id the store assigned.
    ///   - now: used as received-at when the intake gives none.
    ///   - pseudonym: used when the intake gives none.
    ///   - affectedPseudonym: used for the affected person when the intake names one without a pseudonym.
    public func makeCase(id: CaseID, now: Date, pseudonym fallbackPseudonym: String, affectedPseudonym: String? = nil,
                         taxonomy: Taxonomy) throws -> Case {
        let received = try receivedAt.map { try Self.date($0, field: .key("field.received-at")) } ?? now
        let first = try Self.date(incidentFirst, field: .key("field.incident-first"))
        let last = try incidentLast.map { try Self.date($0, field: .key("field.incident-last")) } ?? first
        guard received <= now.addingTimeInterval(86_400) else {
            throw CaseError.invalidField(field: .key("field.received-at"), problem: .key("problem.in-future"))
        }
        let anonymous = reporter.anonymous ?? (channel == .whistleblowing)
        let name = reporter.name?.trimmingCharacters(in: .whitespacesAndNewlines)
        let pseudonym = reporter.pseudonym?.trimmingCharacters(in: .whitespaces)
        let affectedPerson = try affected.map { input -> AffectedPerson in
            let given = input.pseudonym?.trimmingCharacters(in: .whitespaces) ?? ""
            let name = input.name?.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !(name ?? "").isEmpty || !(input.contact ?? "").isEmpty || !given.isEmpty else {
                throw CaseError.invalidField(field: .key("field.affected-person"), problem: .key("problem.affected-empty"))
            }
            return AffectedPerson(pseudonym: given.isEmpty ? (affectedPseudonym ?? fallbackPseudonym + " (affected)") : given,
                                  name: name?.nilIfEmpty, contact: input.contact?.nilIfEmpty)
        }
        if let measures, !measures.isEmpty, outcome != .substantiated { throw CaseError.measuresWithoutSubstantiation }
        var item = Case(
            id: id, receivedAt: received, channel: channel, incidentFirst: first, incidentLast: last,
            reporter: Reporter(
                pseudonym: (pseudonym?.isEmpty ?? true) ? fallbackPseudonym : pseudonym!,
                anonymous: anonymous, name: name, contact: reporter.contact),
            relationship: relationship, reported: reported, categories: categories, grounds: grounds ?? [],
            conductTags: conductTags ?? [], childInvolved: childInvolved ?? false,
            consentShareIdentity: consentShareIdentity ?? false, narrative: narrative.trimmingCharacters(in: .whitespacesAndNewlines),
            supportNeeds: supportNeeds ?? "", affected: affectedPerson, wishes: wishes)
        item.language = language?.trimmingCharacters(in: .whitespaces).lowercased().nilIfEmpty
        // The same rules as a case corrected after intake (``Case/validateRecord(taxonomy:)``).
        try item.validateRecord(taxonomy: taxonomy)
        if let followUpEveryDays { try Case.checkFollowUpInterval(followUpEveryDays) }
        item.followUpEveryDays = followUpEveryDays
        return item
    }

    static func date(_ text: String, field: Phrase) throws -> Date {
        guard let date = DateText.parse(text) else {
            throw CaseError.invalidField(field: field, problem: .key("problem.not-a-date", ["text": .text(text)]))
        }
        return date
    }
}
