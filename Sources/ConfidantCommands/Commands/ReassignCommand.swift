import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ReassignCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "reassign", abstract: words["help.reassign.abstract"]) }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: .key("help.any.case-id")) var id: String
    @Option(help: .key("help.reassign.note")) var note: String?
    @Option(name: .customLong("text-file"), help: .key("help.any.note-file")) var textFile: String?

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let text = try freeText(note, file: textFile, what: .key("action.reassign"))
            let desk = try database.openDesk()
            try desk.reassign(caseID, note: text)
            Console.out(words["cli.reassigned", values: ["id": caseID.description, "account": desk.author]])
        }
    }
}
