import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List cases in queue order: band, then score, then oldest deadline.",
        discussion: """
            The filters are the desk's: --status (f), --band (b), --category (c), --overdue (o). --limit N prints the \
            first N cases of what they keep: `confidant list --status open --limit 10` is the top of the queue. On a \
            terminal the table is cut to its width.
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "At most this many cases, the first in queue order.")
    var limit: Int?

    @Option(help: "open, all, escalated or closed.")
    var status: String = "all"

    @Option(help: "critical, high, medium, low or unrated (default: any band).")
    var band: String?

    @Option(help: "A category id of taxonomy.json (default: any category).")
    var category: String?

    @Flag(help: "Only cases whose next deadline is overdue.")
    var overdue = false

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

    /// The options as a selection, checked before any passphrase is asked for.
    func selection(taxonomy: Taxonomy) throws -> QueueSelection {
        if let limit, limit < 1 {
            throw CaseError.invalidField(field: .key("field.option", ["option": "--limit"]), problem: .key("problem.at-least-one", ["text": .text(String(limit))]))
        }
        var selection = QueueSelection(status: try parseChoice(status, .key("field.option", ["option": "--status"])), overdueOnly: overdue, limit: limit)
        if let band {
            if band == "unrated" {
                selection.band = .unrated
            } else if let chosen = Band(rawValue: band) {
                selection.band = .band(chosen)
            } else {
                throw CaseError.invalidField(field: .key("field.option", ["option": "--band"]), problem: .key("problem.not-one-of", [
                    "text": .text(band), "choices": .text((Band.allCases.map(\.rawValue) + ["unrated"]).joined(separator: ", "))]))
            }
        }
        if let category {
            guard taxonomy.categories.contains(where: { $0.id == category }) else {
                throw CaseError.invalidField(field: .key("field.option", ["option": "--category"]), problem: .key("problem.not-one-of", [
                    "text": .text(category), "choices": .text(taxonomy.categories.map(\.id).joined(separator: ", "))]))
            }
            selection.category = category
        }
        return selection
    }

    func run() throws {
        try reportingErrors {
            let desk = try database.openDesk()
            // The database's taxonomy: the categories of the team policy in force.
            let selection = try selection(taxonomy: desk.taxonomy)
            let now = desk.clock()
            let queue = try desk.queue(selection)
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
            var table = TextTable([
                .init(title: words["cli.list.id"]), .init(title: words["cli.list.band"]), .init(title: words["cli.list.score"], alignment: .right),
                .init(title: words["cli.list.status"]), .init(title: words["cli.list.next-deadline"]), .init(title: words["cli.list.categories"]),
            ])
            let overdueWord = " " + words["cli.overdue"]
            let dates = DateText.Printer(calendar: .current)
            for summary in queue {
                var due = summary.nextDeadline.map { "\(dates.day($0.due)) \(words.id($0.kind))" } ?? "–"
                if summary.isOverdue(at: now) { due += overdueWord }
                table.append([summary.id.description, words.id(summary.band), summary.score.map(String.init) ?? "–",
                              words.id(summary.status), due, summary.categories.joined(separator: ",")])
            }
            Console.write(table.render(width: OutputTerminal.width))
        }
    }
}
