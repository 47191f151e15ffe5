import Foundation

/// Which part of the queue a listing shows, with the desk's filters (its `f`, `b`, `c` and `o` keys: status group,
/// band, category, overdue only) and at most how many cases. Queue order is kept.
public struct QueueSelection: Equatable, Sendable {
    /// Groups of statuses.
    public enum StatusGroup: String, CaseIterable, Sendable {
        case open, all, escalated, closed

        public func contains(_ status: CaseStatus) -> Bool {
            switch self {
            case .open: status.isOpen
            case .all: true
            case .escalated: status == .escalated
            case .closed: status.isTerminal
            }
        }
    }

    /// A band, or the cases not yet rated.
    public enum BandChoice: Equatable, Sendable {
        case any, band(Band), unrated
    }

    public var status: StatusGroup
    public var band: BandChoice
    /// A category id from the taxonomy, or nil for any.
    public var category: String?
    public var overdueOnly: Bool
    /// At most this many cases (the first in queue order), or nil for all.
    public var limit: Int?

    /// Every case, in queue order (the default selects everything).
    public init(status: StatusGroup = .all, band: BandChoice = .any, category: String? = nil, overdueOnly: Bool = false,
                limit: Int? = nil) {
        self.status = status
        self.band = band
        self.category = category
        self.overdueOnly = overdueOnly
        self.limit = limit
    }

    /// Whether a case is selected (the limit aside).
    public func matches(_ summary: CaseSummary, now: Date) -> Bool {
        guard status.contains(summary.status) else { return false }
        switch band {
        case .any: break
        case let .band(b): if summary.band != b { return false }
        case .unrated: if summary.band != nil { return false }
        }
        if let category, !summary.categories.contains(category) { return false }
        return !overdueOnly || summary.isOverdue(at: now)
    }
}
