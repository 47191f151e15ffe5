import BenchSupport
import CaseStore
import Foundation

/// The release `confidant` binary beside this one, run as a script would run it.
enum ConfidantProcess {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `confidant ARGUMENTS --db DATABASE` (output to /dev/null) and returns its wall time in milliseconds; a
    /// server's password goes in the environment ($PGPASSWORD), not on the command line.
    /// posix_spawn and waitpid directly: Foundation's Process polls for the child's exit and rounds times up.
    static func run(_ arguments: [String], database: StoreLocation) throws -> Double {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("confidant").path
        let argv = [binary] + arguments + ["--db", database.description]
        var environment = ProcessInfo.processInfo.environment
        environment["CONFIDANT_PASSPHRASE"] = BenchDatabase.passphrase
        if case let .server(server) = database, let password = server.password { environment["PGPASSWORD"] = password }
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, binary, &actions, nil, &cArgs, &cEnv) == 0 else { throw Failed(description: "cannot start \(binary)") }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        guard status == 0 else { throw Failed(description: "confidant \(arguments.joined(separator: " ")) failed (status \(status))") }
        return elapsed
    }
}
