import ArgumentParser
import CaseStore
import Foundation

struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "init", abstract: words["help.init.abstract"],
        discussion: words["help.init.discussion"]) }

    @OptionGroup var database: DatabaseOptions

    @Option(help: .key("help.init.organisation")) var organisation: String?

    static var loginName: String {
        let name = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        let cleaned = name.filter(AccountName.allows)
        return cleaned.isEmpty ? "counselor" : cleaned
    }

    func run() throws {
        try reportingErrors {
            let config = try database.configuration()
            let location = try database.location()
            if case let .file(path) = location, FileManager.default.fileExists(atPath: path) {
                throw StoreError.alreadyExists(path: path)
            }
            let account = database.account ?? Passphrase.ask(words["cli.ask-account"], default: Self.loginName)
            let organisationName = organisation
                ?? Passphrase.ask(words["cli.ask-organisation"], default: config.policy.organisationName ?? words["letter.organisation-default"])
            let passphrase = try Passphrase.obtainNew(for: account, variable: "CONFIDANT_PASSPHRASE", policy: config.passphrasePolicy)
            try CaseDesk.create(location, passphrase: passphrase, account: account, evaluator: config.evaluator(),
                                organisation: organisationName, passphrasePolicy: config.passphrasePolicy)
            Console.out(words["cli.created", values: ["path": "\(location)", "account": account, "organisation": organisationName]])
        }
    }
}
