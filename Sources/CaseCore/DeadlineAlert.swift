import Foundation

/// A deadline the counselor must not miss: overdue, or due within the policy's warning window.
public struct DeadlineAlert: Equatable, Sendable {
    public var caseID: CaseID
    public var pseudonym: String
    public var band: Band?
    public var deadline: Deadline

    public init(caseID: CaseID, pseudonym: String, band: Band?, deadline: Deadline) {
        self.caseID = caseID
        self.pseudonym = pseudonym
        self.band = band
        self.deadline = deadline
    }

    public func isOverdue(at now: Date) -> Bool { deadline.isOverdue(at: now) }

    /// The alerts among a case's deadlines at `now`: every deadline still owed whose due date is
    /// within `hours` from now or already past, most pressing first.
    public static func alerts(for item: Case, evaluation: CaseEvaluation, now: Date, hours: Int) -> [DeadlineAlert] {
        evaluation.deadlines
            .filter { $0.isDueSoon(at: now, hours: hours) }
            .sorted { $0.due < $1.due }
            .map { DeadlineAlert(caseID: item.id, pseudonym: item.reporter.pseudonym, band: evaluation.score.band, deadline: $0) }
    }
}
