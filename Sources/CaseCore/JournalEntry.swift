import Foundation

/// One append-only, timestamped line in a case's journal.
public struct JournalEntry: Equatable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case contact, note, support
        case supportDeclined = "support-declined"
        case advice, feedback, escalation, decision, status, assessment, edit, letter, conflict, hold
        case reopen
        /// Information passed on without the reporter's consent, under a duty to act.
        case disclosure
        /// The reporter was told of a disclosure.
        case reporterTold = "reporter-told"
        /// Telling the reporter of a disclosure was deferred, with the reason.
        case tellingDeferred = "telling-deferred"
        // Due process for a reported person (the entry names the person with `party`).
        case respondentInformed = "respondent-informed"
        case respondentAccount = "respondent-account"
        case interimMeasure = "interim-measure"
        case outcomeCommunicated = "outcome-communicated"
        /// A supervisor's decision on an escalated case.
        case review

        /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
        public var label: String { Catalogue.english.label(self) }

        /// Entries that count as being in touch with the reporter (first contact, follow-up).
        public var isContact: Bool {
            switch self {
            case .contact, .support, .supportDeclined, .advice, .feedback, .reporterTold: true
            default: false
            }
        }

        /// Entries about one reported person; they must name the person (`party`).
        public var isDueProcess: Bool {
            self == .respondentInformed || self == .respondentAccount || self == .interimMeasure || self == .outcomeCommunicated
        }

        /// What a supervisor's copy of a case shows of its journal: how it moved, how it was scored and decided.
        public static let supervisorVisible: Set<Kind> = [.status, .assessment, .escalation, .decision, .review]

        /// Kinds a counselor writes directly with `journal` (the others are written by the action they record).
        public static let recordable: [Kind] = [
            .contact, .note, .support, .supportDeclined, .advice, .feedback, .decision, .reporterTold,
            .respondentInformed, .respondentAccount, .interimMeasure, .outcomeCommunicated,
        ]
    }

    public var at: Date
    public var kind: Kind
    public var author: String
    public var text: String
    /// For due-process entries: the reported person, 0-based in the case's `reported` order.
    public var party: Int?

    public init(at: Date, kind: Kind, author: String, text: String, party: Int? = nil) {
        self.at = at
        self.kind = kind
        self.author = author
        self.text = text
        self.party = party
    }
}
