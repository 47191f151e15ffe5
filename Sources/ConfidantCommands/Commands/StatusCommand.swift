import ArgumentParser
import CaseCore
import Foundation

struct StatusCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "status", abstract: words["help.status.abstract"],
        discussion: words["help.status.discussion", values: ["statuses": CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")]]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.any.case-id")) var id: String
    @Argument(help: .key("help.status.to")) var to: String

    @Option(help: .key("help.status.note")) var note: String?
    @Option(name: .customLong("text-file"), help: .key("help.any.note-file")) var textFile: String?
    @Option(help: .key("help.status.reason")) var reason: String?
    @Option(help: .key("help.status.outcome", ["outcomes": Outcome.allCases.map(\.rawValue).joined(separator: ", ")])) var outcome: String?
    @Option(name: .customLong("measure"), help: .key("help.status.measures", ["measures": Measure.allCases.map(\.rawValue).joined(separator: ", ")]))
    var measures: [String] = []
    @Flag(name: .customLong("confirm-override"), help: .key("help.status.confirm-override"))
    var confirmOverride = false

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            guard let status = CaseStatus(loose: to) else {
                throw CaseError.invalidField(field: .key("field.status"), problem: .key("problem.not-one-of", ["text": .text(to), "choices": .text(CaseStatus.allCases.map(\.rawValue).joined(separator: ", "))]))
            }
            let parsedOutcome = try outcome.map { text -> Outcome in
                guard let value = Outcome(rawValue: text) else {
                    throw CaseError.invalidField(field: .key("field.outcome"), problem: .key("problem.not-one-of", ["text": .text(text), "choices": .text(Outcome.allCases.map(\.rawValue).joined(separator: ", "))]))
                }
                return value
            }
            let desk = try database.openDesk()
            let parsedMeasures: [Measure] = try measures.map { try parseChoice($0, .key("field.measure")) }
            let noteText = textFile == nil ? note : try freeText(note, file: textFile, what: .key("action.note"))
            let view = try desk.move(caseID, to: status, note: noteText, screeningReason: reason, outcome: parsedOutcome,
                                     measures: parsedMeasures, confirmOverride: confirmOverride)
            Console.out(words["cli.status-now", values: ["id": caseID.description, "status": view.item.status.rawValue]])
        }
    }
}
