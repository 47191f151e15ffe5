import Foundation

/// The person who made the report. The pseudonym is shown everywhere; name and contact are sealed at rest.
public struct Reporter: Equatable, Sendable, Codable {
    public var pseudonym: String
    public var anonymous: Bool
    public var name: String?
    public var contact: String?

    public init(pseudonym: String, anonymous: Bool = false, name: String? = nil, contact: String? = nil) {
        self.pseudonym = pseudonym
        self.anonymous = anonymous
        self.name = anonymous ? nil : name
        self.contact = anonymous ? nil : contact
    }

    /// The reporter as a reader without access to identity sees them.
    public var pseudonymised: Reporter { Reporter(pseudonym: pseudonym, anonymous: anonymous) }
}

/// The person the conduct was aimed at, when the report was made by someone else (a witness, a third party).
/// When a case has none, the reporter is the affected person. Sealed and redacted exactly like the reporter.
public struct AffectedPerson: Equatable, Sendable, Codable {
    public var pseudonym: String
    public var name: String?
    public var contact: String?

    public init(pseudonym: String, name: String? = nil, contact: String? = nil) {
        self.pseudonym = pseudonym
        self.name = name
        self.contact = contact
    }

    /// As a reader without access to identity sees them.
    public var pseudonymised: AffectedPerson { AffectedPerson(pseudonym: pseudonym) }
}

/// A person the report is about.
public struct ReportedPerson: Equatable, Sendable, Codable {
    public var name: String
    public var role: String
    public var power: PowerRelation

    public init(name: String, role: String, power: PowerRelation) {
        self.name = name
        self.role = role
        self.power = power
    }

    /// The name folded for matching the same person across cases (case, accents and spacing ignored).
    public var matchKey: String { Self.matchKey(for: name) }

    public static func matchKey(for name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace || $0 == "." || $0 == "," })
            .joined(separator: " ")
    }
}
