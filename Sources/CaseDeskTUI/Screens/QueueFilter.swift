import CaseCore
import Foundation

/// Which cases the triage queue shows: status group, band, category, overdue only, and search text.
public struct QueueFilter: Equatable, Sendable {
    /// Groups of statuses the `f` key cycles through: the command line's `list --status` groups.
    public typealias StatusGroup = QueueSelection.StatusGroup
    /// A band to show, or the cases not yet rated: the command line's `list --band` choices.
    public typealias BandChoice = QueueSelection.BandChoice

    public var status: StatusGroup = .open
    public var band: BandChoice = .any
    /// A category id from the taxonomy, or nil for any.
    public var category: String?
    public var overdueOnly = false
    /// Lower-cased search text (empty: no search).
    public var search = ""

    public init() {}

    /// Whether a case passes the status, band, category and overdue filters and the search, which the caller decides
    /// (the queue keeps a prebuilt search text per case).
    func matches(_ summary: CaseSummary, now: Date, matchesSearch: () -> Bool) -> Bool {
        QueueSelection(status: status, band: band, category: category, overdueOnly: overdueOnly).matches(summary, now: now)
            && matchesSearch()
    }

    /// The same filter without its search text.
    var withoutSearch: QueueFilter {
        var copy = self
        copy.search = ""
        return copy
    }

    public mutating func cycleStatus() {
        let all = StatusGroup.allCases
        status = all[(all.firstIndex(of: status)! + 1) % all.count]
    }

    public mutating func cycleBand() {
        let all = BandChoice.cycle
        band = all[((all.firstIndex(of: band) ?? 0) + 1) % all.count]
    }

    public mutating func cycleCategory(in taxonomy: Taxonomy) {
        let ids = taxonomy.categories.map(\.id)
        guard let current = category, let index = ids.firstIndex(of: current) else {
            category = ids.first
            return
        }
        category = index + 1 < ids.count ? ids[index + 1] : nil
    }

    /// A short description for the title bar: "open · High · Harassment · overdue · “lan”" (without the
    /// status group when `status` is false: the escalation review fixes it), in the desk's language.
    public func summary(taxonomy: Taxonomy, status includeStatus: Bool = true, words: Catalogue = .english) -> String {
        var parts = includeStatus ? [words["desk.filter.status." + status.rawValue]] : []
        if let label = band.label(in: words) { parts.append(label) }
        if let category { parts.append(taxonomy.categoryName(category)) }
        if overdueOnly { parts.append(words["desk.filter.overdue"]) }
        if !search.isEmpty { parts.append(words["desk.filter.search", values: ["text": search]]) }
        return parts.joined(separator: " · ")
    }

    /// Applies a `:filter` word; returns false when the word is not a filter.
    public mutating func apply(word: String) -> Bool {
        switch word.lowercased() {
        case "overdue": overdueOnly = true
        case "open": status = .open
        case "all": status = .all
        case "escalated": status = .escalated
        case "closed": status = .closed
        case "unrated": band = .unrated
        case "none", "clear", "reset": self = QueueFilter()
        default:
            guard let b = Band(rawValue: word.lowercased()) else { return false }
            band = .band(b)
        }
        return true
    }
}

extension QueueSelection.BandChoice {
    /// The order the `b` key cycles through.
    static let cycle: [Self] = [.any] + Band.allCases.map(Self.band) + [.unrated]

    /// The band's name in the title bar, in the desk's language; nil for any band.
    func label(in words: Catalogue) -> String? {
        switch self {
        case .any: nil
        case let .band(band): words.label(band)
        case .unrated: words["desk.unrated"]
        }
    }
}
