import Foundation

/// Errors a counselor can act on, each one plain sentence in the reader's language (``phrase``; `description` in English).
public enum CaseError: PhrasedError, Equatable, Sendable {
    case illegalTransition(from: CaseStatus, to: CaseStatus)
    case factorOutOfRange(factor: String, value: Int)
    case unknownCategory(String)
    case unknownConductTag(String)
    case unknownGround(String)
    case unknownScreeningReason(String)
    case reasonRequired(Phrase)
    case invalidField(field: Phrase, problem: Phrase)
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
    case unknownKey(key: String, in: Phrase, suggestion: String?)
    case notUnderReview(CaseStatus)

    public var phrase: Phrase {
        switch self {
        case let .illegalTransition(from, to):
            let allowed = from.allowedNext.map { Phrase.id($0) }
            return allowed.isEmpty
                ? .key("error.case.illegal-transition-final", ["from": .id(from), "to": .id(to)])
                : .key("error.case.illegal-transition", ["from": .id(from), "to": .id(to), "allowed": .commas(allowed)])
        case let .factorOutOfRange(factor, value):
            return .key("error.case.factor-out-of-range", ["factor": .text(factor), "value": .text(String(value))])
        case let .unknownCategory(id):
            return .key("error.case.unknown-category", ["id": .text(id)])
        case let .unknownConductTag(id):
            return .key("error.case.unknown-conduct-tag", ["id": .text(id)])
        case let .unknownGround(id):
            return .key("error.case.unknown-ground", ["id": .text(id)])
        case let .unknownScreeningReason(id):
            return .key("error.case.unknown-screening-reason", ["id": .text(id)])
        case let .reasonRequired(action):
            return .key("error.case.reason-required", ["action": action])
        case let .invalidField(field, problem):
            return .key("error.case.invalid-field", ["field": field, "problem": problem])
        case let .escalationNotHigher(current, requested):
            return .key("error.case.escalation-not-higher", ["current": .id(current), "requested": .id(requested)])
        case let .caseIsTerminal(status):
            return .key("error.case.terminal", ["status": .id(status)])
        case .emptyJournalText:
            return .key("error.case.empty-journal-text")
        case .outcomeRequired:
            return .key("error.case.outcome-required", ["outcomes": .text(Outcome.allCases.map(\.rawValue).joined(separator: ", "))])
        case .measuresRequired:
            return .key("error.case.measures-required", ["measures": .text(Measure.allCases.map(\.rawValue).joined(separator: ", "))])
        case .measuresWithoutSubstantiation:
            return .key("error.case.measures-without-substantiation")
        case let .overrideNeedsConfirmation(floors):
            return .key("error.case.override-needs-confirmation", ["floors": .list(floors.map { .text("'\($0)'") })])
        case let .notReopenable(status):
            return .key("error.case.not-reopenable", ["status": .id(status)])
        case let .escalationNotRequested(wishes):
            return .key("error.case.escalation-not-requested", ["wishes": wishes.map { .id($0) } ?? .key("export.value.not-recorded")])
        case let .escalationSkipsRung(next, requested):
            return .key("error.case.escalation-skips-rung", ["next": .id(next), "requested": .id(requested)])
        case let .partyRequired(kind, count):
            return .key("error.case.party-required", ["kind": .text(kind.rawValue), "count": .text(String(count))])
        case let .partyOutOfRange(number, count):
            return count == 0
                ? .key("error.case.party-none", ["number": .text(String(number))])
                : .key("error.case.party-out-of-range", ["number": .text(String(number)), "count": .text(String(count))])
        case .nothingChanged:
            return .key("error.case.nothing-changed")
        case let .notUnderReview(status):
            return .key("error.case.not-under-review", ["status": .id(status)])
        case let .unknownKey(key, place, suggestion):
            return suggestion.map { .key("error.case.unknown-key-suggestion", ["key": .text(key), "place": place, "suggestion": .text($0)]) }
                ?? .key("error.case.unknown-key", ["key": .text(key), "place": place])
        }
    }
}
