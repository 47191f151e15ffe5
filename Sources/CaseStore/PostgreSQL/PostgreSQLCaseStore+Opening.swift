import CaseCore
import Crypto
import Foundation
import PostgresNIO

/// Opening: creating the tables in an empty database, logging in with a passphrase (failures counted and delayed,
/// as the SQLite engine does), key slots.
extension PostgreSQLCaseStore {
    /// Creates Confidant's tables in an empty database on a server, with one counselor account. Refuses a database that
    /// already holds Confidant's tables.
    @discardableResult
    public static func create(
        at server: PostgresServer, passphrase: String, account: String = "counselor", role: Role = .counselor,
        evaluator: CaseEvaluator, kdfRounds: Int = KDFParameters.standardRounds, organisation: String? = nil,
        passphrasePolicy: PassphrasePolicy? = PassphrasePolicy(), now: Date = Date()
    ) throws -> PostgreSQLCaseStore {
        if let problem = passphrasePolicy?.problem(with: passphrase) { throw StoreError.weakPassphrase(problem) }
        let link = try PostgresLink.connect(server)
        let dataKey = SymmetricKey(size: .bits256)
        let params = KDFParameters.fresh(rounds: kdfRounds)
        let kek = try params.deriveKey(from: passphrase)
        let wrapped = try Sealer.wrap(dataKey, with: kek, account: account)
        let accountKey = AccountKey.fresh()
        let sealedPrivateKey = try accountKey.seal(with: kek, account: account, role: role)
        let store = PostgreSQLCaseStore(link: link, server: server, session: Session(account: account, role: role),
                                        dataKey: dataKey, accountKey: accountKey, evaluator: evaluator)
        store.passphrasePolicy = passphrasePolicy ?? PassphrasePolicy()
        let head = try mapping(server) {
            try link.transaction { tx in
                try createTables(tx, server)
                try tx.run("INSERT INTO meta (key, value) VALUES ('format', 'confidant-1')")
                try tx.run("INSERT INTO meta (key, value) VALUES ('kdfRounds', $1)", String(kdfRounds))
                if let organisation = organisation?.trimmingCharacters(in: .whitespacesAndNewlines), !organisation.isEmpty {
                    try tx.run("INSERT INTO meta (key, value) VALUES ('organisation', $1)", organisation)
                }
                try insertKeySlot(tx, account: account, role: role, params: params, wrapped: wrapped, now: now,
                                  roleSeal: store.roleSeal(account: account, role: role), publicKey: accountKey.publicKey,
                                  sealedPrivateKey: sealedPrivateKey)
                let policy = evaluator.source.map { _ in "; " + PolicyLedger.createdWithPolicy } ?? ""
                try PostgresAuditLog.append(tx, actor: account, action: "init", caseId: nil,
                                            detail: "database created with \(role.rawValue) account (rows sealed, keys per case\(policy))",
                                            at: now, headKey: store.headKey)
                if let policy = evaluator.source {
                    try install(tx, policy, account: account, audit: nil, now: now, sealer: store.sealer, rowKey: store.rowKey,
                                headKey: store.headKey)
                }
                return try auditHead(tx)
            }
        }
        keepOutside(head)
        return store
    }

