import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ConflictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflict", abstract: "Declare a conflict of interest: you are recused and the case is flagged for reassignment.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Case id.") var id: String
    @Option(help: "The nature of the conflict.") var reason: String?
    @Option(name: .customLong("text-file"), help: "Read the reason from a file, or - for standard input.") var textFile: String?

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let text = try freeText(reason, file: textFile, what: .key("action.conflict"))
            let desk = try database.openDesk()
            try desk.declareConflict(caseID, reason: text)
            Console.out(words["cli.recused", values: ["id": caseID.description]])
        }
    }
}
