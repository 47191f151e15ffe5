import Foundation

/// Errors a counselor can act on. Each `description` is one plain sentence.
public enum CaseError: Error, Equatable, Sendable, CustomStringConvertible {
    case illegalTransition(from: CaseStatus, to: CaseStatus)
    case factorOutOfRange(factor: String, value: Int)
    case unknownCategory(String)
    case unknownConductTag(String)
    case unknownGround(String)
    case unknownScreeningReason(String)
    case reasonRequired(String)
    case invalidField(field: String, problem: String)
    case escalationNotHigher(current: EscalationLevel, requested: EscalationLevel)
    case caseIsTerminal(CaseStatus)
    case emptyJournalText

    public var description: String {
        switch self {
        case let .illegalTransition(from, to):
            let allowed = from.allowedNext.map(\.rawValue).joined(separator: ", ")
            return "A case cannot move from \(from.rawValue) to \(to.rawValue)"
                + (allowed.isEmpty ? "; \(from.rawValue) is final." : "; from \(from.rawValue) it can go to: \(allowed).")
        case let .factorOutOfRange(factor, value):
            return "The \(factor) rating must be between 0 and 4, not \(value)."
        case let .unknownCategory(id):
            return "'\(id)' is not a category in the taxonomy."
        case let .unknownConductTag(id):
            return "'\(id)' is not a conduct tag in the taxonomy."
        case let .unknownGround(id):
            return "'\(id)' is not a discrimination ground in the taxonomy."
        case let .unknownScreeningReason(id):
            return "'\(id)' is not a screening reason in the taxonomy."
        case let .reasonRequired(action):
            return "A reason is required to \(action)."
        case let .invalidField(field, problem):
            return "The \(field) \(problem)."
        case let .escalationNotHigher(current, requested):
            return "The case is already escalated to \(current.rawValue); it can only go higher than that, not to \(requested.rawValue)."
        case let .caseIsTerminal(status):
            return "The case is \(status.rawValue) and can no longer be changed."
        case .emptyJournalText:
            return "A journal entry needs some text."
        }
    }
}
