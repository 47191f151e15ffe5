import Foundation

/// The one way tests run `confidant`: a private folder with its own database, the package's Data folder, a
/// passphrase and a fixed clock in the environment, no terminal (see ``RunningProgram``).
///
/// Commands run the test-clock build (`confidant-test-clock`, whose clock is `CONFIDANT_NOW`) unless `shipped` asks
/// for the binary as installed, whose clock is the real one.
public struct ConfidantSandbox: Sendable {
    /// The command line with a clock that `CONFIDANT_NOW` fixes; everything else is the shipped code.
    public static let testClockBinary = TestFixtures.packageRoot.appendingPathComponent(".build/debug/confidant-test-clock").path
    /// The shipped `confidant`, which never reads the time from the environment.
    public static let shippedBinary = TestFixtures.packageRoot.appendingPathComponent(".build/debug/confidant").path
    /// The sqlite3 tool, to read or damage a database as someone holding the file would.
    public static let sqliteTool = "/usr/bin/sqlite3"

    /// The sandbox folder: `HOME`, the working directory, and where ``database`` lives.
    public let directory: URL
    /// The database commands use (`CONFIDANT_DB`), `cases.db` in ``directory`` unless set otherwise.
    public var database: String
    /// `CONFIDANT_PASSPHRASE`; nil leaves it out (the command then has no passphrase to use).
    public var passphrase: String?
    /// `CONFIDANT_NOW`, the test-clock build's time; nil runs it on the real clock.
    public var now: String?

    /// A new sandbox with an empty folder and no database yet.
    public init(passphrase: String? = TestFixtures.passphrase, now: String? = TestFixtures.nowText) {
        directory = TestFixtures.temporaryDirectory("confidant-sandbox")
        database = directory.appendingPathComponent("cases.db").path
        self.passphrase = passphrase
        self.now = now
    }

    /// A sandbox whose database holds the demo cases (`Data/demo-cases.json`), with the demo's passphrase `demo`.
    /// It runs on the real clock: `confidant demo` shifts the demo cases to the real day whatever the command's clock.
    public static func demo() throws -> ConfidantSandbox {
        let sandbox = ConfidantSandbox(passphrase: "demo", now: nil)
        let seeded = try sandbox.run(["demo", "--seed-only", "--db", sandbox.database])
        guard seeded.status == 0 else { throw ProgramError("demo seeding failed: \(seeded.stderr)") }
        return sandbox
    }

    /// Removes the sandbox folder.
    public func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The environment a command runs in: the sandbox's database, passphrase and clock, the package's Data folder,
    /// a dumb terminal; `extra` adds or replaces variables.
    public func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": "/usr/bin:/bin",
            "HOME": directory.path,
            "XDG_DATA_HOME": directory.appendingPathComponent("xdg-data").path,
            "XDG_CACHE_HOME": directory.appendingPathComponent("xdg-cache").path,
            "CONFIDANT_DATA": TestFixtures.dataDirectory.path,
            "CONFIDANT_DB": database,
            "TERM": "dumb",
        ]
        if let passphrase { environment["CONFIDANT_PASSPHRASE"] = passphrase }
        if let now { environment["CONFIDANT_NOW"] = now }
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs `confidant ARGUMENTS` to its end in the sandbox, with `stdin` as its standard input (empty when nil);
    /// `database` replaces the sandbox's database for this command. After `killAfter` seconds a command still
    /// running gets SIGKILL.
    @discardableResult
    public func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:],
                    database: String? = nil, shipped: Bool = false, killAfter: TimeInterval? = nil) throws -> ProgramRun {
        let program = try start(arguments, environment: extra, database: database, shipped: shipped)
        return try program.finish(input: stdin.map { Data($0.utf8) }, killAfter: killAfter)
    }

    /// Starts `confidant ARGUMENTS` in the sandbox and returns it running (to look at it before it ends).
    public func start(_ arguments: [String], environment extra: [String: String] = [:], database: String? = nil,
                      shipped: Bool = false) throws -> RunningProgram {
        var extra = extra
        if let database { extra["CONFIDANT_DB"] = database }
        return try RunningProgram.start(shipped ? Self.shippedBinary : Self.testClockBinary, arguments,
                                        environment: environment(extra), currentDirectory: directory.path)
    }

    /// Runs an SQL script on the database file with the sqlite3 tool; returns what it printed.
    @discardableResult
    public func sqlite(_ script: String, database: String? = nil) throws -> String {
        let run = try runProgram(Self.sqliteTool, [database ?? self.database, script], environment: [:])
        guard run.status == 0 else { throw ProgramError("sqlite3 failed: \(run.stderr)") }
        return run.stdout
    }

    /// The rows an SQL query prints, one string a row.
    public func sqliteRows(_ query: String, database: String? = nil) throws -> [String] {
        try sqlite(query, database: database).split(separator: "\n").map(String.init)
    }

    /// Writes `text` to a file in the sandbox folder and returns its path.
    public func write(_ name: String, _ text: String) throws -> String {
        let path = self.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The path of `name` in the sandbox folder.
    public func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// A command's standard output read as JSON.
    public func json(_ run: ProgramRun) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    /// The case ids `confidant list --json` shows, sorted.
    public func caseIDs(database: String? = nil) throws -> [String] {
        let listed = try run(["list", "--json"], database: database)
        guard listed.status == 0 else { throw ProgramError("list failed: \(listed.stderr)") }
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { $0["id"] as? String }.sorted()
    }
}
