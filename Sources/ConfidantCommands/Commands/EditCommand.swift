import ArgumentParser
import CaseCore
import Foundation

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Correct or complete a case after intake (journaled, re-scored at once).",
        discussion: """
            The JSON is a partial case with the field names of 'add --json': fields left out stay as they are; \
            'reported' and the other lists are replaced whole; "affected": null says the reporter is the affected \
            person. Consent is given or withdrawn with {"consentShareIdentity": true|false}, the reporter's wishes \
            with {"wishes": "listen-only|informal|formal|escalate"}, the case's own follow-up interval with \
            {"followUpEveryDays": 14} (1 to 365 days; null returns to the policy's). Unknown keys are refused.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id.") var id: String
    @Option(name: .long, help: "JSON file with the fields to change, or - for standard input.") var json: String

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
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Reopen a closed, withdrawn or screened-out case, with the reason (journaled).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id.") var id: String
    @Option(help: "Why the case is reopened.") var reason: String?
    @Option(name: .customLong("text-file"), help: "Read the reason from a file, or - for standard input.") var textFile: String?

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
    static let configuration = CommandConfiguration(
        commandName: "disclose",
        abstract: "Record information passed on without the reporter's consent, under a duty to act (journaled, audited).",
        discussion: """
            The reporter is then to be told within the policy's days (tellReporterWithinDays, 2 by default): record it \
            with 'journal ID --kind reporter-told', or defer it now with --defer and the reason.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id.") var id: String
    @Option(help: "To whom the information was passed (a service, an authority).") var to: String?
    @Option(name: .customLong("to-file"), help: "Read to whom from a file, or - for standard input.") var toFile: String?
    @Option(help: "The duty to act: a child at risk, sexual exploitation and abuse, danger to life, a legal obligation.") var duty: String?
    @Option(name: .customLong("duty-file"), help: "Read the duty to act from a file, or - for standard input.") var dutyFile: String?
    @Option(name: .customLong("defer"), help: "Defer telling the reporter, with the reason.") var deferReason: String?
    @Option(name: .customLong("defer-file"), help: "Read the reason for deferring from a file, or - for standard input.") var deferFile: String?

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
