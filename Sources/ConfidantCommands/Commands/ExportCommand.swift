import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "export",
        abstract: words["help.export.abstract"],
        discussion: words["help.export.discussion"]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.any.case-id-example"))
    var id: String

    @Option(help: .key("help.export.format"))
    var format: String = "markdown"

    @Option(name: .customLong("for"), help: .key("help.export.audience"))
    var audience: String?

    @Option(help: .key("help.any.output"))
    var out: String?

    func run() throws {
        try reportingErrors {
            let caseID = try parseCaseID(id)
            let format = try parseChoice(format, CaseExportFormat.self, option: "--format")
            let requested = try audience.map { try parseChoice($0, Audience.self, option: "--for") }
            let desk = try database.openDesk()
            let audience = requested ?? desk.audience
            let doc = try desk.exportDocument(caseID, for: audience)
            try OutputFile.emit(format.render(doc, taxonomy: desk.taxonomy, generatedAt: desk.clock(), catalogue: desk.catalogue), to: out)
            try desk.recordExport(caseID, format: format, audience: audience, toFile: out != nil)
            if let out {
                Console.error(words["cli.wrote-summary", values: [
                    "audience": words.label(audience), "format": format.rawValue, "id": caseID.description, "path": DatabaseLocation.absolute(out)]])
            }
        }
    }
}
