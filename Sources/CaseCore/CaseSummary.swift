import Foundation

/// The small, unsealed facts about a case that the triage queue ranks, filters and draws.
public struct CaseSummary: Equatable, Sendable, Identifiable {
    public var id: CaseID
    public var receivedAt: Date
    public var channel: Channel
    public var status: CaseStatus
    public var pseudonym: String
    public var anonymous: Bool
    public var relationship: Relationship
    public var categories: [String]
    public var score: Int?
    public var band: Band?
    public var severeOrPervasive: Bool
    public var escalationLevel: EscalationLevel?
    public var consentShareIdentity: Bool
    public var nextDeadline: Deadline?
    public var outsideWindow: Bool
    public var needsReassignment: Bool

    public init(
        id: CaseID, receivedAt: Date, channel: Channel, status: CaseStatus, pseudonym: String, anonymous: Bool,
        relationship: Relationship, categories: [String], score: Int?, band: Band?, severeOrPervasive: Bool,
        escalationLevel: EscalationLevel?, consentShareIdentity: Bool, nextDeadline: Deadline?, outsideWindow: Bool,
        needsReassignment: Bool = false
    ) {
        self.id = id
        self.receivedAt = receivedAt
        self.channel = channel
        self.status = status
        self.pseudonym = pseudonym
        self.anonymous = anonymous
        self.relationship = relationship
        self.categories = categories
        self.score = score
        self.band = band
        self.severeOrPervasive = severeOrPervasive
        self.escalationLevel = escalationLevel
        self.consentShareIdentity = consentShareIdentity
        self.nextDeadline = nextDeadline
        self.outsideWindow = outsideWindow
        self.needsReassignment = needsReassignment
    }

    public func isOverdue(at now: Date) -> Bool { nextDeadline?.isOverdue(at: now) ?? false }

    /// Lower-cased names shared by every row's search text, computed once per search rather than per row.
    public struct SearchVocabulary: Sendable {
        let categories: [String: String]
        let statuses: [CaseStatus: String]

        /// The taxonomy's names and the statuses' labels in `catalogue`'s language (the desk's), as the queue shows them.
        public init(taxonomy: Taxonomy?, catalogue: Catalogue = .english) {
            categories = Dictionary(uniqueKeysWithValues: (taxonomy?.categories ?? []).map { ($0.id, $0.name.lowercased()) })
            statuses = Dictionary(uniqueKeysWithValues: CaseStatus.allCases.map {
                ($0, "\($0.rawValue)\u{1F}\(catalogue.label($0).lowercased())")
            })
        }
    }

    /// Everything a search looks in, lower-cased: id, pseudonym, status (id and label), categories (ids and names).
    /// Fields are separated by U+001F so a search never matches across two of them.
    public func searchText(_ vocabulary: SearchVocabulary) -> String {
        var text = id.description.lowercased() + "\u{1F}" + pseudonym.lowercased() + "\u{1F}" + (vocabulary.statuses[status] ?? status.rawValue)
        for category in categories {
            text += "\u{1F}" + category + "\u{1F}" + (vocabulary.categories[category] ?? "")
        }
        return text
    }

    /// Queue order: open cases before closed ones; then band (critical, high, unrated, medium, low),
    /// then score high to low, then the oldest deadline first, then id.
    public static func queueOrder(_ a: CaseSummary, _ b: CaseSummary) -> Bool {
        if a.status.isOpen != b.status.isOpen { return a.status.isOpen }
        if a.band.queueRank != b.band.queueRank { return a.band.queueRank < b.band.queueRank }
        if (a.score ?? -1) != (b.score ?? -1) { return (a.score ?? -1) > (b.score ?? -1) }
        let ad = a.nextDeadline?.due ?? .distantFuture, bd = b.nextDeadline?.due ?? .distantFuture
        if ad != bd { return ad < bd }
        return a.id < b.id
    }
}
