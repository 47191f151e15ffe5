import Foundation

/// What a backup wrote.
public struct BackupReceipt: Equatable, Sendable {
    public var path: String
    public var cases: Int
    public var bytes: Int
    /// SHA-256 of the backup file, also written to the audit log.
    public var sha256: String
}

/// What a restore did.
public struct RestoreReceipt: Equatable, Sendable {
    public var cases: Int
    public var auditEntries: Int
    /// Where the database that was replaced was kept, when there was one.
    public var previousKeptAt: String?
}
