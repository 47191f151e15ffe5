import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export one case summary as Markdown, JSON or printable HTML, for the counselor or the supervisor.",
        discussion: """
            The summary holds the score explanation, the journal timeline, deadlines met and missed, support arranged, \
            advice given and the escalation history. --for supervisor shows the reporter by pseudonym unless they \
            consented to share their identity, replaces their name in the text, and leaves out contact details, \
            support needs, support arranged and advice given. Files are written readable by you only (mode 0600). \
            Every export is recorded in the audit log.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Case id, like C-2026-0042.")
    var id: String

    @Option(help: "markdown, json or html.")
    var format: String = "markdown"

    @Option(name: .customLong("for"), help: "counselor (everything) or supervisor (redacted); default: your own role.")
    var audience: String?

    @Option(help: "File to write (default: standard output).")
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
