import Foundation

/// One append-only, timestamped line in a case's journal.
public struct JournalEntry: Equatable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case contact, note, support, advice, feedback, escalation, decision, status, assessment, edit, letter, conflict, hold

        public var label: String {
            switch self {
            case .contact: "Contact"
            case .note: "Note"
            case .support: "Support arranged"
            case .advice: "Advice given"
            case .feedback: "Feedback to reporter"
            case .escalation: "Escalation"
            case .decision: "Decision"
            case .status: "Status"
            case .assessment: "Assessment"
            case .edit: "Edit"
            case .letter: "Letter"
            case .conflict: "Conflict of interest"
            case .hold: "Legal hold"
            }
        }

        /// Entries that count as being in touch with the reporter (first contact, follow-up).
        public var isContact: Bool { self == .contact || self == .support || self == .advice || self == .feedback }
    }

    public var at: Date
    public var kind: Kind
    public var author: String
    public var text: String

    public init(at: Date, kind: Kind, author: String, text: String) {
        self.at = at
        self.kind = kind
        self.author = author
        self.text = text
    }
}
