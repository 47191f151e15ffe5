import CaseCore
import Crypto
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// File handling shared by backup and restore: private staging files, atomic placement, digests.
enum BackupFiles {
    /// Whether two paths name the same database file (directly or as its -wal/-shm companion), symlinks resolved.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        let ra = URL(fileURLWithPath: a).resolvingSymlinksInPath().path
        let rb = URL(fileURLWithPath: b).resolvingSymlinksInPath().path
        return ra == rb || ra == rb + "-wal" || ra == rb + "-shm"
    }

    /// An empty file created with mode 0600 next to `path` (SQLite keeps the mode of a file it opens).
    static func makeStagingFile(beside path: String) throws -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).partial-\(UUID().uuidString.prefix(8))"
        let staging = (directory.isEmpty ? "." : directory) + "/" + name
        let fd = open(staging, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BackupError.io(.key("backup.cannot-create", ["folder": .text(directory), "reason": .text(String(cString: strerror(errno)))])) }
        close(fd)
        return staging
    }

    /// Flushes the staging file, gives it mode 0600 and renames it over `path` in one step.
    static func finish(staging: String, at path: String) throws {
        let fd = open(staging, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
        chmod(staging, 0o600)
        guard rename(staging, path) == 0 else {
            throw BackupError.io(.key("backup.cannot-move", ["path": .text(path), "reason": .text(String(cString: strerror(errno)))]))
        }
        let directory = open((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                             O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// Checkpoints a database's write-ahead log into the main file and leaves it in rollback-journal mode, so the
    /// file alone holds everything.
    static func consolidate(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        }
        try queue.close()
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func sha256(of path: String) throws -> (bytes: Int, hex: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BackupError.io(.key("backup.cannot-read", ["path": .text(path)])) }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            bytes += chunk.count
        }
        return (bytes, Hex.string(hasher.finalize()))
    }

    /// `20261125T120000Z`
    static func stamp(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
