import Foundation

/// A correction or completion of a case after intake: a partial object with the field names of ``CaseIntake``.
/// Fields left out are unchanged; `reported` and the other lists are replaced whole; `affected: null` says the
/// reporter is the affected person after all. The workflow (status, ratings, escalation, journal) is not edited here.
public struct CaseEdit: Equatable, Sendable, Decodable {
    public var channel: Channel?
    public var incidentFirst: String?
    public var incidentLast: String?
    public var reporter: CaseIntake.ReporterInput?
    /// `.some(nil)` removes the affected person.
    public var affected: CaseIntake.AffectedInput??
    public var relationship: Relationship?
    public var reported: [ReportedPerson]?
    public var categories: [String]?
    public var grounds: [String]?
    public var conductTags: [String]?
    public var childInvolved: Bool?
    public var consentShareIdentity: Bool?
    public var narrative: String?
    public var supportNeeds: String?
    public var wishes: Wishes?
    /// Days between follow-ups agreed for this case; `.some(nil)` returns to the policy's default.
    public var followUpEveryDays: Int??
    /// The language of letters to the reporter (`fr`, `ar`).
    public var language: String?

    public init(
        channel: Channel? = nil, incidentFirst: String? = nil, incidentLast: String? = nil,
        reporter: CaseIntake.ReporterInput? = nil, affected: CaseIntake.AffectedInput?? = nil,
        relationship: Relationship? = nil, reported: [ReportedPerson]? = nil, categories: [String]? = nil,
        grounds: [String]? = nil, conductTags: [String]? = nil, childInvolved: Bool? = nil,
        consentShareIdentity: Bool? = nil, narrative: String? = nil, supportNeeds: String? = nil, wishes: Wishes? = nil,
        followUpEveryDays: Int?? = nil, language: String? = nil
    ) {
        self.followUpEveryDays = followUpEveryDays
        self.language = language
        self.channel = channel
        self.incidentFirst = incidentFirst
        self.incidentLast = incidentLast
        self.reporter = reporter
        self.affected = affected
        self.relationship = relationship
        self.reported = reported
        self.categories = categories
        self.grounds = grounds
        self.conductTags = conductTags
        self.childInvolved = childInvolved
        self.consentShareIdentity = consentShareIdentity
        self.narrative = narrative
        self.supportNeeds = supportNeeds
        self.wishes = wishes
    }

    enum CodingKeys: String, CodingKey {
        case channel, incidentFirst, incidentLast, reporter, affected, relationship, reported, categories, grounds,
             conductTags, childInvolved, consentShareIdentity, narrative, supportNeeds, wishes, followUpEveryDays, language
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        channel = try c.decodeIfPresent(Channel.self, forKey: .channel)
        incidentFirst = try c.decodeIfPresent(String.self, forKey: .incidentFirst)
        incidentLast = try c.decodeIfPresent(String.self, forKey: .incidentLast)
        reporter = try c.decodeIfPresent(CaseIntake.ReporterInput.self, forKey: .reporter)
        if c.contains(.affected) {
            affected = .some(try c.decodeNil(forKey: .affected) ? nil : try c.decode(CaseIntake.AffectedInput.self, forKey: .affected))
        }
        relationship = try c.decodeIfPresent(Relationship.self, forKey: .relationship)
        reported = try c.decodeIfPresent([ReportedPerson].self, forKey: .reported)
        categories = try c.decodeIfPresent([String].self, forKey: .categories)
        grounds = try c.decodeIfPresent([String].self, forKey: .grounds)
        conductTags = try c.decodeIfPresent([String].self, forKey: .conductTags)
        childInvolved = try c.decodeIfPresent(Bool.self, forKey: .childInvolved)
        consentShareIdentity = try c.decodeIfPresent(Bool.self, forKey: .consentShareIdentity)
        narrative = try c.decodeIfPresent(String.self, forKey: .narrative)
        supportNeeds = try c.decodeIfPresent(String.self, forKey: .supportNeeds)
        wishes = try c.decodeIfPresent(Wishes.self, forKey: .wishes)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        if c.contains(.followUpEveryDays) {
            followUpEveryDays = .some(try c.decodeNil(forKey: .followUpEveryDays) ? nil : try c.decode(Int.self, forKey: .followUpEveryDays))
        }
    }

