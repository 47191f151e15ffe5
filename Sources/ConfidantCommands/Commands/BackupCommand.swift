import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent, still-encrypted snapshot of the database to a file (mode 0600).",
        discussion: """
            The snapshot is taken with SQLite's online backup, so it is consistent even while the case desk is open. \
            Sealed fields stay sealed and the key slots come along: the same passphrase opens it. Restore it with \
            'confidant restore'. Recorded in the audit log with the file's SHA-256.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The backup file to write.")
    var path: String

    @Flag(help: "Replace the file if it exists.")
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
