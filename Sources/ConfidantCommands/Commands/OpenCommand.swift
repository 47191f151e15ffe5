import ArgumentParser
import CaseDeskTUI
import CaseStore
import Foundation

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the case desk (the default).")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            if let problem = Launcher.terminalProblem() { throw TerminalUnavailable(message: problem) }
            let config = try ConfidantConfiguration.discover()
            let desk = try database.openDesk(with: config)
            let path = database.path
            // Retention runs on start: expired closed cases are purged before anything is shown.
            var banner = DatabaseOptions.failedAttemptsNotice(desk.store.failedAttempts)
            if desk.store.session.role == .counselor {
                let expired = try desk.store.purgeCandidates(now: desk.clock())
                if !expired.isEmpty {
                    let count = try desk.store.purge(expired.map(\.id), now: desk.clock())
                    banner = [banner, "Retention: \(count) closed case\(count == 1 ? " was" : "s were") past the retention period and purged."]
                        .compactMap { $0 }.joined(separator: " ")
                }
            }
            try desk.recordLogin()
            let evaluator = desk.evaluator
            let account = desk.store.session.account
            let letters = config.letters
            let status = Launcher.run(LaunchSettings(desk: desk, banner: banner, letters: letters) { passphrase in
                // The same check as a login (delays after failures, audited); the connection is closed again at once.
                guard let check = try? SQLiteCaseStore.open(at: path, passphrase: passphrase, account: account, evaluator: evaluator)
                else { return false }
                try? check.close()
                return true
            })
            if status != 0 { throw ExitCode(status) }
        }
    }
}

struct TerminalUnavailable: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
