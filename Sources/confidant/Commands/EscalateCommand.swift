import ArgumentParser
import CaseCore
import Foundation

struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate", abstract: "Escalate a case up the ladder, with a reason (journaled).",
        discussion: "Levels, lowest first: " + EscalationLevel.allCases.map(\.rawValue).joined(separator: ", "))

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id.") var id: String
    @Option(help: "complaints-team, head-of-department, higher-management or external-committee.") var to: String
    @Option(help: "Why the case is escalated.") var reason: String

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            guard let level = EscalationLevel(rawValue: to) else {
                throw CaseError.invalidField(field: "escalation level", problem: "'\(to)' is not one of " + EscalationLevel.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let desk = try database.openDesk()
            try desk.escalate(caseID, to: level, reason: reason)
            Console.out("\(caseID) escalated to \(level.label).")
        }
    }
}