    /// Creates Confidant's tables, and the database's random id, in an empty database (under the write lock); refuses
    /// a database that already holds them.
    static func createTables(_ tx: PostgresTransaction, _ server: PostgresServer) throws {
        try tx.run("SELECT pg_advisory_xact_lock($1)", PostgreSQLSchema.writeLock)
        if try tx.value("SELECT to_regclass('meta') IS NOT NULL", as: Bool.self) == true {
            throw StoreError.alreadyExists(path: server.description)
        }
        try PostgreSQLSchema.migrate(tx)
        try tx.run("INSERT INTO meta (key, value) VALUES ('databaseId', $1)", Hex.string(SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }))
    }

    /// Opens a database on a server. The passphrase is tried against the named account, or every account. A wrong one
    /// opens nothing: it is counted, and each further failure waits longer before the next try.
    public static func open(
        at server: PostgresServer, passphrase: String, account: String? = nil, evaluator: CaseEvaluator,
        passphrasePolicy: PassphrasePolicy = PassphrasePolicy(), now: Date = Date(),
        pause: (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) throws -> PostgreSQLCaseStore {
        let link = try PostgresLink.connect(server)
        let (slots, failures, login) = try mapping(server) {
            try link.transaction { tx in
                guard try tx.value("SELECT to_regclass('meta') IS NOT NULL", as: Bool.self) == true,
                      try tx.value("SELECT value FROM meta WHERE key = 'format'", as: String.self) == "confidant-1" else {
                    throw StoreError.noDatabase(path: server.description)
                }
                try PostgreSQLSchema.migrate(tx)
                return (try tx.rows("SELECT * FROM keyslot" + (account == nil ? "" : " WHERE account = $1") + " ORDER BY position",
                                    arguments: account.map { [$0] as [any SQLArgument] } ?? []),
                        try tx.value("SELECT COUNT(*) FROM loginFailure", as: Int.self) ?? 0,
                        try serverLogin(tx))
            }
        }
        if let account, slots.isEmpty { throw StoreError.unknownAccount(account) }
        let delay = SQLiteCaseStore.failureDelay(after: failures)
        if delay > 0 { pause(delay) }
        for slot in slots {
            let params = try kdfParameters(slot)
            let name: String = try slot.get("account")
            let kek = try params.deriveKey(from: passphrase)
            guard let dataKey = Sealer.unwrap(try slot.get("wrappedKey"), with: kek, account: name) else { continue }
            let role = Role(rawValue: try slot.get("role")) ?? .supervisor
            // The role is bound to the account's private key: a role changed on the server makes it not open; it is also
            // a plain column, obeyed only while it matches its seal.
            guard let sealedKey = try slot.get("sealedPrivateKey", as: Data?.self),
                  let accountKey = AccountKey.open(sealedKey, with: kek, account: name, role: role) else {
                throw StoreError.tamperedRecord(.key("tampered.role", ["account": .text(name)]))
            }
            // A person logged in to the server under their own name (row-level security) works as that account only.
            if let login, login != name {
                link.close()
                throw StoreError.notPermitted(.key("permission.server-login", ["login": .text(login), "account": .text(name)]))
            }
            let store = PostgreSQLCaseStore(link: link, server: server, session: Session(account: name, role: role),
                                            dataKey: dataKey, accountKey: accountKey, evaluator: evaluator)
            guard try slot.get("roleSeal", as: String?.self) == store.roleSeal(account: name, role: role) else {
                throw StoreError.tamperedRecord(.key("tampered.role", ["account": .text(name)]))
            }
            // The team policy the database holds is the one in force: a forged version is refused here.
            _ = try store.policyInForce()
            store.pendingLogin.set(now)
            store.passphrasePolicy = passphrasePolicy
            store.staleCopy.set(try store.compareWithHeadOutside())
            let required = try store.read(requiredKDFRounds)
            if params.rounds < required || params.blockSize < 8 {
                let stronger = KDFParameters.fresh(rounds: required)
                let strongerKEK = try stronger.deriveKey(from: passphrase)
                store.pendingRewrap.set(Rewrap(params: stronger, wrapped: try Sealer.wrap(dataKey, with: strongerKEK, account: name),
                                               sealedPrivateKey: try accountKey.seal(with: strongerKEK, account: name, role: role),
                                               from: params.rounds))
            }
            store.failedAttempts = try store.read { tx in
                try tx.rows("SELECT at FROM loginFailure ORDER BY id").map { try $0.date("at") }
            }
            return store
        }
        try? mapping(server) {
            try link.transaction { tx in
                try tx.run("SELECT pg_advisory_xact_lock($1)", PostgreSQLSchema.writeLock)
                try tx.run("INSERT INTO loginFailure (id, at, account) VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM loginFailure), $1, $2)",
                           now, account)
            }
        }
        link.close()
        throw StoreError.wrongPassphrase
    }

    /// Whether `passphrase` opens this session's account: a login whose connection is closed again at once.
    public func checkPassphrase(_ passphrase: String, now: Date) -> Bool {
        guard let check = try? Self.open(at: server, passphrase: passphrase, account: session.account, evaluator: evaluator,
                                         passphrasePolicy: passphrasePolicy, now: now)
        else { return false }
        check.close()
        return true
    }

    /// The accounts of a database, read without a passphrase (their names are not sealed), for the login prompt.
    public static func accountNames(at server: PostgresServer) throws -> [String] {
        let link = try PostgresLink.connect(server)
        defer { link.close() }
        return try mapping(server) {
            try link.transaction { tx in
                guard try tx.value("SELECT to_regclass('keyslot') IS NOT NULL", as: Bool.self) == true else { return [] }
                return try tx.column("SELECT account FROM keyslot ORDER BY position", as: String.self)
            }
        }
    }

    /// The name this connection logged in to the server with, when that is not the tables' owner (a person's own login,
    /// restricted by row-level security); nil for the owner's login.
    static func serverLogin(_ tx: PostgresTransaction) throws -> String? {
        guard let row = try tx.rows("""
            SELECT session_user::text AS login, tableowner::text AS owner FROM pg_tables WHERE schemaname = current_schema()
              AND tablename = 'casefile'
            """).first else { return nil }
        let login: String = try row.get("login")
        return login == (try row.get("owner", as: String.self)) ? nil : login
    }

    func roleSeal(account: String, role: Role) -> String { StoreKeys.roleSeal(account: account, role: role, key: rowKey) }

    func mac(_ text: String) -> String { StoreKeys.mac(text, key: rowKey) }

    static func kdfParameters(_ slot: PostgresRandomAccessRow) throws -> KDFParameters {
        KDFParameters(salt: try slot.get("salt"), rounds: try slot.get("rounds"), blockSize: try slot.get("blockSize"),
                      parallelism: try slot.get("parallelism"))
    }

    static func requiredKDFRounds(_ tx: PostgresTransaction) throws -> Int {
        try tx.value("SELECT value FROM meta WHERE key = 'kdfRounds'", as: String.self).flatMap(Int.init) ?? KDFParameters.standardRounds
    }

    static func insertKeySlot(_ tx: PostgresTransaction, account: String, role: Role, params: KDFParameters, wrapped: Data,
                              now: Date, roleSeal: String, publicKey: Data, sealedPrivateKey: Data) throws {
        try tx.run("""
            INSERT INTO keyslot (account, position, role, kdf, salt, rounds, blockSize, parallelism, wrappedKey, createdAt, roleSeal,
                publicKey, sealedPrivateKey)
            VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM keyslot), $2, 'scrypt', $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, account, role.rawValue, params.salt, params.rounds, params.blockSize, params.parallelism, wrapped, now, roleSeal,
                   publicKey, sealedPrivateKey)
    }
}
