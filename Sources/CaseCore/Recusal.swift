import Foundation

/// A handler's recusal from a case (a conflict of interest) and its takeover by another handler: the reason each
/// needs, and the journal entry that records it. Every store writes these entries; the recusal itself (who may no
/// longer open the case) is the store's.
public enum Recusal {
    /// The author of an automatic recusal's entry: no one declared it.
    public static let systemAuthor = "system"

    /// A handler declaring a conflict of interest on a case; the reason is required.
    public static func declaration(by account: String, reason: String, at date: Date) throws -> JournalEntry {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CaseError.reasonRequired(.key("action.conflict")) }
        return JournalEntry(at: date, kind: .conflict, author: account,
                            phrase: .key("entry.recused", ["account": .text(account), "reason": .text(reason)]))
    }

    /// An account recused because one of its names matches a reported person of the case.
    public static func automatic(account: String, at date: Date) -> JournalEntry {
        JournalEntry(at: date, kind: .conflict, author: systemAuthor, phrase: .key("entry.recused-automatically", ["account": .text(account)]))
    }

    /// Another handler taking over a case flagged for reassignment; the note is required.
    public static func takeover(by account: String, note: String, at date: Date) throws -> JournalEntry {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw CaseError.reasonRequired(.key("action.reassign")) }
        return JournalEntry(at: date, kind: .conflict, author: account, phrase: .key("entry.taken-over", ["account": .text(account), "note": .text(note)]))
    }
}
