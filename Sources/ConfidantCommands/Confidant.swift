import Foundation
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `confidant` command: the TUI with no subcommand, scripts' subcommands otherwise.
public struct Confidant: ParsableCommand {
    public init() {}

    /// The version `confidant --version` prints (and the manual page names).
    public static let version = "1.0.1"

    public static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "confidant",
        abstract: words["help.confidant.abstract"],
        discussion: words["help.confidant.discussion"],
        version: version,
        subcommands: [
            OpenCommand.self, DemoCommand.self, InitCommand.self, AddCommand.self, ListCommand.self, ShowCommand.self,
            AssessCommand.self, EditCommand.self, StatusCommand.self, ReopenCommand.self, JournalCommand.self, EscalateCommand.self,
            DiscloseCommand.self, ReviewCommand.self,
            ConflictCommand.self, ReassignCommand.self, HoldCommand.self, PurgeCommand.self,
            LetterCommand.self, DueCommand.self, RespondentsCommand.self, LookupCommand.self, UserCommand.self, AuditCommand.self,
            ExportCommand.self, ReportCommand.self, ImportCommand.self, BackupCommand.self, RestoreCommand.self, MigrateCommand.self, ConfigCommand.self,
            ManualCommand.self,
        ],
        defaultSubcommand: OpenCommand.self) }

    /// Runs the command line with `clock` as the time of every action. The shipped executable passes the real
    /// clock and never reads the time from the environment; only the test executable fixes it.
    public static func main(clock: @escaping @Sendable () -> Date) {
        CommandClock.shared.set(clock)
        // Everything Confidant writes (database, exports, backups) is readable by its owner only.
        umask(0o077)
        // No core dump and no ptrace by other processes of the same user: the memory holds keys and unsealed cases.
        ProcessHygiene.apply()
        // The language first: ArgumentParser writes help and its own errors while it parses.
        let arguments = Array(CommandLine.arguments.dropFirst())
        let language = LanguageOptions.extract(from: arguments)
        CommandLanguage.shared.settle(option: language.option)
        do {
            // `confidant help add --lang fr`: ArgumentParser's help takes no options, and the language is chosen.
            var command = try parseAsRoot(arguments.first == "help" ? language.others : arguments)
            try command.run()
        } catch {
            exitTelling(error)
        }
    }
}
