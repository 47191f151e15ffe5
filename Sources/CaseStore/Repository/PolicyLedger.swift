import CaseCore
import Crypto
import Foundation

/// A version of the team policy a database holds: who installed it, when, and the document.
public struct PolicyVersion: Equatable, Sendable {
    public var version: Int
    public var installedAt: Date
    public var installedBy: String
    public var policy: TeamPolicy
}

/// A stored row of the policy table, as every engine keeps it: plain columns, the document sealed, and their seal.
public struct StoredPolicy: Equatable, Sendable {
    public var version: Int
    public var installedAt: Date
    public var installedBy: String
    /// ``TeamPolicy/canonicalJSON``, sealed (AES-GCM under the data key, bound to its version): a server or a copy of
    /// the file holds no setting of it in clear.
    public var document: Data
    /// An HMAC (under the key of the row seals) of the other columns, the document and the previous version's seal.
    public var seal: String
}

/// The rules of the stored policy, the same for every engine: versions count up from 1, each row is sealed and
/// chained to the one before, and no version the audit log recorded installing is missing. An engine only stores and
/// fetches the rows (``StoredPolicy``) and counts the installs its audit log records (a `policy` entry each; the
/// `init` entry of a database created with its policy counts for version 1).
enum PolicyLedger {
    /// The audit action of a version installed after the database was created.
    static let auditAction = "policy"
    /// What the `init` entry of a database created with its policy says (the engine counts it as an install).
    static let createdWithPolicy = "team policy version 1"

    /// The row that installs `policy` after `current` (version 1 when there is none), sealed. Installing the
    /// document already in force is refused: it would change nothing but the version number.
    static func next(_ policy: TeamPolicy, after current: StoredPolicy?, by account: String, at now: Date,
                     sealer: Sealer, key: SymmetricKey) throws -> StoredPolicy {
        let text = policy.canonicalJSON
        if let current, (try? open(current, sealer: sealer)) == text {
            throw StoreError.notPermitted(.key("permission.policy-unchanged", ["version": .text(String(current.version))]))
        }
        // Whole seconds: the time is stored and sealed exactly.
        let at = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let version = (current?.version ?? 0) + 1
        var row = StoredPolicy(version: version, installedAt: at, installedBy: account,
                               document: try sealer.seal(text, context: context(version)), seal: "")
        row.seal = seal(row, text: text, previous: current?.seal, key: key)
        return row
    }

    /// What the audit entry of an installed version says.
    static func auditDetail(_ row: StoredPolicy, changed: [String]) -> String {
        "policy version \(row.version) installed"
            + (changed.isEmpty ? " from the configuration files" : "; changed: \(changed.joined(separator: ", "))")
    }

    /// The version in force among `rows` (every stored row, in version order), after checking each row's seal and
    /// the chain, and that no version the audit log recorded is missing; nil when none is stored.
    static func inForce(_ rows: [StoredPolicy], auditedInstalls: Int, sealer: Sealer, key: SymmetricKey) throws -> PolicyVersion? {
        var previous: String?
        var text = ""
        for (index, row) in rows.enumerated() {
            guard row.version == index + 1, let opened = try? open(row, sealer: sealer),
                  row.seal == seal(row, text: opened, previous: previous, key: key) else { throw forged(row) }
            previous = row.seal
            text = opened
        }
        // Fewer installs in the log than versions stored is the log's own break, which its verification reports.
        guard auditedInstalls <= rows.count else {
            throw StoreError.tamperedPolicy(.key("tampered.policy-missing", ["count": .text(String(auditedInstalls))]))
        }
        guard let last = rows.last else { return nil }
        guard let policy = try? TeamPolicy(canonicalJSON: text) else { throw forged(last) }
        return PolicyVersion(version: last.version, installedAt: last.installedAt, installedBy: last.installedBy, policy: policy)
    }

    static func forged(_ row: StoredPolicy) -> StoreError {
        .tamperedPolicy(.key("tampered.policy", ["version": .text(String(row.version))]))
    }

    static func context(_ version: Int) -> String { "policy:\(version)" }

    static func open(_ row: StoredPolicy, sealer: Sealer) throws -> String {
        try sealer.open(row.document, context: context(row.version))
    }

    static func seal(_ row: StoredPolicy, text: String, previous: String?, key: SymmetricKey) -> String {
        let fields = ["policy", String(row.version), DateText.timestamp(row.installedAt), row.installedBy, text, previous ?? ""]
        return Hex.string(HMAC<SHA256>.authenticationCode(for: Data(fields.joined(separator: "\u{1F}").utf8), using: key))
    }
}

/// What a store works under: the team policy's version in force (nil while the database holds none) and its evaluator.
struct PolicyState: Sendable {
    var version: PolicyVersion?
    var evaluator: CaseEvaluator
}
