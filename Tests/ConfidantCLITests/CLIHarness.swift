import Foundation
import TestKit

/// Runs the built `confidant` binary the way a script would.
struct CLIHarness {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The command line with a clock that `CONFIDANT_NOW` can fix (the shipped `confidant` never reads the time
    /// from the environment); everything else is the shipped code.
    static let binary = packageRoot.appendingPathComponent(".build/debug/confidant-test-clock").path
    static let shippedBinary = packageRoot.appendingPathComponent(".build/debug/confidant").path

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let directory: URL
    let database: String
    var passphrase: String? = "correct horse battery"

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("cases.db").path
    }

    /// The environment a command runs in: the test database, the package's Data folder, the passphrase.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "CONFIDANT_DB": database,
                   "CONFIDANT_DATA": Self.packageRoot.appendingPathComponent("Data").path]
        if let passphrase { env["CONFIDANT_PASSPHRASE"] = passphrase }
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Runs `confidant ARGS` with no terminal, the test database and passphrase in the environment (`shipped`: the
    /// binary as installed, whose clock is the real one).
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:],
             shipped: Bool = false) throws -> Result {
        let run = try runProgram(shipped ? Self.shippedBinary : Self.binary, arguments, environment: environment(extra),
                                 stdin: stdin ?? "")
        return Result(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    /// Runs an SQL script on the database file with the sqlite3 tool, as someone holding the file would.
    @discardableResult
    func sqlite(_ script: String) throws -> String {
        let run = try runProgram("/usr/bin/sqlite3", [database, script], environment: [:])
        guard run.status == 0 else { throw ProgramError("sqlite3 failed: \(run.stderr)") }
        return run.stdout
    }

    func write(_ name: String, _ text: String) -> String {
        let path = directory.appendingPathComponent(name).path
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func json(_ result: Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    static let sampleCase = """
        {"receivedAt":"2026-11-20T09:00:00Z","channel":"complaint","incidentFirst":"2026-11-01","incidentLast":"2026-11-18",
         "reporter":{"pseudonym":"Amber Heron","name":"Fatima Zahra Benali","contact":"fz.benali@example.org"},
         "relationship":"staff","reported":[{"name":"Viktor Hale","role":"Country Director","power":"supervisor"}],
         "categories":["harassment","abuse-of-authority"],"narrative":"He told me my contract would not be renewed unless I stayed quiet."}
        """
}
