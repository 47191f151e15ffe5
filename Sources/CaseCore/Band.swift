import Foundation

/// Triage bands, most urgent first.
public enum Band: String, CaseIterable, Codable, Sendable, Comparable {
    case critical, high, medium, low

    /// 0 for critical … 3 for low.
    public var urgencyRank: Int { Self.allCases.firstIndex(of: self)! }

    /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
    public var label: String { Catalogue.english.label(self) }

    /// A text marker so the band reads in monochrome too.
    public var marker: String {
        switch self {
        case .critical: "!!!"
        case .high: "!! "
        case .medium: "!  "
        case .low: ".  "
        }
    }

    /// Critical < high < medium < low, so sorting ascending puts the most urgent first.
    public static func < (lhs: Band, rhs: Band) -> Bool { lhs.urgencyRank < rhs.urgencyRank }
}

extension Optional where Wrapped == Band {
    /// Sort rank for the queue: critical, high, not yet rated, medium, low.
    /// An unrated case still needs triage, so it sits above the cases already rated medium or low.
    public var queueRank: Int {
        switch self {
        case .critical?: 0
        case .high?: 1
        case nil: 2
        case .medium?: 3
        case .low?: 4
        }
    }
}
