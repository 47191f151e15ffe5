import ArgumentParser
import CaseCore
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List cases in queue order: band, then score, then oldest deadline.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    struct Row: Encodable {
        var id: String
        var status: String
        var channel: String
        var pseudonym: String
        var categories: [String]
        var score: Int?
        var band: String?
        var severeOrPervasive: Bool
        var nextDeadline: String?
        var nextDeadlineKind: String?
        var overdue: Bool
        var outsideSixMonthWindow: Bool
    }

    func run() throws {
        try reportingErrors {
            let desk = try database.openDesk()
            let now = desk.clock()
            let queue = try desk.queue()
            if json {
                let rows = queue.map {
                    Row(id: $0.id.description, status: $0.status.rawValue, channel: $0.channel.rawValue, pseudonym: $0.pseudonym,
                        categories: $0.categories, score: $0.score, band: $0.band?.rawValue,
                        severeOrPervasive: $0.severeOrPervasive, nextDeadline: $0.nextDeadline.map { DateText.timestamp($0.due) },
                        nextDeadlineKind: $0.nextDeadline?.kind.rawValue, overdue: $0.isOverdue(at: now),
                        outsideSixMonthWindow: $0.outsideWindow)
                }
                try Console.json(rows)
                return
            }
            Console.out("ID           BAND      SCORE  STATUS               NEXT DEADLINE                 CATEGORIES")
            for s in queue {
                let band = (s.band?.rawValue ?? "unrated").padding(toLength: 9, withPad: " ", startingAt: 0)
                let score = (s.score.map(String.init) ?? "–").padding(toLength: 6, withPad: " ", startingAt: 0)
                let status = s.status.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
                var due = s.nextDeadline.map { "\(DateText.day($0.due, calendar: .current)) \($0.kind.rawValue)" } ?? "–"
                if s.isOverdue(at: now) { due += " OVERDUE" }
                Console.out("\(s.id)  \(band) \(score) \(status) \(due.padding(toLength: 29, withPad: " ", startingAt: 0)) \(s.categories.joined(separator: ","))")
            }
        }
    }
}
