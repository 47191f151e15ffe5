import CaseCore
import CaseStore
import Foundation

/// The benchmark's databases on a PostgreSQL server (a team's engine).
extension BenchDatabase {
    /// The name of the cached database of `count` cases on a server.
    public static func serverName(count: Int) -> String { "confidant_bench_\(count)_v\(generatorVersion)" }

    /// A cached database of `count` cases on `server`, built on first use: the same cases as the file of that size
    /// (``cached(count:in:config:now:)``, built first if need be), copied onto the server by `confidant migrate`'s own
    /// path (``CaseStore/CaseDesk/migrate(to:)``: every row in one transaction, then the counts, the audit chain, the
    /// row seals and every case checked) into a database named after the size and the generator's version. It is
    /// built under a temporary name and renamed once verified, so an interrupted build is never reused.
    /// Returns the server naming that database, and whether it was built now.
    public static func cached(count: Int, on server: PostgresServer, fileCache directory: String, config: ConfidantConfiguration,
                              now: Date) throws -> (server: PostgresServer, built: Bool) {
        let name = serverName(count: count)
        if try server.hasDatabase(name) { return (server.withDatabase(name), false) }
        let file = try cached(count: count, in: directory, config: config, now: now)
        let partial = name + "_partial"
        try server.dropDatabase(partial)
        try server.createDatabase(partial)
        do {
            let source = try CaseDesk.open(.file(file), passphrase: passphrase, evaluator: config.evaluator(), clock: { now })
            _ = try source.migrate(to: .server(server.withDatabase(partial)))
        }
        try server.renameDatabase(partial, to: name)
        return (server.withDatabase(name), true)
    }

    /// A scratch copy of a cached database for work that writes (the eight desks), so the cached one stays as built:
    /// a copy of the file, or a database the server copies from the cached one. `discard` removes it.
    public static func scratchCopy(of location: StoreLocation) throws -> StoreLocation {
        switch location {
        case .file(let path):
            let copy = path.replacingOccurrences(of: ".db", with: "") + "-scratch.db"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            // What the last session left in the write-ahead log is part of the database.
            if FileManager.default.fileExists(atPath: path + "-wal") { try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal") }
            return .file(copy)
        case .server(let server):
            let copy = server.database + "_scratch"
            try server.dropDatabase(copy)
            try whenReleased { try server.createDatabase(copy, copying: server.database) }
            return .server(server.withDatabase(copy))
        }
    }

    /// Removes a scratch copy.
    public static func discard(_ location: StoreLocation) throws {
        switch location {
        case .file(let path):
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .server(let server):
            try whenReleased { try server.dropDatabase(server.database) }
        }
    }

    /// The server copies or drops a database nobody is connected to: a store just released may still be saying goodbye.
    private static func whenReleased(_ body: () throws -> Void) throws {
        for _ in 1..<20 {
            if (try? body()) != nil { return }
            Thread.sleep(forTimeInterval: 0.25)
        }
        try body()
    }
}
