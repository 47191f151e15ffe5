import ArgumentParser
import CaseCore
import Foundation

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", abstract: "Rate the five factors (0–4 each) and print the score breakdown.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id.")
    var id: String

    @Option(help: "0 single incident … 4 ongoing / continued after a request to stop.") var frequency: Int
    @Option(help: "0 offensive remark … 4 assault, sexual exploitation or abuse.") var severity: Int
    @Option(help: "0 none … 4 explicit threat of violence or harm.") var threat: Int
    @Option(help: "0 none reported … 4 crisis, risk of self-harm.") var wellbeing: Int
    @Option(help: "0 reporter holds more power … 4 controls livelihood, aid, residence or legal status.") var power: Int

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
