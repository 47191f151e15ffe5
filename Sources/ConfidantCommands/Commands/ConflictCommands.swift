import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ConflictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflict", abstract: "Declare a conflict of interest: you are recused and the case is flagged for reassignment.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Case id.") var id: String
    @Option(help: "The nature of the conflict.") var reason: String?
    @Option(name: .customLong("text-file"), help: "Read the reason from a file, or - for standard input.") var textFile: String?

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let text = try freeText(reason, file: textFile, what: "declare a conflict of interest")
            let desk = try database.openDesk()
            try desk.declareConflict(caseID, reason: text)
            Console.out("You are recused from \(caseID); it is flagged for reassignment.")
        }
    }
}

struct ReassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign", abstract: "Take over a case flagged for reassignment (clears the flag, journaled).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Case id.") var id: String
    @Option(help: "A note for the journal.") var note: String?
    @Option(name: .customLong("text-file"), help: "Read the note from a file, or - for standard input.") var textFile: String?

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let text = try freeText(note, file: textFile, what: "record a reassignment")
            let desk = try database.openDesk()
            try desk.reassign(caseID, note: text)
            Console.out("\(caseID) is now handled by \(desk.author).")
        }
    }
}

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
            let text = try freeText(reason, file: textFile, what: lift ? "lift a legal hold" : "place a legal hold")
            let desk = try database.openDesk()
            try desk.setLegalHold(caseID, !lift, reason: text)
            Console.out(lift ? "Legal hold on \(caseID) lifted." : "\(caseID) is on legal hold.")
        }
    }
}
