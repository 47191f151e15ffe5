import ArgumentParser
import CaseStore
import Foundation

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts: each has its own passphrase and role.",
        subcommands: [Add.self, Remove.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account. Its passphrase comes from $CONFIDANT_NEW_PASSPHRASE, else it is asked twice.",
            discussion: "A passphrase that already opens another account is refused.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Account name.") var name: String
        @Option(help: "counselor, supervisor or admin.") var role: String = "counselor"
        @Option(name: .customLong("alias"), help: "A name this person could be reported under (repeatable); they are recused from such cases.")
        var aliases: [String] = []
        @Option(name: .customLong("aliases-file"), help: "Read the aliases from a file (one a line), or - for standard input, instead of the command line.")
        var aliasesFile: String?

        func run() throws {
            try reportingErrors {
                guard let parsedRole = Role(rawValue: role) else {
                    throw ValidationError(words["cli.role-choices"])
                }
                let config = try database.configuration()
                let desk = try database.openDesk(with: config)
                let passphrase = try Passphrase.obtainNew(
                    for: name, variable: "CONFIDANT_NEW_PASSPHRASE", policy: config.passphrasePolicy)
                let fromFile = try aliasesFile.map { String(decoding: try readInput($0), as: UTF8.self)
                    .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
                try desk.addAccount(name, role: parsedRole, passphrase: passphrase, aliases: aliases + fromFile)
                Console.out(words["cli.user-added", values: ["role": parsedRole.rawValue, "name": name]])
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account: its passphrase no longer opens the database.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Account name.") var name: String

        func run() throws {
            try reportingErrors {
                let desk = try database.openDesk()
                try desk.removeAccount(name)
                Console.out(words["cli.user-removed", values: ["name": name]])
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List accounts and their roles.",
            discussion: """
                An account waiting for the keys of cases (a new account, or one of an upgraded database) says how many: \
                a counselor's next login gives them.
                """)

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try reportingErrors {
                let desk = try database.openDesk()
                var table = TextTable(Array(repeating: .init(title: ""), count: 4), showsTitles: false)
                let waiting = Dictionary(uniqueKeysWithValues: try desk.pendingGrants().map { ($0.account, $0.cases) })
                for account in try desk.accounts() {
                    let keys = waiting[account.name].map { words.count("cli.account-waiting-keys", $0) } ?? ""
                    table.append([account.name, account.role.rawValue, words["cli.account-since", values: ["day": words.day(account.createdAt)]], keys])
                }
                Console.write(table.render(width: OutputTerminal.width))
            }
        }
    }
}

import CaseCore
