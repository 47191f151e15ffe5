import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ConflictCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "conflict", abstract: words["help.conflict.abstract"]) }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: .key("help.any.case-id")) var id: String
    @Option(help: .key("help.conflict.reason")) var reason: String?
    @Option(name: .customLong("text-file"), help: .key("help.any.reason-file")) var textFile: String?

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