    /// Decodes an edit, refusing unknown keys (naming the nearest known one) and workflow fields.
    public static func decode(_ data: Data) throws -> CaseEdit {
        try StrictJSON.check(data, against: StrictJSON.edit)
        do {
            return try JSONDecoder().decode(CaseEdit.self, from: data)
        } catch {
            throw CaseError.invalidField(field: .key("field.json-input"), problem: .key("problem.not-an-edit", ["detail": ConfigurationError.describe(error)]))
        }
    }

    /// The edit that changes only the consent to share identity.
    public static func consent(_ given: Bool) -> CaseEdit { CaseEdit(consentShareIdentity: given) }
}

extension Case {
    /// Applies an edit: validates the result as intake would, then journals one `edit` entry naming each field that
    /// changed with its old and new value (the journal is sealed). Throws ``CaseError/nothingChanged`` when the
    /// edit leaves the case as it was.
    ///
    /// - Returns: the names of the fields that changed.
    @discardableResult
    public mutating func apply(_ edit: CaseEdit, taxonomy: Taxonomy, affectedPseudonym: String, by author: String, at now: Date) throws -> [String] {
        guard status.isOpen else { throw CaseError.caseIsTerminal(status) }
        var next = self
        if let channel = edit.channel { next.channel = channel }
        if let text = edit.incidentFirst { next.incidentFirst = try CaseIntake.date(text, field: .key("field.incident-first")) }
        if let text = edit.incidentLast { next.incidentLast = try CaseIntake.date(text, field: .key("field.incident-last")) }
        if let input = edit.reporter {
            let anonymous = input.anonymous ?? next.reporter.anonymous
            let pseudonym = input.pseudonym?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? next.reporter.pseudonym
            let name = input.name.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? next.reporter.name
            let contact = input.contact ?? next.reporter.contact
            next.reporter = Reporter(pseudonym: pseudonym, anonymous: anonymous, name: name?.nilIfEmpty, contact: contact?.nilIfEmpty)
        }
        if let change = edit.affected {
            if let input = change {
                let current = next.affected
                let pseudonym = input.pseudonym?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? current?.pseudonym ?? affectedPseudonym
                let name = input.name.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? current?.name
                next.affected = AffectedPerson(pseudonym: pseudonym, name: name?.nilIfEmpty,
                                               contact: (input.contact ?? current?.contact)?.nilIfEmpty)
            } else {
                next.affected = nil
            }
        }
        if let relationship = edit.relationship { next.relationship = relationship }
        if let reported = edit.reported { next.reported = reported }
        if let categories = edit.categories { next.categories = categories }
        if let grounds = edit.grounds { next.grounds = grounds }
        if let tags = edit.conductTags { next.conductTags = tags }
        if let child = edit.childInvolved { next.childInvolved = child }
        if let consent = edit.consentShareIdentity { next.consentShareIdentity = consent }
        if let narrative = edit.narrative { next.narrative = narrative.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let support = edit.supportNeeds { next.supportNeeds = support }
        if let wishes = edit.wishes { next.wishes = wishes }
        if let language = edit.language?.trimmingCharacters(in: .whitespaces).lowercased().nilIfEmpty { next.language = language }
        if let days = edit.followUpEveryDays {
            if let days { try Case.checkFollowUpInterval(days) }
            next.followUpEveryDays = days
        }
        try next.validateRecord(taxonomy: taxonomy)

        let changes = changes(to: next, taxonomy: taxonomy)
        guard !changes.isEmpty else { throw CaseError.nothingChanged }
        self = next
        appendJournal(JournalEntry(at: now, kind: .edit, author: author, phrase: .key("entry.edited", [
            "fields": .text(changes.map(\.field).joined(separator: ", ")), "changes": .semicolons(changes.map(\.text)),
        ])))
        return changes.map(\.field)
    }

    /// The rules every case record meets, at intake and after an edit.
    func validateRecord(taxonomy: Taxonomy) throws {
        guard incidentLast >= incidentFirst else {
            throw CaseError.invalidField(field: .key("field.incident-last"), problem: .key("problem.before-first-incident"))
        }
        guard incidentFirst <= receivedAt.addingTimeInterval(86_400) else {
            throw CaseError.invalidField(field: .key("field.incident-first"), problem: .key("problem.after-receipt"))
        }
        guard !narrative.isEmpty else { throw CaseError.invalidField(field: .key("field.narrative"), problem: .key("problem.empty")) }
        guard !categories.isEmpty else { throw CaseError.invalidField(field: .key("field.categories"), problem: .key("problem.no-category")) }
        try taxonomy.validate(categories: categories, grounds: grounds, conductTags: conductTags)
        for person in reported where person.name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CaseError.invalidField(field: .key("field.reported-name"), problem: .key("problem.empty"))
        }
        if !reporter.anonymous, reporter.name?.isEmpty ?? true {
            throw CaseError.invalidField(field: .key("field.reporter-name"), problem: .key("problem.name-empty"))
        }
    }

