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

    public static func load(from data: Data) throws -> Policy {
        let policy: Policy
        do {
            policy = try JSONDecoder().decode(Policy.self, from: data)
        } catch {
            throw ConfigurationError.malformed(file: "policy.json", detail: ConfigurationError.describe(error))
        }
        let positives = [policy.acknowledgeWithinDays, policy.firstContact.criticalHours, policy.firstContact.highHours,
                         policy.firstContact.otherHours, policy.followUpEveryDays, policy.feedbackWithinMonths,
                         policy.complaintWindowMonths, policy.retention.closedCaseDays]
        guard positives.allSatisfy({ $0 > 0 }) else {
            throw ConfigurationError.invalid(file: "policy.json", detail: "every period must be positive")
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
