import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct PurgeCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "purge",
        abstract: words["help.purge.abstract"],
        discussion: words["help.purge.discussion"]) }

    @OptionGroup var database: DatabaseOptions
    @Flag(help: .key("help.purge.dry-run")) var dryRun = false
    @Flag(help: .key("help.purge.yes")) var yes = false

    func run() throws {
        try reportingErrors {
            let desk = try database.openDesk()
            let candidates = try desk.expiredCases()
            guard !candidates.isEmpty else {
                Console.out(words["cli.nothing-to-purge"])
                return
            }
            Console.out(words.count(dryRun ? "cli.would-purge" : "cli.will-purge", candidates.count))
            for c in candidates {
                Console.out("  \(c.id)  \(words.id(c.status))\(c.outcome.map { " (\(words.id($0)))" } ?? "")  "
                    + words["cli.purge-dates", values: ["closed": words.day(c.closedAt), "ended": words.day(c.expiredAt)]])
            }
            if dryRun { return }
            if !yes {
                guard isatty(0) == 1 else {
                    throw ValidationError(words["cli.purge-needs-yes"])
                }
                // The list is shown before the question: the login goes into the audit log first.
                try OpenedDesk.shared.recordLogin()
                Console.flush()
                print(words["cli.type-purge"], terminator: "")
                guard readLine() == "PURGE" else {
                    Console.out(words["cli.nothing-purged"])
                    return
                }
            }
            let count = try desk.purge(candidates)
            Console.out(words.count("cli.purged", count))
        }
    }
}
