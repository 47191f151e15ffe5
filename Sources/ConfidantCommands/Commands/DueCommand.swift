import ArgumentParser
import CaseCore
import Foundation

struct DueCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "due",
        abstract: words["help.due.abstract"]) }

    @OptionGroup var database: DatabaseOptions
    @Flag(help: .key("help.any.json")) var json = false
    @Option(help: .key("help.due.hours")) var hours: Int?

    struct Row: Encodable {
        var id: String
        var pseudonym: String
        var band: String?
        var kind: String
        var due: String
        var overdue: Bool
    }

    func run() throws {
        try reportingErrors {
            let desk = try database.openDesk()
            let now = desk.clock()
            let window = hours ?? desk.evaluator.policy.dueSoonHours
            let alerts = try desk.deadlineAlerts(within: window)
            if json {
                let rows = alerts.map {
                    Row(id: $0.caseID.description, pseudonym: $0.pseudonym, band: $0.band?.rawValue, kind: $0.deadline.kind.rawValue,
                        due: DateText.timestamp($0.deadline.due), overdue: $0.isOverdue(at: now))
                }
                try Console.json(rows)
                return
            }
            guard !alerts.isEmpty else {
                Console.out(words["cli.nothing-due", values: ["hours": String(window)]])
                return
            }
            let overdue = alerts.filter { $0.isOverdue(at: now) }.count
            Console.out(words["cli.due-summary", values: ["overdue": String(overdue), "due": String(alerts.count - overdue), "hours": String(window)]])
            var table = TextTable(Array(repeating: .init(title: ""), count: 5), showsTitles: false)
            let dates = DateText.Printer(calendar: .current)
            for alert in alerts {
                table.append([alert.caseID.description, words.id(alert.band), words.label(alert.deadline.kind),
                              dates.minute(alert.deadline.due), words[alert.isOverdue(at: now) ? "cli.overdue" : "cli.due"]])
            }
            Console.write(table.render(indent: "  ", width: OutputTerminal.width))
        }
    }
}
