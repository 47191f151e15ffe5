import Foundation

/// Deadlines, windows, retention and idle lock, read from `Data/policy.json`.
public struct Policy: Equatable, Sendable, Decodable {
    public struct FirstContact: Equatable, Sendable, Decodable {
        public var criticalHours: Int
        public var highHours: Int
        public var otherHours: Int
    }

    public struct Retention: Equatable, Sendable, Decodable {
        /// Days a closed case is kept when its outcome has no period of its own.
        public var closedCaseDays: Int
        /// Days kept per outcome id (see ``Outcome``).
        public var byOutcomeDays: [String: Int]

        public func days(for outcome: Outcome?) -> Int {
            outcome.flatMap { byOutcomeDays[$0.rawValue] } ?? closedCaseDays
        }
    }

    /// The organisation's name as it appears in letters.
    public var organisationName: String?
    public var acknowledgeWithinDays: Int
    public var firstContact: FirstContact
    public var followUpEveryDays: Int
    public var feedbackWithinMonths: Int
    public var complaintWindowMonths: Int
    public var dueSoonHours: Int
    public var idleLockMinutes: Int
    public var retention: Retention
    /// Days within which the reporter is told of a disclosure made without their consent (default 2).
    public var tellReporterWithinDays: Int { tellReporterDays ?? 2 }
    var tellReporterDays: Int?
    /// Days within which the counselor acts on a supervisor's review (default 2).
    public var actOnReviewWithinDays: Int { actOnReviewDays ?? 2 }
    var actOnReviewDays: Int?
    /// Whom to call when someone is in danger now; every letter to a reporter carries them. In policy.json either
    /// one list for every language, or lists by language (`{"en": [...], "fr": [...]}`); this is the English one.
    public var urgentSafetyContacts: [String]
    /// The contacts by language, when policy.json gives them so.
    public var urgentSafetyContactsByLanguage: [String: [String]] = [:]
    /// The desk's language (`en`, `fr`) when the organisation sets one; `--lang` overrides it, and without it
    /// the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`) decides.
    public var language: String?

    /// The safety contacts written in `language`, else the English ones.
    public func urgentSafetyContacts(in language: String) -> [String] {
        urgentSafetyContactsByLanguage[language] ?? urgentSafetyContacts
    }

    enum CodingKeys: String, CodingKey {
        case organisationName, acknowledgeWithinDays, firstContact, followUpEveryDays, feedbackWithinMonths,
             complaintWindowMonths, dueSoonHours, idleLockMinutes, retention, urgentSafetyContacts, language
        case tellReporterDays = "tellReporterWithinDays"
        case actOnReviewDays = "actOnReviewWithinDays"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        organisationName = try c.decodeIfPresent(String.self, forKey: .organisationName)
        acknowledgeWithinDays = try c.decode(Int.self, forKey: .acknowledgeWithinDays)
        firstContact = try c.decode(FirstContact.self, forKey: .firstContact)
        followUpEveryDays = try c.decode(Int.self, forKey: .followUpEveryDays)
        feedbackWithinMonths = try c.decode(Int.self, forKey: .feedbackWithinMonths)
        complaintWindowMonths = try c.decode(Int.self, forKey: .complaintWindowMonths)
        dueSoonHours = try c.decode(Int.self, forKey: .dueSoonHours)
        idleLockMinutes = try c.decode(Int.self, forKey: .idleLockMinutes)
        retention = try c.decode(Retention.self, forKey: .retention)
        tellReporterDays = try c.decodeIfPresent(Int.self, forKey: .tellReporterDays)
        actOnReviewDays = try c.decodeIfPresent(Int.self, forKey: .actOnReviewDays)
        if let byLanguage = try? c.decodeIfPresent([String: [String]].self, forKey: .urgentSafetyContacts) {
            urgentSafetyContactsByLanguage = byLanguage
            urgentSafetyContacts = byLanguage["en"] ?? byLanguage.sorted { $0.key < $1.key }.first?.value ?? []
        } else {
            urgentSafetyContacts = try c.decodeIfPresent([String].self, forKey: .urgentSafetyContacts) ?? []
        }
        language = try c.decodeIfPresent(String.self, forKey: .language)
    }

    public static func load(from data: Data) throws -> Policy {
        let policy: Policy
        do {
            policy = try JSONDecoder().decode(Policy.self, from: data)
        } catch {
            throw ConfigurationError.malformed(file: "policy.json", detail: ConfigurationError.describe(error))
        }
        let positives = [policy.acknowledgeWithinDays, policy.firstContact.criticalHours, policy.firstContact.highHours,
                         policy.firstContact.otherHours, policy.followUpEveryDays, policy.feedbackWithinMonths,
                         policy.complaintWindowMonths, policy.retention.closedCaseDays, policy.tellReporterWithinDays,
                         policy.actOnReviewWithinDays]
        guard positives.allSatisfy({ $0 > 0 }) else {
            throw ConfigurationError.invalid(file: "policy.json", detail: .key("config.periods-positive"))
        }
        return policy
    }

    public func firstContactHours(for band: Band?) -> Int {
        switch band {
        case .critical?: firstContact.criticalHours
        case .high?: firstContact.highHours
        default: firstContact.otherHours
        }
    }
}
