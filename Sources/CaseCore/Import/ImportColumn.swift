import Foundation

/// The columns of an import CSV (documented in `docs/IMPORT.md`), with the matching JSON field of ``CaseIntake``.
public enum ImportColumn: String, CaseIterable, Sendable {
    case externalRef = "external_ref"
    case receivedAt = "received_at"
    case channel
    case incidentFirst = "incident_first"
    case incidentLast = "incident_last"
    case reporterPseudonym = "reporter_pseudonym"
    case reporterAnonymous = "reporter_anonymous"
    case reporterName = "reporter_name"
    case reporterContact = "reporter_contact"
    case relationship
    case reportedName = "reported_name"
    case reportedRole = "reported_role"
    case reportedPower = "reported_power"
    case categories
    case grounds
    case conductTags = "conduct_tags"
    case childInvolved = "child_involved"
    case consentShareIdentity = "consent_share_identity"
    case narrative
    case supportNeeds = "support_needs"
    /// The language of letters to the reporter (`fr`, `ar`).
    case language
    case status
    case frequency, severity, threat, wellbeing, power
    case escalationLevel = "escalation_level"
    case screeningReason = "screening_reason"
    case outcome

    /// Columns every file must have.
    public static let required: [ImportColumn] = [.channel, .incidentFirst, .relationship, .categories, .narrative]

    /// The five factor columns: all or none in a row.
    public static let factors: [ImportColumn] = [.frequency, .severity, .threat, .wellbeing, .power]

    /// The field of a JSON intake this column fills.
    public var jsonField: String {
        switch self {
        case .externalRef: "externalRef"
        case .receivedAt: "receivedAt"
        case .incidentFirst: "incidentFirst"
        case .incidentLast: "incidentLast"
        case .reporterPseudonym: "reporter.pseudonym"
        case .reporterAnonymous: "reporter.anonymous"
        case .reporterName: "reporter.name"
        case .reporterContact: "reporter.contact"
        case .reportedName: "reported.name"
        case .reportedRole: "reported.role"
        case .reportedPower: "reported.power"
        case .conductTags: "conductTags"
        case .childInvolved: "childInvolved"
        case .consentShareIdentity: "consentShareIdentity"
        case .supportNeeds: "supportNeeds"
        case .escalationLevel: "escalationLevel"
        case .screeningReason: "screeningReason"
        case .frequency, .severity, .threat, .wellbeing, .power: "assessment." + rawValue
        default: rawValue
        }
    }

    /// A header cell as written by a person: case, spaces and hyphens do not matter.
    public init?(header: String) {
        let key = header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        self.init(rawValue: key)
    }

    /// The column a validation error of ``CaseIntake/makeCase(id:now:pseudonym:taxonomy:)`` or of the workflow replay
    /// is about, when it can be told.
    public static func blamed(by error: CaseError) -> ImportColumn? {
        switch error {
        case let .invalidField(field, _):
            switch field {
            case .key("field.received-at", _): .receivedAt
            case .key("field.incident-first", _): .incidentFirst
            case .key("field.incident-last", _): .incidentLast
            case .key("field.narrative", _): .narrative
            case .key("field.categories", _): .categories
            case .key("field.reported-name", _): .reportedName
            case .key("field.reporter-name", _): .reporterName
            case .key("field.language", _): .language
            default: nil
            }
        case .unknownCategory: .categories
        case .unknownGround: .grounds
        case .unknownConductTag: .conductTags
        case .unknownScreeningReason: .screeningReason
        case let .factorOutOfRange(factor, _): ImportColumn(rawValue: factor)
        case .illegalTransition, .reasonRequired, .caseIsTerminal: .status
        case .escalationNotHigher, .escalationSkipsRung, .escalationNotRequested: .escalationLevel
        case .outcomeRequired, .measuresRequired, .measuresWithoutSubstantiation: ImportColumn(rawValue: "outcome")
        case .overrideNeedsConfirmation, .notReopenable, .notUnderReview: .status
        case .emptyJournalText, .partyRequired, .partyOutOfRange, .nothingChanged, .unknownKey: nil
        }
    }
}
