import Crypto
import Foundation

/// The rules of the audit chain, whatever holds it: each entry's hash covers its own fields and the previous hash;
/// the newest entry is also authenticated with a key derived from the data key (the head), so cutting the tail shows.
/// An engine stores the entries and the head; verifying them is the same everywhere.
enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    /// The action of the entry that records a counselor's acknowledgement of a break.
    static let acknowledgement = "audit-acknowledge"

    /// An entry as stored, every field as the exact text that was hashed (no date is parsed to check a chain).
    struct Link {
        var id: Int64
        var at: String
        var actor: String
        var action: String
        var caseId: String?
        var detail: String
        var prevHash: String
        var hash: String
    }

    static func hash(id: Int64, at: String, actor: String, action: String, caseId: String?, detail: String, prevHash: String) -> String {
        let text = [String(id), at, actor, action, caseId ?? "", detail, prevHash].joined(separator: "\u{1F}")
        return Hex.string(SHA256.hash(data: Data(text.utf8)))
    }

    /// The authenticated head of a log whose last entry is `id` with `hash`, bound to the database's id: a copy whose
    /// id was changed (so that the head this machine keeps outside the file is not found) no longer authenticates.
    static func headMAC(id: Int64, hash: String, databaseID: String, key: SymmetricKey) -> String {
        Hex.string(HMAC<SHA256>.authenticationCode(for: Data("\(databaseID):\(id):\(hash)".utf8), using: key))
    }

    /// The head as versions before 1.0.1 wrote it, without the database's id; accepted until the next append writes
    /// the bound form (docs/THREATS.md says what that leaves open: copies taken before that append).
    static func legacyHeadMAC(id: Int64, hash: String, key: SymmetricKey) -> String {
        Hex.string(HMAC<SHA256>.authenticationCode(for: Data("\(id):\(hash)".utf8), using: key))
    }

    static func headMatches(_ head: String?, id: Int64, hash: String, databaseID: String, key: SymmetricKey) -> Bool {
        head == headMAC(id: id, hash: hash, databaseID: databaseID, key: key) || head == legacyHeadMAC(id: id, hash: hash, key: key)
    }

    /// What is wrong with the head of a log, or nil when the stored head authenticates the last entry. A database
    /// always holds its creation entry, so an empty log is a log whose entries were removed.
    static func headProblem(last: (id: Int64, hash: String)?, head: String?, databaseID: String, key: SymmetricKey) -> String? {
        guard let last else { return "the audit log is empty: its entries were removed, the creation of the database with them" }
        guard headMatches(head, id: last.id, hash: last.hash, databaseID: databaseID, key: key) else {
            return "the audit log ends at entry \(last.id), but its authenticated head does not match: entries were removed from its end, or the head or the database's id was altered"
        }
        return nil
    }

    /// Checks the whole chain, in id order, and its head, in one pass.
    static func verify(_ all: [Link], head: String?, databaseID: String, key: SymmetricKey) -> AuditVerification {
        var prev = genesis
        var expectedID: Int64 = 1
        var previousAt = ""
        var breaks: [String] = []
        for link in all {
            if link.id == 1, link.action != "init" {
                return .broken(entryID: 1, problem: "the first entry is '\(link.action)', not the creation of the database")
            }
            if link.at < previousAt {
                return .broken(entryID: link.id, problem: "its time goes back before the entry before it")
            }
            previousAt = link.at
            if link.action == acknowledgement { breaks.append("entry \(link.id): \(link.detail)") }
            if link.id != expectedID {
                return .broken(entryID: link.id, problem: "entry \(expectedID) is missing before entry \(link.id)")
            }
            if link.prevHash != prev {
                return .broken(entryID: link.id, problem: "it does not follow from the entry before it (deleted, reordered or edited)")
            }
            let recomputed = hash(id: link.id, at: link.at, actor: link.actor, action: link.action,
                                  caseId: link.caseId, detail: link.detail, prevHash: link.prevHash)
            if recomputed != link.hash {
                return .broken(entryID: link.id, problem: "its content was changed after it was written")
            }
            prev = link.hash
            expectedID += 1
        }
        if let last = all.last {
            if !headMatches(head, id: last.id, hash: last.hash, databaseID: databaseID, key: key) {
                return .broken(entryID: last.id + 1, problem: "entries after \(last.id) were removed, or the log head or the database's id was altered")
            }
        } else {
            return .broken(entryID: 1, problem: "the log is empty: every entry was removed, the creation of the database with them")
        }
        return breaks.isEmpty ? .intact(entries: all.count) : .acknowledged(entries: all.count, breaks: breaks)
    }
}
