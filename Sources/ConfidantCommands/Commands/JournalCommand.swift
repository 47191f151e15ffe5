import ArgumentParser
import CaseCore
import Foundation

struct JournalCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "journal", abstract: words["help.journal.abstract"],
        discussion: words["help.journal.discussion", values: ["kinds": JournalEntry.Kind.recordable.map(\.rawValue).joined(separator: ", ")]]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.any.case-id")) var id: String
    @Argument(help: .key("help.journal.text")) var text: String?

    @Option(help: .key("help.journal.kind")) var kind: String = "note"
    @Option(help: .key("help.journal.party")) var party: Int?
    @Option(name: .customLong("text-file"), help: .key("help.journal.text-file")) var textFile: String?

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let allowed = JournalEntry.Kind.recordable
            guard let entryKind = JournalEntry.Kind(rawValue: kind), allowed.contains(entryKind) else {
                throw CaseError.invalidField(field: .key("field.journal-kind"), problem: .key("problem.not-one-of", ["text": .text(kind), "choices": .text(allowed.map(\.rawValue).joined(separator: ", "))]))
            }
            let body = try freeText(text, file: textFile, what: .key("action.journal"))
            let desk = try database.openDesk()
            try desk.record(caseID, entryKind, text: body, party: party)
            Console.out(words["cli.journal-added", values: ["id": caseID.description]])
        }
    }
}
