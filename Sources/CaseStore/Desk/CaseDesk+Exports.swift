import CaseCore
import Foundation

/// Exports, statistics, import and backup, shared by the command line and the terminal UI.
extension CaseDesk {
    // MARK: Export

    /// A case as the document every export format renders, redacted for `audience`. Opening the case is audited
    /// by the store; call ``recordExport(_:format:audience:destination:)`` once the export is written.
    public func exportDocument(_ id: CaseID, for audience: Audience) throws -> CaseDocument {
        if audience == .counselor, store.session.role != .counselor {
            throw StoreError.notPermitted(.key("permission.counselor-export"))
        }
        let view = try open(id)
        return ExportRedaction.document(item: view.item, evaluation: view.evaluation, audience: audience, now: clock(), catalogue: catalogue)
    }

    /// Appends the audit entry of an export: format, audience and where it went (never its content or path).
    public func recordExport(_ id: CaseID, format: CaseExportFormat, audience: Audience, toFile: Bool) throws {
        try store.audit(action: "export", caseId: id,
                        detail: "\(format.rawValue), \(audience.rawValue), \(toFile ? "to a file" : "to standard output")", now: clock())
    }

    // MARK: Statistics

    /// The anonymised statistics report for the cases received between `from` and `to` (inclusive days).
    /// Built from unsealed facts and milestone dates: no sealed field is opened.
    public func statistics(from: Date?, to: Date?) throws -> StatisticsReport {
        guard store.session.role == .counselor else {
            throw StoreError.notPermitted(.key("permission.statistics"))
        }
        // Purged cases still count, through the anonymised trace the purge left.
        let records = try store.statisticsRecords() + (try store.purgedTraces().map(StatisticsRecord.init(trace:)))
        return StatisticsReport(records: records, taxonomy: taxonomy, from: from, to: to, now: clock(), catalogue: catalogue)
    }

    /// Appends the audit entry of a statistics report.
    public func recordReport(_ report: StatisticsReport, format: StatisticsFormat, toFile: Bool) throws {
        try store.audit(action: "report", caseId: nil,
                        detail: "\(format.rawValue), received \(report.from ?? "start")…\(report.to), \(toFile ? "to a file" : "to standard output")",
                        now: clock())
    }

    // MARK: Import

    /// Checks every case of the plan, then adds the new ones in one transaction: all of them or none.
    /// Problems are thrown as ``ImportError`` naming the line (CSV) or case (JSON) and the column.
    public func importCases(_ plan: ImportPlan) throws -> (added: [CaseID], skipped: Int) {
        let now = clock()
        try plan.validate(evaluator: evaluator, now: now)
        do {
            return try store.importCases(
                plan.items.map { ($0.fingerprint, $0.intake) }, source: "\(plan.source.rawValue) file", now: now)
        } catch let failure as CaseImportFailure {
            let location = plan.items.indices.contains(failure.index) ? plan.items[failure.index].location : ImportPlan.case(failure.index + 1)
            if let error = failure.underlying as? CaseError { throw plan.error(error, at: location) }
            throw failure.underlying
        }
    }

    // MARK: Backup

    /// Writes an encrypted snapshot of the database to `path` (mode 0600) and audits it.
    public func backup(to path: String, overwrite: Bool) throws -> BackupReceipt {
        try store.backup(to: path, overwrite: overwrite, now: clock())
    }
}
