import CaseCore
import Foundation

/// One row of the append-only, hash-chained audit log.
public struct AuditEntry: Equatable, Sendable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var caseId: String?
    public var detail: String
    public var prevHash: String
    public var hash: String
}

/// The result of checking the audit chain.
public enum AuditVerification: Equatable, Sendable {
    case intact(entries: Int)
    /// Every entry chains, but breaks found earlier were acknowledged by a counselor (each named here), and stay
    /// reported for good.
    case acknowledged(entries: Int, breaks: [Phrase])
    /// The first entry that does not chain (by id), with what is wrong.
    case broken(entryID: Int64, problem: Phrase)
}
