import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ListCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "list", abstract: words["help.list.abstract"],
        discussion: words["help.list.discussion"]) }

    @OptionGroup var database: DatabaseOptions

    @Flag(help: .key("help.list.json"))
    var json = false

    @Option(help: .key("help.list.limit"))
    var limit: Int?

    @Option(help: .key("help.list.status"))
    var status: String = "all"

    @Option(help: .key("help.list.band"))
    var band: String?

    @Option(help: .key("help.list.category"))
    var category: String?

    @Flag(help: .key("help.list.overdue"))
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
