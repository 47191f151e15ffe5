import ArgumentParser
import CaseCore
import Foundation

struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "Append an entry to a case's journal.",
        discussion: """
            Kinds: \(JournalEntry.Kind.recordable.map(\.rawValue).joined(separator: ", ")). \
            support-declined records that the affected person declined support (it meets the support deadline); \
            reporter-told that the reporter was told of a disclosure. Due-process kinds (respondent-informed, \
            respondent-account, interim-measure, outcome-communicated) name the reported person with --party N \
            (1-based, in the case's order).
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id.") var id: String
    @Argument(help: "The entry's text (or use --text-file).") var text: String?

    @Option(help: "The kind of entry.") var kind: String = "note"
    @Option(help: "The reported person a due-process entry concerns (1-based).") var party: Int?
    @Option(name: .customLong("text-file"), help: "Read the text from a file, or - for standard input.") var textFile: String?

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
