import ArgumentParser
import CaseCore
import Foundation

struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate", abstract: "Escalate a case one rung up the ladder, with a reason (journaled).",
        discussion: """
            Levels, lowest first: \(EscalationLevel.allCases.map(\.rawValue).joined(separator: ", ")). The ladder is \
            climbed at the reporter's request (wishes formal or escalate), one rung at a time. --duty states a duty to \
            act without that request (a child at risk, sexual exploitation and abuse, danger to life, a legal \
            obligation); it is journaled, shown on the case, and may skip a rung. A case never moves down.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id.") var id: String
    @Option(help: "complaints-team, head-of-department, higher-management or external-committee (default: the next rung).") var to: String?
    @Option(help: "Why the case is escalated.") var reason: String?
    @Option(name: .customLong("text-file"), help: "Read the reason from a file, or - for standard input.") var textFile: String?
    @Option(help: "A duty to act without the reporter's request.") var duty: String?
    @Option(name: .customLong("duty-file"), help: "Read the duty to act from a file, or - for standard input.") var dutyFile: String?

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let level: EscalationLevel? = try to.map { try parseChoice($0, .key("field.escalation-level")) }
            try oneStandardInput([("--text-file", textFile), ("--duty-file", dutyFile)])
            let text = try freeText(reason, file: textFile, what: .key("action.escalate"))
            let dutyText = try optionalText(duty, file: dutyFile, fileOption: "--duty-file")
            let desk = try database.openDesk()
            let view = try desk.escalate(caseID, to: level, reason: text, duty: dutyText)
            Console.out(words["cli.escalated", values: ["id": caseID.description, "level": view.item.escalationLevel.map(words.label) ?? "?"]])
        }
    }
}
