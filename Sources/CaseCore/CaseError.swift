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
    case outcomeRequired
    case measuresRequired
    case measuresWithoutSubstantiation
    case overrideNeedsConfirmation(floors: [String])
    case notReopenable(CaseStatus)
    case escalationNotRequested(wishes: Wishes?)
    case escalationSkipsRung(next: EscalationLevel, requested: EscalationLevel)
    case partyRequired(JournalEntry.Kind, count: Int)
    case partyOutOfRange(Int, count: Int)
    case nothingChanged
    case unknownKey(key: String, in: String, suggestion: String?)
    case notUnderReview(CaseStatus)

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
        case .outcomeRequired:
            return "Closing a case needs an outcome: one of " + Outcome.allCases.map(\.rawValue).joined(separator: ", ") + "."
        case .measuresRequired:
            return "A substantiated case needs the measures taken: one or more of "
                + Measure.allCases.map(\.rawValue).joined(separator: ", ") + "."
        case .measuresWithoutSubstantiation:
            return "Measures are recorded only when a case is closed as substantiated."
        case let .overrideNeedsConfirmation(floors):
            return "The case carries the floor \(floors.map { "'\($0)'" }.joined(separator: " and ")); screening it out needs "
                + "confirmation and a note saying why the override does not apply."
        case let .notReopenable(status):
            return "Only a closed, withdrawn or screened-out case can be reopened; this one is \(status.rawValue)."
        case let .escalationNotRequested(wishes):
            return "The reporter's wishes are \(wishes?.rawValue ?? "not recorded"): escalate only at their request "
                + "(wishes formal or escalate) or state a duty to act."
        case let .escalationSkipsRung(next, requested):
            return "The ladder is climbed one rung at a time: the next rung is \(next.rawValue); going to "
                + "\(requested.rawValue) needs a duty to act."
        case let .partyRequired(kind, count):
            return "A \(kind.rawValue) entry must name the reported person it concerns, 1 to \(count)."
        case let .partyOutOfRange(number, count):
            return count == 0
                ? "The case names no reported person, so there is no person \(number)."
                : "There is no reported person \(number); the case names \(count) (1 to \(count))."
        case .nothingChanged:
            return "The edit changes nothing."
        case let .notUnderReview(status):
            return "Only an escalated case can be reviewed; this one is \(status.rawValue)."
        case let .unknownKey(key, place, suggestion):
            return "'\(key)' is not a field of \(place)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ".")
        }
    }
}
