import Foundation

/// The databases on a server, for tools that keep several side by side (the benchmark's cached copies): listed,
/// created (empty, or as a copy of another, which the server makes file by file), renamed and dropped, by the URL's
/// role (which must be allowed to create databases) connected to the server's maintenance database, `postgres`.
extension PostgresServer {
    /// The same server and role, another database on it.
    public func withDatabase(_ name: String) -> PostgresServer {
        var other = self
        other.database = name
        return other
    }

    /// Whether the server has a database of that name.
    public func hasDatabase(_ name: String) throws -> Bool {
        try administer { link in
            !(try link.rows("SELECT 1 FROM pg_database WHERE datname = $1", [name])).isEmpty
        }
    }

    /// Creates a database, empty or as a copy of `template` (nobody may be connected to the template meanwhile).
    public func createDatabase(_ name: String, copying template: String? = nil) throws {
        try administer { link in
            _ = try link.rows("CREATE DATABASE \(try Self.identifier(name))" + (try template.map { " TEMPLATE \(try Self.identifier($0))" } ?? ""))
        }
    }

    public func renameDatabase(_ name: String, to newName: String) throws {
        try administer { link in
            _ = try link.rows("ALTER DATABASE \(try Self.identifier(name)) RENAME TO \(try Self.identifier(newName))")
        }
    }

    /// Drops a database if it is there.
    public func dropDatabase(_ name: String) throws {
        try administer { link in _ = try link.rows("DROP DATABASE IF EXISTS \(try Self.identifier(name))") }
    }

    /// The server login of a Confidant account's own name, with `password`, granted this database's tables as
    /// README's team set-up grants them: the login the server's row-level security gives only the rows that account's
    /// keys open. Made if missing (logins are the server's, shared by its databases); run by the database's owner.
    public func personalLogin(_ account: String, password: String) throws -> PostgresServer {
        guard AccountName.isValid(account) else {
            throw StoreError.server("'\(account)' cannot be a server login's name.")
        }
        let link = try PostgresLink.connect(self)
        defer { link.close() }
        try PostgreSQLCaseStore.mapping(self) {
            let role = "\"\(account)\"", secret = "'" + password.replacingOccurrences(of: "'", with: "''") + "'"
            _ = try link.rows("DO $$ BEGIN CREATE ROLE \(role) LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
            _ = try link.rows("ALTER ROLE \(role) PASSWORD \(secret)")
            for grant in ["GRANT CONNECT ON DATABASE \(try Self.identifier(database))", "GRANT USAGE ON SCHEMA public",
                          "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public"] {
                _ = try link.rows("\(grant) TO \(role)")
            }
        }
        var login = self
        login.user = account
        login.password = password
        return login
    }

    private func administer<T>(_ body: (PostgresLink) throws -> T) throws -> T {
        let link = try PostgresLink.connect(withDatabase("postgres"))
        defer { link.close() }
        return try PostgreSQLCaseStore.mapping(self) { try body(link) }
    }

    /// A database name as SQL: lower-case letters, digits and underscores only, so it needs no quoting.
    private static func identifier(_ name: String) throws -> String {
        guard !name.isEmpty, name.utf8.count < 64, name.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else { throw StoreError.server("'\(name)' is not a database name of lower-case letters, digits and underscores.") }
        return name
    }
}
