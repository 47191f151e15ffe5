import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Remove closed cases whose retention period is over (irreversible).",
        discussion: "Lists what it will remove first. Sealed data, parties and journal go; anonymised statistics and an audit entry stay. Cases on legal hold are never purged.")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Only list what would be purged.") var dryRun = false
    @Flag(help: "Purge without asking for confirmation.") var yes = false

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
