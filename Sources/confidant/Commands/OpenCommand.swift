import ArgumentParser
import CaseDeskTUI
import CaseStore
import Foundation

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the case desk (the default).")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            if let problem = DeskLauncher.terminalProblem() { throw TerminalUnavailable(message: problem) }
            let desk = try database.openDesk()
            let path = database.path
            let evaluator = desk.evaluator
            let account = desk.store.session.account
            let status = DeskLauncher.run(DeskLaunch(desk: desk, banner: nil) { passphrase in
                (try? SQLiteCaseStore.open(at: path, passphrase: passphrase, account: account, evaluator: evaluator)) != nil
            })
            if status != 0 { throw ExitCode(status) }
        }
    }
}

struct TerminalUnavailable: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
