import ArgumentParser
import CaseCore
import Foundation

struct EscalateCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "escalate", abstract: words["help.escalate.abstract"],
        discussion: words["help.escalate.discussion", values: ["levels": EscalationLevel.allCases.map(\.rawValue).joined(separator: ", ")]]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.any.case-id")) var id: String
    @Option(help: .key("help.escalate.to")) var to: String?
    @Option(help: .key("help.escalate.reason")) var reason: String?
    @Option(name: .customLong("text-file"), help: .key("help.any.reason-file")) var textFile: String?
    @Option(help: .key("help.escalate.duty")) var duty: String?
    @Option(name: .customLong("duty-file"), help: .key("help.any.duty-file")) var dutyFile: String?

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
