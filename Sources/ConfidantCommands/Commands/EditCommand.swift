import ArgumentParser
import CaseCore
import Foundation

struct EditCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "edit", abstract: words["help.edit.abstract"],
        discussion: words["help.edit.discussion"]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.any.case-id")) var id: String
    @Option(name: .long, help: .key("help.edit.json")) var json: String

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let edit = try CaseEdit.decode(try readInput(json))
            let desk = try database.openDesk()
            let view = try desk.edit(caseID, edit)
            let band = view.evaluation.score.band.map(words.label) ?? words["band.unrated"]
            Console.out(words["cli.edited", values: ["id": caseID.description, "score": view.evaluation.score.value.map { "\($0) " } ?? "", "band": band]])
        }
    }
}

struct ReopenCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "reopen", abstract: words["help.reopen.abstract"]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.any.case-id")) var id: String
    @Option(help: .key("help.reopen.reason")) var reason: String?
    @Option(name: .customLong("text-file"), help: .key("help.any.reason-file")) var textFile: String?

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let text = try freeText(reason, file: textFile, what: .key("action.reopen"))
            let desk = try database.openDesk()
            let view = try desk.reopen(caseID, reason: text)
            Console.out(words["cli.reopened", values: ["id": caseID.description, "status": view.item.status.rawValue]])
        }
    }
}

struct DiscloseCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "disclose",
        abstract: words["help.disclose.abstract"],
        discussion: words["help.disclose.discussion"]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.any.case-id")) var id: String
    @Option(help: .key("help.disclose.to")) var to: String?
    @Option(name: .customLong("to-file"), help: .key("help.disclose.to-file")) var toFile: String?
    @Option(help: .key("help.disclose.duty")) var duty: String?
    @Option(name: .customLong("duty-file"), help: .key("help.any.duty-file")) var dutyFile: String?
    @Option(name: .customLong("defer"), help: .key("help.disclose.defer-reason")) var deferReason: String?
    @Option(name: .customLong("defer-file"), help: .key("help.disclose.defer-file")) var deferFile: String?

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            try oneStandardInput([("--to-file", toFile), ("--duty-file", dutyFile), ("--defer-file", deferFile)])
            guard let recipient = try optionalText(to, file: toFile, fileOption: "--to-file") else {
                throw CaseError.invalidField(field: .key("field.disclosure-recipient"), problem: .key("problem.recipient-missing"))
            }
            let dutyText = try freeText(duty, file: dutyFile, what: .key("action.disclose"), fileOption: "--duty-file")
            let deferral = try optionalText(deferReason, file: deferFile, fileOption: "--defer-file")
            let desk = try database.openDesk()
            try desk.disclose(caseID, to: recipient, duty: dutyText, deferTelling: deferral)
            Console.out(deferral?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty == nil
                ? words["cli.disclosure-tell", values: ["id": caseID.description, "days": String(desk.evaluator.policy.tellReporterWithinDays)]]
                : words["cli.disclosure-deferred", values: ["id": caseID.description]])
        }
    }
}
