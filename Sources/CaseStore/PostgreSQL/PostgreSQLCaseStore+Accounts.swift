import CaseCore
import Foundation

/// Accounts (managed by the admin; before an admin exists, by a counselor) and conflicts of interest.
extension PostgreSQLCaseStore {
    func checkCanManageAccounts(_ tx: PostgresTransaction) throws {
        if session.role == .admin { return }
        let admins = try tx.value("SELECT COUNT(*) FROM keyslot WHERE role = 'admin'", as: Int.self) ?? 0
        if session.role == .counselor, admins == 0 { return }
        throw StoreError.notPermitted(.key("permission.admin-manages-accounts"))
    }

    public func accounts() throws -> [Account] {
        guard session.role != .supervisor else { throw StoreError.notPermitted(.key("permission.supervisor-no-accounts")) }
        return try read { tx in
            try tx.rows("""
                SELECT k.account, k.role, k.createdAt, (SELECT COUNT(*) FROM accountAlias a WHERE a.account = k.account) AS aliases
                FROM keyslot k ORDER BY k.position
                """).map {
                Account(name: try $0.get("account"), role: Role(rawValue: try $0.get("role")) ?? .supervisor,
                        createdAt: try $0.date("createdAt"), aliasCount: try $0.get("aliases"))
            }
        }
    }