    /// A changed field (by its name in a case edit, `reporter.name`) and the words of the change.
    struct FieldChange { var field: String; var text: Phrase }

    /// Each field that differs in `other`, with its old and new value.
    func changes(to other: Case, taxonomy: Taxonomy) -> [FieldChange] {
        var result: [FieldChange] = []
        func note<T: Equatable>(_ field: String, _ old: T, _ new: T, _ show: (T) -> Phrase) {
            guard old != new else { return }
            result.append(FieldChange(field: field, text: .key("entry.change", ["field": .text(field), "old": show(old), "new": show(new)])))
        }
        let none = Phrase.key("entry.none")
        func quoted(_ text: String?) -> Phrase { text.map { .text("\"\($0)\"") } ?? none }
        func list(_ items: [String]) -> Phrase { items.isEmpty ? none : .text(items.joined(separator: ", ")) }
        func yesNo(_ value: Bool) -> Phrase { .key(value ? "word.yes" : "word.no") }
        note("channel", channel, other.channel) { .id($0) }
        note("incidentFirst", incidentFirst, other.incidentFirst) { .text(DateText.day($0)) }
        note("incidentLast", incidentLast, other.incidentLast) { .text(DateText.day($0)) }
        note("reporter.pseudonym", reporter.pseudonym, other.reporter.pseudonym) { quoted($0) }
        note("reporter.anonymous", reporter.anonymous, other.reporter.anonymous, yesNo)
        note("reporter.name", reporter.name, other.reporter.name) { quoted($0) }
        note("reporter.contact", reporter.contact, other.reporter.contact) { quoted($0) }
        note("affected", affected, other.affected) { person in
            person.map { .text("\($0.pseudonym) (\([$0.name, $0.contact].compactMap { $0 }.joined(separator: ", ")))") }
                ?? .key("entry.the-reporter")
        }
        note("relationship", relationship, other.relationship) { .id($0) }
        note("reported", reported, other.reported) { people in
            people.isEmpty ? none : .semicolons(people.map {
                .key("entry.reported-person", ["name": .text($0.name), "role": .text($0.role), "power": .id($0.power)])
            })
        }
        note("categories", categories, other.categories, list)
        note("grounds", grounds, other.grounds, list)
        note("conductTags", conductTags, other.conductTags, list)
        note("childInvolved", childInvolved, other.childInvolved, yesNo)
        if consentShareIdentity != other.consentShareIdentity {
            result.append(FieldChange(field: "consentShareIdentity",
                                      text: .key(other.consentShareIdentity ? "entry.consent-given" : "entry.consent-withdrawn")))
        }
        note("narrative", narrative, other.narrative) { quoted($0) }
        note("supportNeeds", supportNeeds, other.supportNeeds) { quoted($0) }
        note("wishes", wishes, other.wishes) { $0.map { .id($0) } ?? .key("entry.not-recorded") }
        note("followUpEveryDays", followUpEveryDays, other.followUpEveryDays) {
            $0.map { .key("entry.days", ["days": .text(String($0))]) } ?? .key("entry.policy-default")
        }
        note("language", language, other.language) { $0.map(Phrase.text) ?? .key("entry.desk-language") }
        return result
    }
}
