import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Anonymised statistics for management, as Markdown, CSV, JSON or HTML.",
        discussion: """
            Counts by category, triage band, reporter relationship, channel and month of receipt; median and 90th \
            percentile days to acknowledge and to first contact; overdue cases; escalations by level. Counts from \
            1 to 4 are shown as <5, and x marks a count withheld so that a small one cannot be worked out from a \
            total. No names, case ids, pseudonyms or case text are included. Recorded in the audit log.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "First day of receipt to count (default: the first case).")
    var from: String?

    @Option(help: "Last day of receipt to count (default: today).")
    var to: String?

    @Option(help: "markdown, csv, json or html.")
    var format: String = "markdown"

    @Option(help: "File to write (default: standard output).")
    var out: String?

    func run() throws {
        try reportingErrors {
            let format = try parseChoice(format, StatisticsFormat.self, option: "--format")
            let start = try from.map { try parseDay($0, option: "--from") }
            let end = try to.map { try parseDay($0, option: "--to") }
            if let start, let end, end < start {
                throw CaseError.invalidField(field: .key("field.option", ["option": "--to"]), problem: .key("problem.before-from"))
            }
            let desk = try database.openDesk()
            let report = try desk.statistics(from: start, to: end)
            try OutputFile.emit(format.render(report, catalogue: desk.catalogue), to: out)
            try desk.recordReport(report, format: format, toFile: out != nil)
            if let out { Console.error(words["cli.wrote-report", values: ["format": format.rawValue, "path": DatabaseLocation.absolute(out)]]) }
        }
    }
}
