import Foundation

/// How a report reached the counselor.
public enum Channel: String, CaseIterable, Codable, Sendable {
    case complaint
    /// The anonymous whistleblowing channel: exempt from the six-month window.
    case whistleblowing
    case referral
    case walkIn = "walk-in"

    public var label: String {
        switch self {
        case .complaint: "Complaint"
        case .whistleblowing: "Whistleblowing (anonymous)"
        case .referral: "Referral"
        case .walkIn: "Walk-in"
        }
    }
}

/// The reporter's relationship to the organisation.
public enum Relationship: String, CaseIterable, Codable, Sendable {
    case staff, volunteer, intern, consultant, partner, grantee, donor, supplier, beneficiary, other

    public var label: String {
        switch self {
        case .beneficiary: "Beneficiary / person of concern"
        case .other: "Other stakeholder"
        default: rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }
}

/// The power the reported person holds relative to the reporter (mirrors the power factor's anchors).
public enum PowerRelation: String, CaseIterable, Codable, Sendable {
    case reporterMore = "reporter-more"
    case peer
    case senior
    case supervisor
    case controlsLivelihood = "controls-livelihood"

    public var label: String {
        switch self {
        case .reporterMore: "reporter holds more power"
        case .peer: "peer"
        case .senior: "senior colleague / informal influence"
        case .supervisor: "direct supervisor / controls contract"
        case .controlsLivelihood: "controls livelihood, aid, residence or legal status"
        }
    }
}

/// The rungs of the escalation ladder in the codes of conduct, lowest first.
public enum EscalationLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case complaintsTeam = "complaints-team"
    case headOfDepartment = "head-of-department"
    case higherManagement = "higher-management"
    case externalCommittee = "external-committee"

    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public var label: String {
        switch self {
        case .complaintsTeam: "Complaints team"
        case .headOfDepartment: "Head of department"
        case .higherManagement: "Higher management"
        case .externalCommittee: "External complaints committee"
        }
    }

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

    public var label: String {
        rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst
    }
}

/// What was done about a substantiated case.
public enum Measure: String, CaseIterable, Codable, Sendable {
    case training, counselling
    case writtenWarning = "written-warning"
    case disciplinaryAction = "disciplinary-action"
    case dismissal, referral, other

    public var label: String {
        rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst
    }
}

/// What the reporter wants to happen. The escalation ladder is climbed at the reporter's request
/// (`formal` or `escalate`), or on a recorded duty to act.
public enum Wishes: String, CaseIterable, Codable, Sendable {
    case listenOnly = "listen-only"
    case informal
    case formal
    case escalate

    public var label: String {
        switch self {
        case .listenOnly: "Listen only"
        case .informal: "Informal resolution"
        case .formal: "Formal procedure"
        case .escalate: "Escalate"
        }
    }

    /// Whether these wishes ask for the matter to be taken up the ladder.
    public var allowsEscalation: Bool { self == .formal || self == .escalate }
}

extension String {
    /// The string with its first letter upper-cased and the rest untouched.
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
