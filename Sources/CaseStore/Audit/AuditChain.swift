import CaseCore
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
    static func headProblem(last: (id: Int64, hash: String)?, head: String?, databaseID: String, key: SymmetricKey) -> Phrase? {
        guard let last else { return .key("audit.problem.empty-log") }
        guard headMatches(head, id: last.id, hash: last.hash, databaseID: databaseID, key: key) else {
            return .key("audit.problem.head-mismatch", ["id": .text(String(last.id))])
        }
        return nil
    }

    /// Checks the whole chain, in id order, and its head, in one pass.
    static func verify(_ all: [Link], head: String?, databaseID: String, key: SymmetricKey) -> AuditVerification {
        var prev = genesis
        var expectedID: Int64 = 1
        var previousAt = ""
        var breaks: [Phrase] = []
        for link in all {
            if link.id == 1, link.action != "init" {
                return .broken(entryID: 1, problem: .key("audit.problem.first-entry", ["action": .text(link.action)]))
            }
            if link.at < previousAt {
                return .broken(entryID: link.id, problem: .key("audit.problem.time-back"))
            }
            previousAt = link.at
            if link.action == acknowledgement {
                breaks.append(.key("audit.break", ["id": .text(String(link.id)), "detail": .text(link.detail)]))
            }
            if link.id != expectedID {
                return .broken(entryID: link.id, problem: .key("audit.problem.missing", ["missing": .text(String(expectedID)), "id": .text(String(link.id))]))
            }
            if link.prevHash != prev {
                return .broken(entryID: link.id, problem: .key("audit.problem.not-following"))
            }
            let recomputed = hash(id: link.id, at: link.at, actor: link.actor, action: link.action,
                                  caseId: link.caseId, detail: link.detail, prevHash: link.prevHash)
            if recomputed != link.hash {
                return .broken(entryID: link.id, problem: .key("audit.problem.changed"))
            }
            prev = link.hash
            expectedID += 1
        }
        if let last = all.last {
            if !headMatches(head, id: last.id, hash: last.hash, databaseID: databaseID, key: key) {
                return .broken(entryID: last.id + 1, problem: .key("audit.problem.tail-removed", ["id": .text(String(last.id))]))
            }
        } else {
            return .broken(entryID: 1, problem: .key("audit.problem.every-entry-removed"))
        }
        return breaks.isEmpty ? .intact(entries: all.count) : .acknowledged(entries: all.count, breaks: breaks)
    }
}
