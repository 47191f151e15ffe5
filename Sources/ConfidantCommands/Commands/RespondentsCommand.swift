import ArgumentParser
import CaseCore
import Foundation

struct RespondentsCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "respondents", abstract: words["help.respondents.abstract"]) }

    @OptionGroup var database: DatabaseOptions
    @Flag(help: .key("help.any.json")) var json = false

    struct Row: Encodable {
        struct Appearance: Encodable { var id: String; var band: String?; var status: String; var receivedAt: String }
        var respondent: String
        var role: String?
        var cases: [Appearance]
    }

    func run() throws {
        try reportingErrors {
            let desk = try database.openDesk()
            let patterns = try desk.repeatRespondents()
            if json {
                let rows = patterns.map { p in
                    Row(respondent: p.label, role: p.role, cases: p.cases.map {
                        .init(id: $0.caseID.description, band: $0.band?.rawValue, status: $0.status.rawValue, receivedAt: DateText.day($0.receivedAt))
                    })
                }
                try Console.json(rows)
                return
            }
            guard !patterns.isEmpty else {
                Console.out(words["cli.no-repeat-respondent"])
                return
            }
            for p in patterns {
                // Names and roles are typed by people: no escape sequence of theirs reaches the terminal.
                Console.out(SafeText.line("\(p.label)\(p.role.map { ", \($0)" } ?? "")")
                    + " — " + words["cli.respondent-cases", values: ["cases": String(p.cases.count), "open": String(p.openCount)]])
                var table = TextTable(Array(repeating: .init(title: ""), count: 4), showsTitles: false)
                for c in p.cases {
                    table.append([c.caseID.description, DateText.day(c.receivedAt), words.id(c.band), words.id(c.status)])
                }
                Console.write(table.render(indent: "  ", width: OutputTerminal.width))
            }
        }
    }
}
