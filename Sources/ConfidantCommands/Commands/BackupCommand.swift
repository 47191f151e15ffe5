import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct BackupCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "backup",
        abstract: words["help.backup.abstract"],
        discussion: words["help.backup.discussion"]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.backup.path"))
    var path: String

    @Flag(help: .key("help.backup.force"))
    var force = false

    func run() throws {
        try reportingErrors {
            let desk = try database.openDesk()
            let receipt = try desk.backup(to: DatabaseLocation.absolute(path), overwrite: force)
            Console.out(words["cli.backup-written", values: [
                "path": receipt.path, "cases": String(receipt.cases), "bytes": String(receipt.bytes), "sha256": receipt.sha256]])
            Console.out(words["cli.backup-encrypted"])
        }
    }
}
