import Foundation

/// Where a case stands in the counselor's workflow.
///
/// The legal moves are a table ( ``allowedNext`` ); anything else is an ``CaseError/illegalTransition(from:to:)``.
public enum CaseStatus: String, CaseIterable, Codable, Sendable {
    case new
    case acknowledged
    case assessing
    case supportAdvice = "support-advice"
    case informalResolution = "informal-resolution"
    case formalProcedure = "formal-procedure"
    case escalated
    case closed
    case screenedOut = "screened-out"
    case withdrawn

    /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
    public var label: String { Catalogue.english.label(self) }

    /// A short label for narrow columns, in English.
    public var shortLabel: String { Catalogue.english.shortLabel(self) }

    /// A case still being worked: deadlines run and it counts for pervasiveness.
    public var isOpen: Bool { !isTerminal }

    /// Closed, screened out or withdrawn.
    public var isTerminal: Bool { self == .closed || self == .screenedOut || self == .withdrawn }

    /// The statuses this one may move to.
    public var allowedNext: [CaseStatus] {
        switch self {
        case .new: [.acknowledged, .screenedOut, .withdrawn]
        case .acknowledged: [.assessing, .screenedOut, .withdrawn]
        case .assessing: [.supportAdvice, .escalated, .screenedOut, .withdrawn]
        case .supportAdvice: [.informalResolution, .formalProcedure, .escalated, .closed, .withdrawn]
        case .informalResolution: [.formalProcedure, .escalated, .closed, .withdrawn]
        case .formalProcedure: [.escalated, .closed, .withdrawn]
        case .escalated: [.formalProcedure, .closed, .withdrawn]
        case .closed, .screenedOut, .withdrawn: []
        }
    }

    public func canMove(to next: CaseStatus) -> Bool { allowedNext.contains(next) }

    /// The shortest legal path from this status to `target` (excluding self), or nil when unreachable.
    public func path(to target: CaseStatus) -> [CaseStatus]? {
        if target == self { return [] }
        var previous: [CaseStatus: CaseStatus] = [:]
        var queue = [self]
        var seen: Set<CaseStatus> = [self]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            for next in current.allowedNext where !seen.contains(next) {
                seen.insert(next)
                previous[next] = current
                if next == target {
                    var path = [next]
                    var step = current
                    while step != self { path.insert(step, at: 0); step = previous[step]! }
                    return path
                }
                queue.append(next)
            }
        }
        return nil
    }

    /// Parses a status from its id or a loose spelling (`support`, `informal`, `formal`, `screened`).
    public init?(loose text: String) {
        let key = text.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        if let exact = CaseStatus(rawValue: key) { self = exact; return }
        switch key {
        case "support", "support-and-advice", "support&advice": self = .supportAdvice
        case "informal": self = .informalResolution
        case "formal", "procedure": self = .formalProcedure
        case "screened", "screen-out", "screenedout": self = .screenedOut
        case "ack", "acknowledge": self = .acknowledged
        case "assess": self = .assessing
        case "withdraw": self = .withdrawn
        case "close": self = .closed
        default: return nil
        }
    }
}
