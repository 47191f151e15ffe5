import CaseCore
import Crypto
import Foundation

/// What `confidant migrate` copied, once the copy was verified.
public struct MigrationReceipt: Equatable, Sendable {
    /// Where the copy is (a path, or a server's URL without its password).
    public var target: String
    /// How many of each were copied (accounts, cases, journal entries, audit entries …), the same in the copy.
    public var counts: [String: Int]
}

extension CaseDesk {
    /// Copies this database whole into a new one at `location`, the other engine or the same: every case, journal and
    /// audit entry, account slot, recusal, alias, purged trace and import fingerprint, still sealed under the same key
    /// (so every passphrase opens the copy as it opened the source). The copy's audit chain continues the source's
    /// with one `migrate` entry. Before it reports, it checks that the counts are the same, that the copy's audit chain
    /// verifies, that no row of the copy fails its seal and that every case opens there as it opens here. The source
    /// is only read, never written (not even this session's login).
    public func migrate(to location: StoreLocation) throws -> MigrationReceipt {
        guard role == .counselor else { throw StoreError.notPermitted(.key("permission.counselor-migrates")) }
        let now = clock()
        let session = store.session
        let (snapshot, dataKey, accountKey, source) = try sourceSnapshot()
        let detail = "copied from \(source): \(snapshot.cases.count) cases, \(snapshot.journal.count) journal entries, "
            + "\(snapshot.audit.count) audit entries, \(snapshot.slots.count) accounts"
        let copy: CaseRepository
        switch location {
        case .file(let path):
            copy = try SQLiteCaseStore.create(at: path, from: snapshot, session: session, dataKey: dataKey, accountKey: accountKey,
                                             evaluator: evaluator) { store, db in
                try AuditLog.append(db, actor: session.account, action: "migrate", caseId: nil, detail: detail, at: now, headKey: store.headKey)
            }
        case .server(let server):
            copy = try PostgreSQLCaseStore.create(at: server, from: snapshot, session: session, dataKey: dataKey,
                                                  accountKey: accountKey, evaluator: evaluator) { store, tx in
                try PostgresAuditLog.append(tx, actor: session.account, action: "migrate", caseId: nil, detail: detail, at: now,
                                            headKey: store.headKey)
            }
        }
        try Self.verify(copy, of: snapshot, source: store)
        return MigrationReceipt(target: location.description, counts: snapshot.counts)
    }

    private func sourceSnapshot() throws -> (StoreSnapshot, SymmetricKey, AccountKey, String) {
        switch store {
        case let sqlite as SQLiteCaseStore: (try sqlite.snapshot(), sqlite.dataKey, sqlite.accountKey, sqlite.path)
        case let server as PostgreSQLCaseStore: (try server.snapshot(), server.dataKey, server.accountKey, server.server.description)
        default: throw StoreError.notPermitted(.key("permission.cannot-move"))
        }
    }

    /// The checks a copy passes before a migration reports success.
    private static func verify(_ copy: CaseRepository, of snapshot: StoreSnapshot, source: CaseRepository) throws {
        func failed(_ what: String) -> StoreError { .corrupted("the copy was made but does not check out (\(what)); do not use it") }
        var copied = try snapshotOf(copy)
        guard copied.audit.count == snapshot.audit.count + 1 else { throw failed("its audit log has \(copied.audit.count) entries") }
        copied.audit.removeLast()
        for (what, count) in copied.counts where snapshot.counts[what] != count {
            throw failed("\(count) \(what) instead of \(snapshot.counts[what] ?? 0)")
        }
        if case let .broken(entry, problem) = try copy.verifyAudit() { throw failed("audit entry \(entry): \(problem)") }
        let tampered = try copy.tamperedCases()
        guard tampered.isEmpty else { throw failed("\(tampered.count) case rows fail their seal") }
        try wholeCases(of: copy) { openCopy in
            try wholeCases(of: source) { openSource in
                for row in snapshot.cases {
                    guard let id = CaseID(row.id), try openCopy(id) == openSource(id) else {
                        throw failed("\(row.id) does not open as it does in the source")
                    }
                }
            }
        }
    }

    private static func snapshotOf(_ store: CaseRepository) throws -> StoreSnapshot {
        switch store {
        case let sqlite as SQLiteCaseStore: try sqlite.snapshot()
        case let server as PostgreSQLCaseStore: try server.snapshot()
        default: throw StoreError.notPermitted(.key("permission.cannot-move"))
        }
    }

    /// Gives `body` a way to open a case with every sealed field opened, without an audit entry (the source stays as it
    /// was), all inside one read of `store`: checking a copy of 100,000 cases is one transaction on each side, not a
    /// transaction a case.
    private static func wholeCases(of store: CaseRepository, _ body: ((CaseID) throws -> Case) throws -> Void) throws {
        switch store {
        case let sqlite as SQLiteCaseStore:
            try sqlite.read { db in try body { id in try sqlite.loadCase(db, id, keys: sqlite.counselorKeys(db, id), unseal: true) } }
        case let server as PostgreSQLCaseStore:
            try server.read { tx in try body { id in try server.loadCase(tx, id, keys: server.counselorKeys(tx, id), unseal: true) } }
        default: throw StoreError.notPermitted(.key("permission.cannot-move"))
        }
    }
}
