import Foundation

/// How a report reached the counselor.
public enum Channel: String, CaseIterable, Codable, Sendable {
    case complaint
    /// The anonymous whistleblowing channel: exempt from the six-month window.
    case whistleblowing
    case referral
    case walkIn = "walk-in"

    /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
    public var label: String { Catalogue.english.label(self) }
}

/// The reporter's relationship to the organisation.
public enum Relationship: String, CaseIterable, Codable, Sendable {
    case staff, volunteer, intern, consultant, partner, grantee, donor, supplier, beneficiary, other

    /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
    public var label: String { Catalogue.english.label(self) }
}

/// The power the reported person holds relative to the reporter (mirrors the power factor's anchors).
public enum PowerRelation: String, CaseIterable, Codable, Sendable {
    case reporterMore = "reporter-more"
    case peer
    case senior
    case supervisor
    case controlsLivelihood = "controls-livelihood"

    /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
    public var label: String { Catalogue.english.label(self) }
}

/// The rungs of the escalation ladder in the codes of conduct, lowest first.
public enum EscalationLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case complaintsTeam = "complaints-team"
    case headOfDepartment = "head-of-department"
    case higherManagement = "higher-management"
    case externalCommittee = "external-committee"

    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
    public var label: String { Catalogue.english.label(self) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// How a closed case ended; retention periods are set per outcome.
public enum Outcome: String, CaseIterable, Codable, Sendable {
    case substantiated
    case unsubstantiated
    case resolvedInformally = "resolved-informally"
    case referredToLawEnforcement = "referred-to-law-enforcement"
    case noFurtherAction = "no-further-action"
    /// The reporter could no longer be reached and the case could not go on.
    case lostContact = "lost-contact"

    /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
    public var label: String { Catalogue.english.label(self) }
}

/// What was done about a substantiated case.
public enum Measure: String, CaseIterable, Codable, Sendable {
    case training, counselling
    case writtenWarning = "written-warning"
    case disciplinaryAction = "disciplinary-action"
    case dismissal, referral, other

    /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
    public var label: String { Catalogue.english.label(self) }
}

/// What the reporter wants to happen. The escalation ladder is climbed at the reporter's request
/// (`formal` or `escalate`), or on a recorded duty to act.
public enum Wishes: String, CaseIterable, Codable, Sendable {
    case listenOnly = "listen-only"
    case informal
    case formal
    case escalate

    /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
    public var label: String { Catalogue.english.label(self) }

    /// Whether these wishes ask for the matter to be taken up the ladder.
    public var allowsEscalation: Bool { self == .formal || self == .escalate }
}

extension String {
    /// The string with its first letter upper-cased and the rest untouched.
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
