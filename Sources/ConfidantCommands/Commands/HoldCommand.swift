import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct HoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold", abstract: "Place (or with --lift, lift) a legal hold: a held case is never purged.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Case id.") var id: String
    @Option(help: "Why.") var reason: String?
    @Option(name: .customLong("text-file"), help: "Read the reason from a file, or - for standard input.") var textFile: String?
    @Flag(help: "Lift the hold instead of placing it.") var lift = false

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
