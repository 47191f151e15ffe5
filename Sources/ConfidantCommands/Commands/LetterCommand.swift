import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Write a letter to the reporter from the organisation's template (Data/letters).",
        discussion: "Kinds: acknowledgement (the written confirmation of receipt). With --mark-sent the letter counts as sent: the acknowledgement deadline is met and the journal records it.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Case id.") var id: String
    @Argument(help: "Kind of letter.") var kind: String = "acknowledgement"
    @Option(help: "markdown or html.") var format: String = "markdown"
    @Option(help: "Template language (a file Data/letters/KIND.LANG.md).") var lang: String = "en"
    @Option(help: "Write to this file (mode 0600) instead of standard output.") var out: String?
    @Flag(help: "Record the letter as sent to the reporter.") var markSent = false

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            guard kind == "acknowledgement" else {
                throw CaseError.invalidField(field: "letter kind", problem: "'\(kind)' is not known; the kind available is acknowledgement")
            }
            guard ["markdown", "md", "html"].contains(format) else {
                throw CaseError.invalidField(field: "format", problem: "'\(format)' is not markdown or html")
            }
            let config = try ConfidantConfiguration.discover()
            let template = try config.letters.template(kind, language: lang)
            let desk = try database.openDesk(with: config)
            let letter = try desk.acknowledgementLetter(caseID, template: template, html: format == "html")
            try OutputFile.emit(letter, to: out)
            if markSent {
                try desk.markAcknowledgementSent(caseID, language: lang)
                FileHandle.standardError.write(Data("Recorded as sent: the acknowledgement deadline of \(caseID) is met.\n".utf8))
            }
        }
    }
}
