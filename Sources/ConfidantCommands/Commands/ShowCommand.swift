import ArgumentParser
import CaseCore
import Foundation

struct ShowCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "show", abstract: words["help.show.abstract"]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.any.case-id-example"))
    var id: String

    @Flag(help: .key("help.any.json"))
    var json = false

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let desk = try database.openDesk()
            let view = try desk.open(caseID)
            let audience = desk.audience
            let doc = ExportRedaction.document(item: view.item, evaluation: view.evaluation, audience: audience, now: desk.clock(),
                                               catalogue: desk.catalogue)
            let note = view.olderPolicy.map { desk.catalogue.words($0.phrase) }
            Console.out(json ? doc.json() : CaseText.render(doc, taxonomy: desk.taxonomy, catalogue: desk.catalogue, scoringNote: note))
        }
    }
}
