import ArgumentParser
import CaseCore
import Foundation

struct ReviewCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "review", abstract: words["help.review.abstract"],
        discussion: words["help.review.discussion"]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.any.case-id")) var id: String
    @Option(help: .key("help.review.decision")) var decision: String
    @Option(name: .customLong("text-file"), help: .key("help.review.text-file"))
    var textFile: String
    @Option(help: .key("help.review.outcome", ["outcomes": Outcome.allCases.map(\.rawValue).joined(separator: ", ")])) var outcome: String?
    @Option(name: .customLong("measure"), help: .key("help.review.measures")) var measures: [String] = []

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let parsed: ReviewDecision = try parseChoice(decision, .key("field.review-decision"))
            let parsedOutcome: Outcome? = try outcome.map { try parseChoice($0, .key("field.outcome")) }
            let parsedMeasures: [Measure] = try measures.map { try parseChoice($0, .key("field.measure")) }
            let text = String(decoding: try readInput(textFile), as: UTF8.self)
            let desk = try database.openDesk()
            let view = try desk.review(caseID, decision: parsed, text: text, outcome: parsedOutcome, measures: parsedMeasures)
            Console.out(words["cli.review-recorded", values: [
                "id": caseID.description, "decision": words.label(parsed).lowercased(), "status": view.item.status.rawValue]])
        }
    }
}
