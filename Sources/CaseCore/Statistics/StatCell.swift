import Foundation

/// One count in the statistics report, as it may be shown.
///
/// Counts from 1 to 4 are suppressed (shown `<5`) so that no one in a small group can be singled out; 0 is shown.
/// Where a group of counts adds up to a total that is shown, one suppressed count could be worked out by
/// subtraction, so a second count is withheld too (shown `x`): see ``SmallCellSuppression``.
public enum StatCell: Equatable, Sendable, Encodable, CustomStringConvertible {
    case count(Int)
    /// 1 to 4: shown as `<5`.
    case suppressed
    /// 5 or more, withheld so that a suppressed count cannot be worked out from a total: shown as `x`.
    case withheld

    public static let threshold = 5
    public static let suppressedText = "<5"
    public static let withheldText = "x"

    /// The primary rule: 1 to 4 is suppressed, anything else shown.
    public init(_ value: Int) {
        self = (1..<Self.threshold).contains(value) ? .suppressed : .count(value)
    }

    /// A count shown beside a total it is part of: also withheld when the rest (`total - value`) is 1 to 4, since
    /// that small group could otherwise be worked out by subtraction.
    public init(_ value: Int, partOf total: Int) {
        self.init(value)
        if case .count = self, StatCell(total).shownValue != nil, StatCell(total - value) == .suppressed {
            self = .withheld
        }
    }

    public var description: String {
        switch self {
        case let .count(value): String(value)
        case .suppressed: Self.suppressedText
        case .withheld: Self.withheldText
        }
    }

    public var shownValue: Int? {
        if case let .count(value) = self { return value }
        return nil
    }

    /// A number when shown, the text `<5` or `x` when not.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .count(value): try container.encode(value)
        default: try container.encode(description)
        }
    }
}

/// Small-cell suppression for a group of counts.
public enum SmallCellSuppression {
    /// The cells for `values`. With `total` (the group adds up to a total that the report shows), counts are also
    /// withheld, smallest first, until no suppressed count can be worked out exactly from the total and the rest.
    /// An attacker is assumed to know the rule: a suppressed count is 1–4, a withheld one is at least 5 and at most
    /// the smallest count shown.
    public static func cells(_ values: [Int], addingUpTo total: Int? = nil) -> [StatCell] {
        var cells = values.map(StatCell.init)
        guard let total, StatCell(total) != .suppressed, total > 0 else { return cells }
        while disclosesSuppressedCount(values: values, cells: cells, total: total) {
            let candidates = values.indices.filter { cells[$0].shownValue != nil && values[$0] > 0 }
            guard let next = candidates.min(by: { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }) else {
                // Nothing left to withhold that would help (say, counts 1 and 5 and zeros): withhold the whole group,
                // zeros included, so not even which counts are zero is known.
                return Array(repeating: .withheld, count: values.count)
            }
            cells[next] = .withheld
        }
        return cells
    }

    /// True when the shown counts and the total pin some suppressed count to one value.
    static func disclosesSuppressedCount(values: [Int], cells: [StatCell], total: Int) -> Bool {
        let hidden = values.indices.filter { cells[$0].shownValue == nil }
        guard !hidden.isEmpty else { return false }
        let shown = values.indices.filter { cells[$0].shownValue != nil }
        let remainder = total - shown.reduce(0) { $0 + values[$1] }
        let smallestShown = shown.map { values[$0] }.filter { $0 > 0 }.min() ?? remainder
        func range(_ index: Int) -> ClosedRange<Int> {
            cells[index] == .suppressed ? 1...(StatCell.threshold - 1) : StatCell.threshold...max(StatCell.threshold, smallestShown)
        }
        for index in hidden where cells[index] == .suppressed {
            let others = hidden.filter { $0 != index }
            let othersLow = others.reduce(0) { $0 + range($1).lowerBound }
            let othersHigh = others.reduce(0) { $0 + range($1).upperBound }
            let low = max(range(index).lowerBound, remainder - othersHigh)
            let high = min(range(index).upperBound, remainder - othersLow)
            if low >= high { return true }
        }
        return false
    }
}
