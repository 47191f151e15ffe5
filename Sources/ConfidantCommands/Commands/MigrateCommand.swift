import ArgumentParser
import CaseStore
import Foundation

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy the whole database into a new one: a file to a team's PostgreSQL server, or back.",
        discussion: """
            Every case, journal and audit entry, account, recusal, purged trace and import fingerprint is copied, still \
            sealed: every passphrase opens the copy as it opens this database, and the copy's audit log continues this \
            one's with a 'migrate' entry. The copy is checked before success is reported: the same counts, an audit \
            chain that verifies, no row failing its seal, every case opening as it does here. This database is only \
            read (not even your login is recorded in it). The target must not exist yet (an empty database on a \
            server). Counselors only.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Where to copy the database: postgresql://USER@HOST:PORT/DATABASE, or a file's path.",
                               valueName: "url-or-path"))
    var to: String

    func run() throws {
        try reportingErrors {
            let desk = try database.openDesk()
            OpenedDesk.shared.forget()
            let receipt = try desk.migrate(to: try StoreLocation(DatabaseLocation.absolute(to)))
            let counts = ["accounts", "cases", "journal entries", "audit entries"].map { "\(receipt.counts[$0] ?? 0) \($0)" }
            Console.out("Copied to \(receipt.target) and checked: \(counts.joined(separator: ", ")).")
            Console.out("Every passphrase opens it as it opens this database; point --db or $CONFIDANT_DB at it to work there.")
        }
    }
}
