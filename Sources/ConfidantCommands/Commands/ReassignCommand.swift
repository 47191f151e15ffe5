import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ReassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign", abstract: "Take over a case flagged for reassignment (clears the flag, journaled).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Case id.") var id: String
    @Option(help: "A note for the journal.") var note: String?
    @Option(name: .customLong("text-file"), help: "Read the note from a file, or - for standard input.") var textFile: String?

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
