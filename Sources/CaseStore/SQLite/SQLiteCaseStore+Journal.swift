import CaseCore
import Foundation
import GRDB

/// The journal: append-only rows, each text sealed and bound to its case, kind, id, time and author.
extension SQLiteCaseStore {
    /// A case's journal in the order it was written; the texts opened only when `unseal`, each with the key it is
    /// sealed with (the case's content key, or the copy's for what a supervisor wrote).
    func loadJournal(_ db: Database, key: String, keys: CaseKeys, unseal: Bool) throws -> [JournalEntry] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE caseId = ? ORDER BY id", arguments: [key])
        return try rows.map { entry in
            let kind = JournalEntry.Kind(rawValue: entry["kind"]) ?? .note
            var text = ""
            if unseal {
                text = try SealedCaseBlobs.journalText(entry["sealedText"], sealedWith: entry["sealedWith"], key: key, kind: kind,
                                                       id: entry["id"], at: entry["at"], author: entry["author"], keys: keys,
                                                       refusal: missingKeys(key))
            }
            return JournalEntry(at: entry["at"], kind: kind, author: entry["author"], storedText: text, party: entry["party"])
        }
    }

    /// Appends an entry, sealed under the case's content key, or under the copy's when the session holds only that
    /// (a supervisor's review).
    func insertJournal(_ db: Database, _ entry: JournalEntry, caseId: CaseID) throws {
        let key = caseId.description
        let keys = try heldKeys(db, caseId)
        let sealedWith: CaseKeys.Kind = keys[.content] == nil ? .copy : .content
        let sealer = try keys.require(sealedWith, missingKeys(caseId))
        changedRows.insert(key)
        let id = (try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM journal") ?? 0) + 1
        let at = DateText.databaseTimestamp(entry.at)
        try db.execute(
            sql: "INSERT INTO journal (id, caseId, at, kind, author, sealedText, party, sealedWith) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [id, key, at, entry.kind.rawValue, entry.author,
                        try sealer.seal(entry.storedText, context: Self.journalContext(case: key, kind: entry.kind, id: id, at: at,
                                                                                 author: entry.author)),
                        entry.party, sealedWith == .content ? nil : sealedWith.rawValue])
        try db.execute(sql: "UPDATE casefile SET version = version + 1, changedBy = ?, updatedAt = ? WHERE id = ?",
                       arguments: [session.account, entry.at, key])
    }

    /// Seals every journal text of a case again under its (new) content key; `item` holds them opened, in order.
    func resealJournal(_ db: Database, _ item: Case, keys: CaseKeys) throws {
        let key = item.id.description
        let content = try keys.require(.content, missingKeys(item.id))
        let rows = try Row.fetchAll(db, sql: "SELECT id, at, kind, author FROM journal WHERE caseId = ? ORDER BY id", arguments: [key])
        guard rows.count == item.journal.count else { throw StoreError.corrupted("the journal of \(item.id) changed while it was sealed again") }
        for (row, entry) in zip(rows, item.journal) {
            let id: Int64 = row["id"]
            let context = Self.journalContext(case: key, kind: entry.kind, id: id, at: row["at"], author: row["author"])
            try db.execute(sql: "UPDATE journal SET sealedText = ?, sealedWith = NULL WHERE id = ?",
                           arguments: [try content.seal(entry.storedText, context: context), id])
        }
    }

    /// The authenticated data of a journal text: a row moved to another case, or given another id, time or author,
    /// no longer opens.
    static func journalContext(case key: String, kind: JournalEntry.Kind, id: Int64, at: String, author: String) -> String {
        SealContext.journal(case: key, kind: kind, id: id, at: at, author: author)
    }
}
