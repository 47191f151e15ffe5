import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "import",
        abstract: words["help.import.abstract"],
        discussion: words["help.import.discussion"]) }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: .key("help.import.file"))
    var file: String

    @Option(help: .key("help.import.format"))
    var format: String?

    @Flag(help: .key("help.import.check"))
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
