import Foundation

/// A date something is owed to the reporter by, and whether it was met.
public struct Deadline: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case acknowledge
        /// The written confirmation of receipt (an oral acknowledgement meets `acknowledge`, not this).
        case letter
        case firstContact = "first-contact"
        /// Support offered to the affected person (duty (a) of the codes), for Critical and High cases and
        /// well-being ratings of 3 or more.
        case support
        case followUp = "follow-up"
        case feedback
        /// Telling the reporter of a disclosure made without their consent.
        case tellReporter = "tell-reporter"
        /// Acting on a supervisor's review that returned the case or moved it on.
        case review

        /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
        public var label: String { Catalogue.english.label(self) }
    }

    public var kind: Kind
    public var due: Date
    /// When it was met, or nil while still owed.
    public var metAt: Date?

    public init(kind: Kind, due: Date, metAt: Date?) {
        self.kind = kind
        self.due = due
        self.metAt = metAt
    }

    public var isPending: Bool { metAt == nil }

    public func isOverdue(at now: Date) -> Bool { metAt == nil && due < now }

    /// Met, but after the due date.
    public var wasMetLate: Bool { metAt.map { $0 > due } ?? false }

    /// Still owed and due on the same calendar day as `now` (not yet past).
    public func isDueToday(at now: Date, calendar: Calendar) -> Bool {
        metAt == nil && due >= now && calendar.isDate(due, inSameDayAs: now)
    }

    /// Still owed and due within `hours` from `now`, or already overdue.
    public func isDueSoon(at now: Date, hours: Int) -> Bool {
        metAt == nil && due <= now.addingTimeInterval(Double(hours) * 3600)
    }
}
