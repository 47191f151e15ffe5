import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import cases from a CSV file (columns in docs/IMPORT.md) or a JSON array of cases.",
        discussion: """
            Every row is checked first; the first problem stops the import with the file, line and column named, \
            and nothing is imported. Otherwise all new cases are added in one transaction. Rows imported before \
            (same external_ref, or the same content) are skipped, so importing a file twice adds nothing.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "A .csv or .json file.")
    var file: String

    @Option(help: "csv or json (default: from the file name's extension).")
    var format: String?

    @Flag(help: "Check the file and say what it holds, without importing.")
    var check = false

    enum Kind: String, CaseIterable { case csv, json }

    func run() throws {
        try reportingErrors {
            let kind: Kind
            if let format {
                kind = try parseChoice(format, Kind.self, option: "--format")
            } else if let guess = Kind(rawValue: (file as NSString).pathExtension.lowercased()) {
                kind = guess
            } else {
                throw CaseError.invalidField(field: .key("field.import-file"), problem: .key("problem.no-import-extension", ["file": .text(file)]))
            }
            let input = try OutputFile.readText(file)
            let desk = try database.openDesk()
            let plan: ImportPlan = switch kind {
            case .csv: try CaseCSVImport(file: input.name, taxonomy: desk.taxonomy).plan(input.text)
            case .json: try CaseJSONImport(file: input.name).plan(input.data)
            }
            if check {
                try plan.validate(evaluator: desk.evaluator, now: desk.clock())
                Console.out(words.count("cli.import-checked", plan.items.count, ["file": input.name]))
                return
            }
            let result = try desk.importCases(plan)
            Console.out(words["cli.imported", values: ["added": String(result.added.count), "skipped": String(result.skipped)]])
            if !result.added.isEmpty {
                Console.out(words["cli.new-cases", values: ["ids": result.added.map(\.description).joined(separator: ", ")]])
            }
        }
    }
}
