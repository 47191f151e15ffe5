import ArgumentParser
import CaseCore
import Foundation

struct AssessCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "assess", abstract: words["help.assess.abstract"]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.any.case-id"))
    var id: String

    @Option(help: .key("help.assess.frequency")) var frequency: Int
    @Option(help: .key("help.assess.severity")) var severity: Int
    @Option(help: .key("help.assess.threat")) var threat: Int
    @Option(help: .key("help.assess.wellbeing")) var wellbeing: Int
    @Option(help: .key("help.assess.power")) var power: Int

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let ratings = try FactorRatings(frequency: frequency, severity: severity, threat: threat, wellbeing: wellbeing, power: power)
            let desk = try database.openDesk()
            let view = try desk.assess(caseID, ratings)
            Console.out(words["cli.assessed", values: ["id": caseID.description]])
            for line in view.evaluation.score.explanation { Console.out("  " + line) }
        }
    }
}
