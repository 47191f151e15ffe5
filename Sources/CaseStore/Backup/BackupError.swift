import Foundation

/// Backup and restore problems, each one sentence a counselor understands.
public enum BackupError: Error, Equatable, Sendable, CustomStringConvertible {
    case sameFile(path: String)
    case destinationExists(path: String)
    case noBackup(path: String)
    case notABackup(path: String, detail: String)
    case damaged(path: String, detail: String)
    case wrongPassphrase(path: String)
    case auditBroken(path: String, detail: String)
    case targetExists(path: String)
    case io(String)

    public var description: String {
        switch self {
        case let .sameFile(path):
            "\(path) is the database itself; choose another file for the backup."
        case let .destinationExists(path):
            "A file already exists at \(path); it was left untouched (use --force to replace it)."
        case let .noBackup(path):
            "There is no backup file at \(path)."
        case let .notABackup(path, detail):
            "The file \(path) is not a Confidant backup (\(detail)); nothing was restored."
        case let .damaged(path, detail):
            "The backup \(path) is damaged (\(detail)); nothing was restored."
        case let .wrongPassphrase(path):
            "The passphrase does not open the backup \(path); nothing was restored."
        case let .auditBroken(path, detail):
            "The audit log in the backup \(path) does not verify (\(detail)); it may have been tampered with, so nothing was restored."
        case let .targetExists(path):
            "A database already exists at \(path); nothing was restored. Use --force to replace it (a copy of it is kept beside it)."
        case let .io(detail):
            "The backup could not be written or read: \(detail)."
        }
    }
}
