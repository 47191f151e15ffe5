import CaseCore
import Foundation
import GRDB

extension SQLiteCaseStore {
    /// Accounts are managed by the admin; before an admin exists, by a counselor (to bootstrap).
    func checkCanManageAccounts(_ db: Database) throws {
        if session.role == .admin { return }
        let admins = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM keyslot WHERE role = 'admin'") ?? 0
        if session.role == .counselor, admins == 0 { return }
        throw StoreError.notPermitted(.key("permission.admin-manages-accounts"))
    }

    public func accounts() throws -> [Account] {
        guard session.role != .supervisor else { throw StoreError.notPermitted(.key("permission.supervisor-no-accounts")) }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT k.account, k.role, k.createdAt, (SELECT COUNT(*) FROM accountAlias a WHERE a.account = k.account) AS aliases
                FROM keyslot k ORDER BY k.rowid
                """).map {
                Account(name: $0["account"], role: Role(rawValue: $0["role"]) ?? .supervisor, createdAt: $0["createdAt"],
                        aliasCount: $0["aliases"])
            }
        }
    }

    public func addAccount(_ name: String, role: Role, passphrase: String, aliases: [String], now: Date) throws {
        let name = name.trimmingCharacters(in: .whitespaces)
        try AccountName.check(name)
        if let problem = passphrasePolicy.problem(with: passphrase) { throw StoreError.weakPassphrase(problem) }
        // One passphrase, one account: a passphrase that already opens a slot would open as that account instead,
        // and the audit would name the wrong person. (The slow key derivations happen outside the write transaction.)
        let slots = try read { db in try Row.fetchAll(db, sql: "SELECT account, salt, rounds, blockSize, parallelism, wrappedKey FROM keyslot") }
        for slot in slots {
            if Sealer.unwrap(slot["wrappedKey"], with: try Self.kdfParameters(slot).deriveKey(from: passphrase), account: slot["account"]) != nil {
                throw StoreError.passphraseInUse(account: name)
            }
        }
        let params = KDFParameters.fresh(rounds: try read(Self.requiredKDFRounds))
        let kek = try params.deriveKey(from: passphrase)
        let wrapped = try Sealer.wrap(dataKey, with: kek, account: name)
        let key = AccountKey.fresh()
        let sealedPrivateKey = try key.seal(with: kek, account: name, role: role)
        try write { db in
            try checkCanManageAccounts(db)
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM keyslot WHERE account = ?", arguments: [name]) == 0 else {
                throw CaseError.invalidField(field: .key("field.account-name"), problem: .key("problem.account-name-taken", ["name": .text(name)]))
            }
            try Self.insertKeySlot(db, account: name, role: role, params: params, wrapped: wrapped, now: now,
                                   roleSeal: roleSeal(account: name, role: role), publicKey: key.publicKey,
                                   sealedPrivateKey: sealedPrivateKey)
            for alias in Set(([name] + aliases).map(ReportedPerson.matchKey(for:))) where !alias.isEmpty {
                try db.execute(sql: "INSERT OR IGNORE INTO accountAlias (account, matchTag) VALUES (?, ?)",
                               arguments: [name, sealer.matchTag(alias)])
            }
            try AuditLog.append(db, actor: session.account, action: "account-add", caseId: nil,
                                detail: "added \(role.rawValue) account \(name)", at: now, headKey: headKey)
            // A new account may be someone already reported: recuse them from those cases now.
            for caseId in try String.fetchAll(db, sql: "SELECT DISTINCT caseId FROM party") {
                if let id = CaseID(caseId) { try applyAutomaticRecusals(db, id, now: now) }
            }
            // The new account holds the team key; a counselor adding it gives it the keys of cases at once, an admin
            // cannot (the next counselor's login does).
            try grantPending(db, now: now)
        }
    }

    public func removeAccount(_ name: String, now: Date) throws {
        try write { db in
            try checkCanManageAccounts(db)
            guard let role = try String.fetchOne(db, sql: "SELECT role FROM keyslot WHERE account = ?", arguments: [name]) else {
                throw StoreError.unknownAccount(name)
            }
            guard name != session.account else {
                throw StoreError.notPermitted(.key("permission.remove-self"))
            }
            if role == Role.counselor.rawValue,
               try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM keyslot WHERE role = 'counselor'") == 1 {
                throw StoreError.notPermitted(.key("permission.last-counselor", ["name": .text(name)]))
            }
            let alone = try casesHeldOnlyBy(db, name)
            guard alone == 0 else {
                throw StoreError.notPermitted(.key(alone == 1 ? "permission.sole-key-holder.one" : "permission.sole-key-holder.other",
                                                   ["name": .text(name), "count": .text(String(alone))]))
            }
            // Its keys of cases go with it, and every case it held is sealed under new keys at its next write.
            try db.execute(sql: "UPDATE casefile SET rekeyDue = 1 WHERE id IN (SELECT caseId FROM casekey WHERE account = ?)",
                           arguments: [name])
            try db.execute(sql: "DELETE FROM casekey WHERE account = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM accountAlias WHERE account = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM keyslot WHERE account = ?", arguments: [name])
            try AuditLog.append(db, actor: session.account, action: "account-remove", caseId: nil,
                                detail: "removed \(role) account \(name)", at: now, headKey: headKey)
        }
    }
}
