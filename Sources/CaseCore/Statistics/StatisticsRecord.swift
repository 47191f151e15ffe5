import Foundation

/// The unsealed facts about one case that the statistics report counts. No name, id, pseudonym or free text:
/// a record cannot identify anyone on its own, and nothing in it can leak into a report.
public struct StatisticsRecord: Equatable, Sendable {
    public var receivedAt: Date
    public var channel: Channel
    public var relationship: Relationship
    public var categories: [String]
    public var band: Band?
    public var status: CaseStatus
    public var escalationLevel: EscalationLevel?
    public var acknowledgedAt: Date?
    /// The first journal entry that counts as being in touch with the reporter (see ``JournalEntry/Kind/isContact``).
    public var firstContactAt: Date?
    /// The earliest deadline still owed, as the queue has it.
    public var nextDeadline: Deadline?

    public init(
        receivedAt: Date, channel: Channel, relationship: Relationship, categories: [String], band: Band?,
        status: CaseStatus, escalationLevel: EscalationLevel?, acknowledgedAt: Date?, firstContactAt: Date?,
        nextDeadline: Deadline?
    ) {
        self.receivedAt = receivedAt
        self.channel = channel
        self.relationship = relationship
        self.categories = categories
        self.band = band
        self.status = status
        self.escalationLevel = escalationLevel
        self.acknowledgedAt = acknowledgedAt
        self.firstContactAt = firstContactAt
        self.nextDeadline = nextDeadline
    }
}
