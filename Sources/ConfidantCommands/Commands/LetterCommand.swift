import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Write a letter to the reporter from the organisation's template (Data/letters).",
        discussion: """
            Kinds: acknowledgement (the written confirmation of receipt). The letter is written in --lang when given \
            (any language of Data/letters: en, fr, es, ar), else in the case's language (field 'language'), else in \
            the desk's. With --mark-sent the letter counts as sent: the acknowledgement deadline is met and the \
            journal records it.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Case id.") var id: String
    @Argument(help: "Kind of letter.") var kind: String = "acknowledgement"
    @Option(help: "markdown or html.") var format: String = "markdown"
    @Option(help: "Write to this file (mode 0600) instead of standard output.") var out: String?
    @Flag(help: "Record the letter as sent to the reporter.") var markSent = false

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            guard kind == "acknowledgement" else {
                throw CaseError.invalidField(field: .key("field.letter-kind"), problem: .key("problem.unknown-letter-kind", ["kind": .text(kind)]))
            }
            guard ["markdown", "md", "html"].contains(format) else {
                throw CaseError.invalidField(field: .key("field.format"), problem: .key("problem.not-markdown-or-html", ["format": .text(format)]))
            }
            // --lang names the letter's language; the command's own sentences stay in the desk's when that language
            // has letters only.
            let requested = database.language.lang?.lowercased()
            var deskOptions = database
            if let requested, (try? ConfidantConfiguration.discover(language: requested)) == nil { deskOptions.language.lang = nil }
            let config = try deskOptions.configuration()
            let desk = try deskOptions.openDesk(with: config)
            let language = try requested ?? desk.open(caseID).item.language ?? config.catalogue.language
            let available = config.letters.languages(for: kind)
            guard available.contains(language) else {
                throw LanguageError.noLetter(kind: kind, code: language, available: available)
            }
            let template = try config.letters.template(kind, language: language)
            let letter = try desk.acknowledgementLetter(caseID, template: template, html: format == "html")
            try OutputFile.emit(letter, to: out)
            if markSent {
                try desk.markAcknowledgementSent(caseID, language: language)
                FileHandle.standardError.write(Data((words["cli.letter-sent", values: ["id": caseID.description]] + "\n").utf8))
            }
        }
    }
}
