import ArgumentParser
import CaseDeskTUI
import CaseStore
import Foundation

struct OpenCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "open", abstract: words["help.open.abstract"]) }

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            if let problem = Launcher.terminalProblem(words: words) { throw TerminalUnavailable(message: problem) }
            let config = try database.configuration()
            let desk = try database.openDesk(with: config)
            // Retention runs on start: expired closed cases are purged before anything is shown.
            let purged = try desk.purgeExpiredOnOpening()
            let retention = purged == 0 ? nil
                : words.count("cli.retention", purged)
            let banner = [DatabaseOptions.failedAttemptsNotice(desk.failedAttempts), retention].compactMap { $0 }
            try desk.recordLogin()
            let status = Launcher.run(LaunchSettings(desk: desk, banner: banner.isEmpty ? nil : banner.joined(separator: " "),
                                                     letters: config.letters))
            if status != 0 { throw ExitCode(status) }
        }
    }
}

struct TerminalUnavailable: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
