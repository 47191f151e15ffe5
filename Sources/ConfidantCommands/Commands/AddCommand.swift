import ArgumentParser
import CaseCore
import Foundation

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a case from JSON (a file, or - for standard input); prints the new id.")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "JSON file describing the case, or - for standard input.")
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
