import ArgumentParser
import CaseCore
import Foundation

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup", abstract: "Find the case an anonymous reporter's follow-up code belongs to.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The 16-digit follow-up code, spaces optional.") var code: String

    func run() throws {
        try reportingErrors {
            guard let parsed = FollowUpCode(code) else {
                throw CaseError.invalidField(field: "follow-up code", problem: "must be 16 digits, like 1234 5678 9012 3456")
            }
            let desk = try database.openDesk()
            guard let id = try desk.store.findCase(followUpCode: parsed, now: desk.clock()) else {
                throw CaseError.invalidField(field: "follow-up code", problem: "matches no case")
            }
            Console.out(id.description)
        }
    }
}
