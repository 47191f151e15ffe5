import CaseCore
import Foundation

/// Milestone dates of a case, for the statistics report.
public struct CaseMilestones: Equatable, Sendable {
    public var acknowledgedAt: Date?
    public var firstContactAt: Date?

    public init(acknowledgedAt: Date?, firstContactAt: Date?) {
        self.acknowledgedAt = acknowledgedAt
        self.firstContactAt = firstContactAt
    }
}
