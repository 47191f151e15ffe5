import CaseCore
import Crypto
import Foundation

/// A version of the team policy a database holds: who installed it, when, and the document.
public struct PolicyVersion: Equatable, Sendable {
    public var version: Int
    public var installedAt: Date
    public var installedBy: String
    public var policy: TeamPolicy

    public init(version: Int, installedAt: Date, installedBy: String, policy: TeamPolicy) {
        self.version = version
        self.installedAt = installedAt
        self.installedBy = installedBy
        self.policy = policy
    }
}

/// A stored row of the policy table, as every engine keeps it: plain columns and their seal.
public struct StoredPolicy: Equatable, Sendable {
    public var version: Int
    public var installedAt: Date
    public var installedBy: String
    /// ``TeamPolicy/canonicalJSON``.
    public var document: String
    /// An HMAC (under the key of the row seals) of the other columns and of the previous version's seal.
    public var seal: String
}

/// The rules of the stored policy, the same for every engine: versions count up from 1, each row is sealed and
/// chained to the one before, and the versions in force are exactly those the audit log recorded installing. An
/// engine only stores and fetches the rows (``StoredPolicy``) and counts the audit's `policy` entries.
enum PolicyLedger {
    /// The audit action of an installed version.
    static let auditAction = "policy"

    /// The row that installs `policy` after `current` (version 1 when there is none), sealed. Installing the
    /// document already in force is refused: it would change nothing but the version number.
    static func next(_ policy: TeamPolicy, after current: StoredPolicy?, by account: String, at now: Date,
                     key: SymmetricKey) throws -> StoredPolicy {
        if let current, current.document == policy.canonicalJSON {
            throw StoreError.notPermitted(.key("permission.policy-unchanged", ["version": .text(String(current.version))]))
        }
        // Whole seconds: the time is stored and sealed exactly.
        let at = Date(timeIntervalSince1970: (now.timeIntervalSince1970).rounded(.down))
        var row = StoredPolicy(version: (current?.version ?? 0) + 1, installedAt: at, installedBy: account,
                               document: policy.canonicalJSON, seal: "")
        row.seal = seal(row, previous: current?.seal, key: key)
        return row
    }

    /// What the audit entry of an installed version says.
    static func auditDetail(_ row: StoredPolicy, changed: [String]) -> String {
        "policy version \(row.version) installed"
            + (changed.isEmpty ? " from the configuration files" : "; changed: \(changed.joined(separator: ", "))")
    }

    /// The version in force among `rows` (every stored row, in version order), after checking each row's seal, the
    /// chain and the count of installs the audit log recorded; nil when none is stored and none was installed.
    static func inForce(_ rows: [StoredPolicy], auditedInstalls: Int, key: SymmetricKey) throws -> PolicyVersion? {
        var previous: String?
        for (index, row) in rows.enumerated() {
            guard row.version == index + 1, row.seal == seal(row, previous: previous, key: key),
                  let policy = try? TeamPolicy(canonicalJSON: row.document) else {
                throw StoreError.tamperedPolicy(.key("tampered.policy", ["version": .text(String(row.version))]))
            }
            previous = row.seal
            if index == rows.count - 1 {
                guard auditedInstalls == rows.count else { break }
                return PolicyVersion(version: row.version, installedAt: row.installedAt, installedBy: row.installedBy, policy: policy)
            }
        }
        guard auditedInstalls == rows.count else {
            throw StoreError.tamperedPolicy(.key("tampered.policy-missing", ["count": .text(String(auditedInstalls))]))
        }
        return nil
    }

    static func seal(_ row: StoredPolicy, previous: String?, key: SymmetricKey) -> String {
        let text = ["policy", String(row.version), DateText.timestamp(row.installedAt), row.installedBy, row.document,
                    previous ?? ""].joined(separator: "\u{1F}")
        return Hex.string(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }
}
