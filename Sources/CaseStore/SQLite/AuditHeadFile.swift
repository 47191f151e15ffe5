import CaseCore
import Foundation

/// The last audit entry this machine saw for a database, kept outside the file (`$XDG_STATE_HOME/confidant/`, by
/// default `~/.local/state/confidant/`, one file per random database id), so that replacing the whole database by an
/// older copy is noticed here: the copy's log ends before the entry this machine last wrote, or differs from it.
struct AuditHeadFile {
    let url: URL

    init?(databaseID: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard !databaseID.isEmpty, databaseID.allSatisfy({ $0.isHexDigit }) else { return nil }
        let base: URL
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            base = URL(fileURLWithPath: state)
        } else if let home = environment["HOME"], !home.isEmpty {
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        } else {
            return nil
        }
        url = base.appendingPathComponent("confidant").appendingPathComponent(databaseID + ".head")
    }

    /// The entry recorded last, if any.
    func read() -> (id: Int64, hash: String)? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let parts = text.split(separator: " ")
        guard parts.count == 2, let id = Int64(parts[0]) else { return nil }
        return (id, String(parts[1].trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// What is wrong with a log that ends at `last` (nil: it holds no entry) where this machine last saw `known`: a log
    /// emptied, or that ends before it, or differs at it (`hash(id)` is the stored hash of an entry), is an older or
    /// another copy put in place of the one this machine used.
    static func problem(last: (id: Int64, hash: String)?, known: (id: Int64, hash: String),
                        hash: (Int64) throws -> String?) rethrows -> Phrase? {
        guard let last else { return .key("audit.problem.emptied", ["known": .text(String(known.id))]) }
        guard last.id >= known.id else {
            return .key("audit.problem.older-copy", ["id": .text(String(last.id)), "known": .text(String(known.id))])
        }
        guard try hash(known.id) == known.hash else { return .key("audit.problem.other-copy", ["known": .text(String(known.id))]) }
        return nil
    }

    /// Records the last entry (private to its owner, written whole).
    func write(id: Int64, hash: String) {
        let directory = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? Data("\(id) \(hash)\n".utf8).write(to: url, options: .atomic)
        chmod(url.path, 0o600)
    }
}
