import ArgumentParser
import CaseCore
import Foundation

struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "journal", abstract: "Append an entry to a case's journal.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id.") var id: String
    @Argument(help: "The entry's text.") var text: String

    @Option(help: "Kind: contact, note, support, advice, feedback, decision.") var kind: String = "note"

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let allowed: [JournalEntry.Kind] = [.contact, .note, .support, .advice, .feedback, .decision]
            guard let entryKind = JournalEntry.Kind(rawValue: kind), allowed.contains(entryKind) else {
                throw CaseError.invalidField(field: "journal kind", problem: "'\(kind)' is not one of " + allowed.map(\.rawValue).joined(separator: ", "))
            }
            let desk = try database.openDesk()
            try desk.record(caseID, entryKind, text: text)
            Console.out("Journal entry added to \(caseID).")
        }
    }
}
