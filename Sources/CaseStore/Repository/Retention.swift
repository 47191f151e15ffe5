import CaseCore
import Foundation

/// A closed case whose retention period has run out.
public struct PurgeCandidate: Equatable, Sendable {
    public var id: CaseID
    public var status: CaseStatus
    public var outcome: Outcome?
    public var closedAt: Date
    public var expiredAt: Date
}

/// What remains of a purged case: anonymised fields that statistics still count.
public struct PurgedTrace: Equatable, Sendable {
    public var receivedAt: Date
    public var closedAt: Date?
    public var channel: Channel
    public var relationship: Relationship
    public var categories: [String]
    public var band: Band?
    public var status: CaseStatus
    public var outcome: Outcome?
    public var escalationLevel: EscalationLevel?
}

extension StatisticsRecord {
    /// A purged case as the statistics count it: its dates of receipt, categories, band and channel remain;
    /// the time to acknowledge and to first contact are no longer known.
    public init(trace: PurgedTrace) {
        self.init(
            receivedAt: trace.receivedAt, channel: trace.channel, relationship: trace.relationship,
            categories: trace.categories, band: trace.band, status: trace.status, escalationLevel: trace.escalationLevel,
            acknowledgedAt: nil, firstContactAt: nil, nextDeadline: nil)
    }
}
