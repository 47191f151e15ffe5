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
    /// The entry's text: as a person wrote it, or, for an entry Confidant wrote (a status change, an assessment…),
    /// its English words; ``Catalogue/text(of:)`` gives it in the reader's language.
    public var text: String
    /// For an entry Confidant wrote: its words as a phrase (what people typed in it kept as text), put into the
    /// reader's language when shown. Nil for what a person wrote, and for entries of databases written before.
    public var phrase: Phrase?
    /// For due-process entries: the reported person, 0-based in the case's `reported` order.
    public var party: Int?

    /// An entry a person wrote.
    public init(at: Date, kind: Kind, author: String, text: String, party: Int? = nil) {
        self.at = at
        self.kind = kind
        self.author = author
        self.text = text
        self.party = party
    }

    /// An entry Confidant writes: shown in the reader's language.
    public init(at: Date, kind: Kind, author: String, phrase: Phrase, party: Int? = nil) {
        self.init(at: at, kind: kind, author: author, text: phrase.description, party: party)
        self.phrase = phrase
    }
}

extension JournalEntry {
    /// What begins the stored text of an entry kept as a phrase; no one types it (control characters are refused).
    static let phraseMark = "\u{1}phrase:"

    /// The text as the store keeps it: what a person wrote, or the phrase as JSON after ``phraseMark``.
    public var storedText: String {
        guard let phrase, let json = try? JSONEncoder.sorted.encode(phrase) else { return text }
        return Self.phraseMark + String(decoding: json, as: UTF8.self)
    }

    /// An entry from its stored text (``storedText``); a text of an older database is what it says.
    public init(at: Date, kind: Kind, author: String, storedText: String, party: Int? = nil) {
        if storedText.hasPrefix(Self.phraseMark),
           let phrase = try? JSONDecoder().decode(Phrase.self, from: Data(storedText.dropFirst(Self.phraseMark.count).utf8)) {
            self.init(at: at, kind: kind, author: author, phrase: phrase, party: party)
        } else {
            self.init(at: at, kind: kind, author: author, text: storedText, party: party)
        }
    }
}

extension JSONEncoder {
    /// Compact JSON with sorted keys: the same value always gives the same text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension Catalogue {
    /// A journal entry's text in this language: what a person wrote as they wrote it, what Confidant wrote in words.
    public func text(of entry: JournalEntry) -> String {
        entry.phrase.map(words) ?? entry.text
    }
}
