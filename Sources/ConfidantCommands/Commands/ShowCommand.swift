import ArgumentParser
import CaseCore
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one case with its score explanation, deadlines and journal.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id, like C-2026-0042.")
    var id: String

    @Flag(help: "Print JSON.")
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
