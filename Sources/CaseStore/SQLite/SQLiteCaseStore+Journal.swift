import CaseCore
import Foundation
import GRDB

/// The journal: append-only rows, each text sealed and bound to its case, kind, id, time and author.
extension SQLiteCaseStore {
    /// A case's journal in the order it was written; the texts opened only when `unseal`.
    func loadJournal(_ db: Database, key: String, unseal: Bool) throws -> [JournalEntry] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE caseId = ? ORDER BY id", arguments: [key])
        return try rows.map { entry in
            let kind = JournalEntry.Kind(rawValue: entry["kind"]) ?? .note
            var text = ""
            if unseal {
                // Bound to its case, kind, id, time and author; entries written before that binding, to case and kind.
                let bound = Self.journalContext(case: key, kind: kind, id: entry["id"], at: entry["at"], author: entry["author"])
                let blob: Data = entry["sealedText"]
                text = try (try? sealer.open(blob, context: bound)) ?? sealer.open(blob, context: "case:\(key):journal:\(kind.rawValue)")
            }
            return JournalEntry(at: entry["at"], kind: kind, author: entry["author"], text: text, party: entry["party"])
        }
    }

    func insertJournal(_ db: Database, _ entry: JournalEntry, caseId: CaseID) throws {
        let key = caseId.description
        changedRows.insert(key)
        let id = (try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM journal") ?? 0) + 1
        let at = DateText.databaseTimestamp(entry.at)
        try db.execute(
            sql: "INSERT INTO journal (id, caseId, at, kind, author, sealedText, party) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [id, key, at, entry.kind.rawValue, entry.author,
                        try sealer.seal(entry.text, context: Self.journalContext(case: key, kind: entry.kind, id: id, at: at,
                                                                                 author: entry.author)),
                        entry.party])
        try db.execute(sql: "UPDATE casefile SET version = version + 1, changedBy = ?, updatedAt = ? WHERE id = ?",
                       arguments: [session.account, entry.at, key])
    }

    /// The authenticated data of a journal text: a row moved to another case, or given another id, time or author,
    /// no longer opens.
    static func journalContext(case key: String, kind: JournalEntry.Kind, id: Int64, at: String, author: String) -> String {
        SealContext.journal(case: key, kind: kind, id: id, at: at, author: author)
    }
}
