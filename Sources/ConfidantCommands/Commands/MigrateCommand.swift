import ArgumentParser
import CaseStore
import Foundation

struct MigrateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "migrate", abstract: words["help.migrate.abstract"], discussion: words["help.migrate.discussion"])
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp(words["help.migrate.to"], valueName: "url-or-path"))
    var to: String

    func run() throws {
        try reportingErrors {
            let desk = try database.openDesk()
            OpenedDesk.shared.forget()
            let receipt = try desk.migrate(to: try StoreLocation(DatabaseLocation.absolute(to)))
            let count = { (what: String) in String(receipt.counts[what] ?? 0) }
            Console.out(words["cli.migrated", values: [
                "target": receipt.target, "accounts": count("accounts"), "cases": count("cases"),
                "journal": count("journal entries"), "audit": count("audit entries")]])
            Console.out(words["cli.migrated.next"])
        }
    }
}
