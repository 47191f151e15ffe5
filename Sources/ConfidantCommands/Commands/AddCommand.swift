import ArgumentParser
import CaseCore
import Foundation

struct AddCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "add", abstract: words["help.add.abstract"]) }

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: .key("help.add.json"))
    var json: String

    func run() throws {
        try reportingErrors {
            let intake = try CaseIntake.decode(try readInput(json))
            let desk = try database.openDesk()
            let added = try desk.add(intake)
            Console.out(added.id.description)
            if let code = added.followUpCode {
                // Stderr, so scripts reading the id from stdout still work; shown this once only.
                FileHandle.standardError.write(Data((words["cli.follow-up-code", values: ["code": code.description]] + "\n").utf8))
            }
        }
    }
}