    public func addAccount(_ name: String, role: Role, passphrase: String, aliases: [String], now: Date) throws {
        let name = name.trimmingCharacters(in: .whitespaces)
        try AccountName.check(name)
        if let problem = passphrasePolicy.problem(with: passphrase) { throw StoreError.weakPassphrase(problem) }
        // One passphrase, one account (the slow key derivations happen outside the write transaction).
        let slots = try read { tx in try tx.rows("SELECT account, salt, rounds, blockSize, parallelism, wrappedKey FROM keyslot") }
        for slot in slots {
            if Sealer.unwrap(try slot.get("wrappedKey"), with: try Self.kdfParameters(slot).deriveKey(from: passphrase),
                             account: try slot.get("account")) != nil {
                throw StoreError.passphraseInUse(account: name)
            }
        }
        let params = KDFParameters.fresh(rounds: try read(Self.requiredKDFRounds))
        let kek = try params.deriveKey(from: passphrase)
        let wrapped = try Sealer.wrap(dataKey, with: kek, account: name)
        let key = AccountKey.fresh()
        let sealedPrivateKey = try key.seal(with: kek, account: name, role: role)
        try write { tx in
            try checkCanManageAccounts(tx)
            guard try tx.value("SELECT COUNT(*) FROM keyslot WHERE account = $1", name, as: Int.self) == 0 else {
                throw CaseError.invalidField(field: "account name", problem: "'\(name)' is already taken")
            }
            try Self.insertKeySlot(tx, account: name, role: role, params: params, wrapped: wrapped, now: now,
                                   roleSeal: roleSeal(account: name, role: role), publicKey: key.publicKey,
                                   sealedPrivateKey: sealedPrivateKey)
            for alias in Set(([name] + aliases).map(ReportedPerson.matchKey(for:))) where !alias.isEmpty {
                try tx.run("INSERT INTO accountAlias (account, matchTag) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                           name, sealer.matchTag(alias))
            }
            try PostgresAuditLog.append(tx, actor: session.account, action: "account-add", caseId: nil,
                                        detail: "added \(role.rawValue) account \(name)", at: now, headKey: headKey)
            // A new account may be someone already reported: recuse them from those cases now.
            for caseId in try tx.column("SELECT DISTINCT caseId FROM party ORDER BY caseId", as: String.self) {
                if let id = CaseID(caseId) { try applyAutomaticRecusals(tx, id, now: now) }
            }
            // A counselor adding the account gives it the keys of cases at once; an admin cannot (the next counselor's
            // login does).
            try grantPending(tx, now: now)
        }
    }

    public func removeAccount(_ name: String, now: Date) throws {
        try write { tx in
            try checkCanManageAccounts(tx)
            guard let role = try tx.value("SELECT role FROM keyslot WHERE account = $1", name, as: String.self) else {
                throw StoreError.unknownAccount(name)
            }
            guard name != session.account else { throw StoreError.notPermitted(.key("permission.remove-self")) }
            if role == Role.counselor.rawValue,
               try tx.value("SELECT COUNT(*) FROM keyslot WHERE role = 'counselor'", as: Int.self) == 1 {
                throw StoreError.notPermitted(.key("permission.last-counselor", ["name": .text(name)]))
            }
            let alone = try casesHeldOnlyBy(tx, name)
            guard alone == 0 else {
                throw StoreError.notPermitted(.key(alone == 1 ? "permission.sole-key-holder.one" : "permission.sole-key-holder.other",
                                                   ["name": .text(name), "count": .text(String(alone))]))
            }
            // Its keys of cases go with it, and every case it held is sealed under new keys at its next write.
            try tx.run("SELECT confidant_withdraw_account_keys($1)", name)
            try tx.run("DELETE FROM accountAlias WHERE account = $1", name)
            try tx.run("DELETE FROM keyslot WHERE account = $1", name)
            try PostgresAuditLog.append(tx, actor: session.account, action: "account-remove", caseId: nil,
                                        detail: "removed \(role) account \(name)", at: now, headKey: headKey)
        }
    }

    // MARK: Conflicts of interest

    public func declareConflict(_ id: CaseID, reason: String, now: Date) throws {
        let entry = try Recusal.declaration(by: session.account, reason: reason, at: now)
        try checkCanRead()
        try write { tx in
            try checkEntitled(tx, id)
            try recuse(tx, id, account: session.account, automatic: false, entry: entry, now: now)
        }
    }

    public func reassign(_ id: CaseID, note: String, now: Date) throws {
        let entry = try Recusal.takeover(by: session.account, note: note, at: now)
        try checkCanWrite()
        try write { tx in
            try checkEntitled(tx, id)
            changedRows.insert(id.description)
            try tx.run("UPDATE casefile SET needsReassignment = false WHERE id = $1", id.description)
            try insertJournal(tx, entry, caseId: id)
            try PostgresAuditLog.append(tx, actor: session.account, action: "reassign", caseId: id.description,
                                        detail: "reassignment flag cleared", at: now, headKey: headKey)
        }
    }

    /// Recuses every account one of whose names matches a reported person of the case.
    func applyAutomaticRecusals(_ tx: PostgresTransaction, _ id: CaseID, now: Date) throws {
        let matching = try tx.column("""
            SELECT DISTINCT a.account FROM accountAlias a JOIN party p ON p.matchTag = a.matchTag WHERE p.caseId = $1
            ORDER BY a.account
            """, id.description, as: String.self)
        let recused = Set(try tx.column("SELECT account FROM recusal WHERE caseId = $1", id.description, as: String.self))
        for account in matching where !recused.contains(recusalTag(account)) {
            try recuse(tx, id, account: account, automatic: true, entry: Recusal.automatic(account: account, at: now), now: now)
        }
    }

    /// Recuses `account` from a case (the row holds a keyed hash of the name, never the name), journaled.
    func recuse(_ tx: PostgresTransaction, _ id: CaseID, account: String, automatic: Bool, entry: JournalEntry, now: Date) throws {
        try tx.run("INSERT INTO recusal (caseId, account, automatic, at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                   id.description, recusalTag(account), automatic, now)
        changedRows.insert(id.description)
        try tx.run("UPDATE casefile SET needsReassignment = true WHERE id = $1", id.description)
        try insertJournal(tx, entry, caseId: id)
        try withdrawKeys(tx, id, from: account)
        // The audit log is plain: an automatic recusal does not name the account (that would say who is reported).
        try PostgresAuditLog.append(tx, actor: automatic ? Recusal.systemAuthor : account,
                                    action: automatic ? "recusal-automatic" : "recusal", caseId: id.description,
                                    detail: (automatic ? "an account matching a reported person" : account)
                                        + " recused; case flagged for reassignment",
                                    at: now, headKey: headKey)
    }
}
