import Foundation
import TestKit
import Testing

/// Runs the built `confidant` binary in a private temp folder with its own database and passphrase.
struct CLISandbox {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var binary: URL { packageRoot.appendingPathComponent(".build/debug/confidant") }

    let directory: URL
    var database: URL { directory.appendingPathComponent("cases.db") }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `confidant` with `arguments`; the database is `cases.db` in the sandbox unless `--db` is given.
    @discardableResult
    func run(_ arguments: [String], passphrase: String = "demo", database: URL? = nil) throws -> Result {
        let binary = Self.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build first: swift build --build-tests")
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory.path,
            "XDG_DATA_HOME": directory.appendingPathComponent("xdg-data").path,
            "XDG_CACHE_HOME": directory.appendingPathComponent("xdg-cache").path,
            "CONFIDANT_DATA": Self.packageRoot.appendingPathComponent("Data").path,
            "CONFIDANT_DB": (database ?? self.database).path,
            "CONFIDANT_PASSPHRASE": passphrase,
            "TERM": "dumb",
        ]
        let run = try runProgram(binary.path, arguments, environment: environment, stdin: "", currentDirectory: directory.path)
        return Result(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    /// A demo database (46 fictional cases, passphrase `demo`) at `cases.db`.
    func seedDemo() throws {
        let result = try run(["demo", "--seed-only", "--db", database.path])
        try #require(result.status == 0, "demo seeding failed: \(result.stderr)")
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Rows of an SQL query on an unsealed table, through the sqlite3 tool when it is installed (CI installs it).
    func sql(_ query: String, database: URL? = nil) throws -> [String]? {
        let tool = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else { return nil }
        let run = try runProgram(tool, [(database ?? self.database).path, query], environment: [:])
        return run.stdout.split(separator: "\n").map(String.init)
    }

    /// Case ids from `confidant list --json`.
    func caseIDs(database: URL? = nil) throws -> [String] {
        let result = try run(["list", "--json"], database: database)
        try #require(result.status == 0, "list failed: \(result.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { $0["id"] as? String }.sorted()
    }
}
