import ArgumentParser
import CaseCore
import Foundation

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Move a case along the workflow (journaled).",
        discussion: "Statuses: " + CaseStatus.allCases.map(\.rawValue).joined(separator: ", "))

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id.") var id: String
    @Argument(help: "The new status.") var to: String

    @Option(help: "A note for the journal (required to withdraw).") var note: String?
    @Option(name: .customLong("text-file"), help: "Read the note from a file, or - for standard input.") var textFile: String?
    @Option(help: "Screening reason id from the taxonomy (to screen a case out).") var reason: String?
    @Option(help: "Outcome when closing (required): \(Outcome.allCases.map(\.rawValue).joined(separator: ", ")).") var outcome: String?
    @Option(name: .customLong("measure"), help: "A measure taken, when closing as substantiated (repeat for several): \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var measures: [String] = []
    @Flag(name: .customLong("confirm-override"), help: "Confirm screening out a case that carries a Critical or High floor (needs --note saying why).")
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
