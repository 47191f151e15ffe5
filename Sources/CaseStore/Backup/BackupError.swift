import Foundation
import CaseCore

/// Backup and restore problems, each one sentence a counselor understands.
public enum BackupError: PhrasedError, Equatable, Sendable {
    case sameFile(path: String)
    case destinationExists(path: String)
    case noBackup(path: String)
    case notABackup(path: String, detail: Phrase)
    case damaged(path: String, detail: Phrase)
    case wrongPassphrase(path: String)
    case auditBroken(path: String, detail: Phrase)
    case targetExists(path: String)
    case io(Phrase)

    public var phrase: Phrase {
        switch self {
        case let .sameFile(path): .key("error.backup.same-file", ["path": .text(path)])
        case let .destinationExists(path): .key("error.backup.destination-exists", ["path": .text(path)])
        case let .noBackup(path): .key("error.backup.no-backup", ["path": .text(path)])
        case let .notABackup(path, detail): .key("error.backup.not-a-backup", ["path": .text(path), "detail": detail])
        case let .damaged(path, detail): .key("error.backup.damaged", ["path": .text(path), "detail": detail])
        case let .wrongPassphrase(path): .key("error.backup.wrong-passphrase", ["path": .text(path)])
        case let .auditBroken(path, detail): .key("error.backup.audit-broken", ["path": .text(path), "detail": detail])
        case let .targetExists(path): .key("error.backup.target-exists", ["path": .text(path)])
        case let .io(detail): .key("error.backup.io", ["detail": detail])
        }
    }
}
