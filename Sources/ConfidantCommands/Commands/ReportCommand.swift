import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "report",
        abstract: words["help.report.abstract"],
        discussion: words["help.report.discussion"]) }

    @OptionGroup var database: DatabaseOptions

    @Option(help: .key("help.report.from"))
    var from: String?

    @Option(help: .key("help.report.to"))
    var to: String?

    @Option(help: .key("help.report.format"))
    var format: String = "markdown"

    @Option(help: .key("help.any.output"))
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
