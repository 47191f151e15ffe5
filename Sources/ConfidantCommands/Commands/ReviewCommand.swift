import ArgumentParser
import CaseCore
import Foundation

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Record a supervisor's decision on an escalated case (supervisors only).",
        discussion: """
            Decisions: return (back to the counselor, with advice), next-rung (the ladder's next level, with the \
            reason), formal-procedure (accepted for a formal procedure), close (with --outcome, and --measure when \
            substantiated). The decision is journaled (sealed), audited, and shown to the counselor as an alert.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id.") var id: String
    @Option(help: "return, next-rung, formal-procedure or close.") var decision: String
    @Option(name: .customLong("text-file"), help: "The decision's text (advice, reasons): a file, or - for standard input.")
    var textFile: String
    @Option(help: "Outcome, when closing: \(Outcome.allCases.map(\.rawValue).joined(separator: ", ")).") var outcome: String?
    @Option(name: .customLong("measure"), help: "A measure taken, when closing as substantiated (repeatable).") var measures: [String] = []

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
