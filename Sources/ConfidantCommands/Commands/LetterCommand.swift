import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct LetterCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "letter",
        abstract: words["help.letter.abstract"],
        discussion: words["help.letter.discussion"]) }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: .key("help.any.case-id")) var id: String
    @Argument(help: .key("help.letter.kind")) var kind: String = "acknowledgement"
    @Option(help: .key("help.letter.format")) var format: String = "markdown"
    @Option(help: .key("help.letter.out")) var out: String?
    @Flag(help: .key("help.letter.mark-sent")) var markSent = false

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
