import CaseCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension SQLiteCaseStore {
    public func backup(to path: String, overwrite: Bool, now: Date) throws -> BackupReceipt {
        guard session.role == .counselor else { throw StoreError.notPermitted(.key("permission.backup")) }
        let destination = URL(fileURLWithPath: path).standardizedFileURL.path
        guard !BackupFiles.sameFile(destination, self.path) else { throw BackupError.sameFile(path: destination) }
        if FileManager.default.fileExists(atPath: destination), !overwrite { throw BackupError.destinationExists(path: destination) }

        let staging = try BackupFiles.makeStagingFile(beside: destination)
        do {
            let target = try DatabaseQueue(path: staging)
            do {
                // One step inside one read transaction of the pool: a consistent snapshot, even while others write.
                try pool.backup(to: target)
                // A single self-contained file: no -wal beside it to forget when copying it.
                try target.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
                try target.close()
            } catch {
                try? target.close()
                throw error
            }
            try BackupFiles.finish(staging: staging, at: destination)
        } catch {
            BackupFiles.remove(staging)
            throw Self.mapError(error, path: destination)
        }
        let cases = try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM casefile") ?? 0 }
        let (bytes, digest) = try BackupFiles.sha256(of: destination)
        try audit(action: "backup", caseId: nil, detail: "encrypted snapshot written (\(cases) cases, \(bytes) bytes, sha256 \(digest))", now: now)
        return BackupReceipt(path: destination, cases: cases, bytes: bytes, sha256: digest)
    }

    /// Replaces (or creates) the database at `targetPath` with the backup at `backupPath`.
    ///
    /// The backup is copied to a staging file next to the target and checked there — `PRAGMA integrity_check`,
    /// the Confidant format, the passphrase, the audit chain — before anything is replaced. An existing target is
    /// only replaced with `force`, and is first copied to `<target>.before-restore-<time>`; it is then overwritten
    /// through SQLite's backup API rather than by renaming, so a Confidant window that has it open sees the restored
    /// data instead of writing on into a deleted file.
    public static func restore(
        from backupPath: String, to targetPath: String, passphrase: String, account: String? = nil,
        evaluator: CaseEvaluator, force: Bool, now: Date = Date()
    ) throws -> RestoreReceipt {
        let source = URL(fileURLWithPath: backupPath).standardizedFileURL.path
        let target = URL(fileURLWithPath: targetPath).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: source) else { throw BackupError.noBackup(path: source) }
        guard !BackupFiles.sameFile(source, target) else { throw BackupError.sameFile(path: source) }
        let targetExists = FileManager.default.fileExists(atPath: target)
        if targetExists, !force { throw BackupError.targetExists(path: target) }

        let directory = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let staging = try BackupFiles.makeStagingFile(beside: target)
        defer { BackupFiles.remove(staging) }

        // 1. Copy the backup without writing to it (read-only), then check the copy.
        do {
            var config = Configuration()
            config.readonly = true
            let reader = try DatabaseQueue(path: source, configuration: config)
            defer { try? reader.close() }
            let copy = try DatabaseQueue(path: staging)
            defer { try? copy.close() }
            try reader.backup(to: copy)
            let check = try copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard check == ["ok"] else {
                throw BackupError.damaged(path: source, detail: .text(check.prefix(3).joined(separator: "; ")))
            }
            try copy.close()
        } catch let error as BackupError {
            throw error
        } catch let error as DatabaseError {
            let detail: Phrase = error.resultCode == .SQLITE_NOTADB ? .key("store.not-sqlite") : .text(error.message ?? "\(error.resultCode)")
            if error.resultCode == .SQLITE_CORRUPT { throw BackupError.damaged(path: source, detail: detail) }
            throw BackupError.notABackup(path: source, detail: detail)
        }

        // 2. Open the copy with the passphrase (this also brings an older backup's schema up to date) and verify the audit chain.
        let store: SQLiteCaseStore
        do {
            store = try SQLiteCaseStore.open(at: staging, passphrase: passphrase, account: account, evaluator: evaluator, now: now)
        } catch StoreError.wrongPassphrase {
            throw BackupError.wrongPassphrase(path: source)
        } catch let StoreError.notADatabase(_, detail) {
            throw BackupError.notABackup(path: source, detail: detail)
        }
        var keptAt: String?
        do {
            defer { try? store.pool.close() }
            if case let .broken(entry, problem) = try store.verifyAudit() {
                throw BackupError.auditBroken(path: source, detail: .key("audit.break", ["id": .text(String(entry)), "detail": problem]))
            }
            if targetExists {
                keptAt = target + ".before-restore-" + BackupFiles.stamp(now)
            }
            let cases = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM casefile") ?? 0 }
            // A restore is the one legitimate way an older copy takes the file's place: the audit head this machine
            // keeps outside the file follows the restored log from here on.
            store.staleCopy.set(nil)
            if !targetExists {
                // Restored into a new place, it is a database of its own: its audit head is kept apart from the original's.
                try store.pool.write { db in
                    try db.execute(sql: "UPDATE meta SET value = lower(hex(randomblob(16))) WHERE key = 'databaseId'")
                    try AuditLog.rebindHead(db, headKey: store.headKey)
                }
            }
            try store.audit(
                action: "restore", caseId: nil,
                detail: "database restored from a backup (\(cases) cases)"
                    + (keptAt.map { " replacing a database kept as \(($0 as NSString).lastPathComponent)" } ?? ""),
                now: now)
            try store.pool.close()
        }
        // The pool may leave what it wrote in the copy's -wal file (its last connection to close is a reader, which
        // does not checkpoint): fold it into the main file before that file is moved or copied.
        try BackupFiles.consolidate(staging)

        // 3. Put it in place.
        do {
            if let keptAt {
                let current = try DatabasePool(path: target)
                defer { try? current.close() }
                let safety = try BackupFiles.makeStagingFile(beside: keptAt)
                do {
                    let safetyQueue = try DatabaseQueue(path: safety)
                    try current.backup(to: safetyQueue)
                    try safetyQueue.close()
                    try BackupFiles.finish(staging: safety, at: keptAt)
                } catch {
                    BackupFiles.remove(safety)
                    throw error
                }
                let restored = try DatabaseQueue(path: staging)
                defer { try? restored.close() }
                try restored.backup(to: current)
                try current.close()
            } else {
                // A -wal or -shm left behind by a deleted database would be replayed into the restored one.
                for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
                try BackupFiles.finish(staging: staging, at: target)
            }
        } catch let error as BackupError {
            throw error
        } catch {
            throw Self.mapError(error, path: target)
        }
        chmod(target, 0o600)

        // 4. Check what is now in place.
        let final = try DatabaseQueue(path: target)
        defer { try? final.close() }
        let (cases, audits, check) = try final.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM casefile") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? 0,
             try String.fetchAll(db, sql: "PRAGMA quick_check"))
        }
        guard check == ["ok"] else { throw BackupError.damaged(path: target, detail: .key("backup.after-restoring", ["check": .text(check.joined(separator: "; "))])) }
        return RestoreReceipt(cases: cases, auditEntries: audits, previousKeptAt: keptAt)
    }
}
