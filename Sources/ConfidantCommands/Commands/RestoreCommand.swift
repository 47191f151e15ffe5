import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct RestoreCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "restore",
        abstract: words["help.restore.abstract"],
        discussion: words["help.restore.discussion"]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.restore.path"))
    var path: String

    @Flag(help: .key("help.restore.force"))
    var force = false

    func run() throws {
        try reportingErrors {
            let config = try database.configuration()
            let target = database.path
            let source = DatabaseLocation.absolute(path)
            guard FileManager.default.fileExists(atPath: source) else { throw BackupError.noBackup(path: source) }
            if FileManager.default.fileExists(atPath: target), !force { throw BackupError.targetExists(path: target) }
            let receipt = try CaseDesk.restore(
                from: source, to: .file(target), passphrase: try Passphrase.obtain(prompt: words["cli.backup-passphrase"]),
                account: database.account, evaluator: config.evaluator(calendar: .current), force: force)
            Console.out(words["cli.restored", values: [
                "target": target, "source": source, "cases": String(receipt.cases), "entries": String(receipt.auditEntries)]])
            if let kept = receipt.previousKeptAt { Console.out(words["cli.restored-kept", values: ["path": kept]]) }
        }
    }
}
