import CaseCore
import Foundation

/// What the exports, statistics, import and backup commands need from a store beyond ``CaseRepository``:
/// bulk work that reads no sealed field it does not have to. ``SQLiteCaseStore`` implements it; a team backend
/// can too, and ``CaseDesk`` says clearly when a store does not.
public protocol CaseBulkStore: CaseRepository {
    /// Adds every intake whose fingerprint was never imported, all in ONE transaction: every case is added, or none.
    /// A fingerprint already imported (or repeated earlier in the same batch) is skipped.
    /// Failures are thrown as ``CaseImportFailure`` naming the intake at fault.
    func importCases(_ intakes: [(fingerprint: String, intake: CaseIntake)], source: String, now: Date) throws
        -> (added: [CaseID], skipped: Int)

    /// Every case the session may see as the statistics report counts it (unsealed facts, acknowledgement and first
    /// contact), from unsealed columns only. Opens no sealed field and writes no audit entry per case.
    func statisticsRecords() throws -> [StatisticsRecord]

    /// Writes a consistent, still-encrypted snapshot of the whole database to `path` (mode 0600) and audits it.
    func backup(to path: String, overwrite: Bool, now: Date) throws -> BackupReceipt
}

/// An import that failed on one of its intakes; nothing was imported.
public struct CaseImportFailure: Error, CustomStringConvertible {
    /// Position of the intake in the batch.
    public var index: Int
    public var underlying: Error

    public var description: String { "case \(index + 1) of the import: \(underlying)" }
}

/// What a backup wrote.
public struct BackupReceipt: Equatable, Sendable {
    public var path: String
    public var cases: Int
    public var bytes: Int
    /// SHA-256 of the backup file, also written to the audit log.
    public var sha256: String
}
