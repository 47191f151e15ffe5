import ArgumentParser
import CaseStore
import Foundation

struct UserCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "user", abstract: words["help.user.abstract"],
        subcommands: [Add.self, Remove.self, List.self]) }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: words["help.user.add.abstract"],
            discussion: words["help.user.add.discussion"]) }

        @OptionGroup var database: DatabaseOptions
        @Argument(help: .key("help.any.account-name")) var name: String
        @Option(help: .key("help.user.add.role")) var role: String = "counselor"
        @Option(name: .customLong("alias"), help: .key("help.user.add.aliases"))
        var aliases: [String] = []
        @Option(name: .customLong("aliases-file"), help: .key("help.user.add.aliases-file"))
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
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: words["help.user.remove.abstract"]) }

        @OptionGroup var database: DatabaseOptions
        @Argument(help: .key("help.any.account-name")) var name: String

        func run() throws {
            try reportingErrors {
                let desk = try database.openDesk()
                try desk.removeAccount(name)
                Console.out(words["cli.user-removed", values: ["name": name]])
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: words["help.user.list.abstract"], discussion: words["help.user.list.discussion"])
        }

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
