import ArgumentParser
import CaseStore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new, empty, encrypted database.")

    @OptionGroup var database: DatabaseOptions

    var account: String { database.account ?? "counselor" }

    func run() throws {
        try reportingErrors {
            let config = try ConfidantConfiguration.discover()
            let path = database.path
            if FileManager.default.fileExists(atPath: path) { throw StoreError.alreadyExists(path: path) }
            let passphrase = try Passphrase.obtain(prompt: "New passphrase: ")
            guard passphrase.count >= SQLiteCaseStore.minimumPassphraseLength else {
                throw StoreError.passphraseTooShort(minimum: SQLiteCaseStore.minimumPassphraseLength)
            }
            if ProcessInfo.processInfo.environment["CONFIDANT_PASSPHRASE"] == nil {
                let again = try Passphrase.obtain(prompt: "Repeat passphrase: ")
                guard again == passphrase else {
                    throw ValidationError("The two passphrases differ; nothing was created.")
                }
            }
            try SQLiteCaseStore.create(at: path, passphrase: passphrase, account: account, evaluator: config.evaluator())
            Console.out("Created \(path) with the counselor account '\(account)'.")
        }
    }
}
