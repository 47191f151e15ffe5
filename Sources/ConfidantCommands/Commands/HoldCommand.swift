import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct HoldCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "hold", abstract: words["help.hold.abstract"]) }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: .key("help.any.case-id")) var id: String
    @Option(help: .key("help.hold.reason")) var reason: String?
    @Option(name: .customLong("text-file"), help: .key("help.any.reason-file")) var textFile: String?
    @Flag(help: .key("help.hold.lift")) var lift = false

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let text = try freeText(reason, file: textFile, what: .key(lift ? "action.lift-hold" : "action.place-hold"))
            let desk = try database.openDesk()
            try desk.setLegalHold(caseID, !lift, reason: text)
            Console.out(words[lift ? "cli.hold-lifted" : "cli.hold-placed", values: ["id": caseID.description]])
        }
    }
}
