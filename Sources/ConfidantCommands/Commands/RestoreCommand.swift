import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore the database from a backup written by 'confidant backup'.",
        discussion: """
            The backup is checked before anything is replaced: it must pass SQLite's integrity check, be a Confidant \
            database, open with the passphrase, and have an intact audit log. An existing database is replaced only \
            with --force, and is then first kept beside it as <database>.before-restore-<time>.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The backup file.")
    var path: String

    @Flag(help: "Replace an existing database (a copy of it is kept).")
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
