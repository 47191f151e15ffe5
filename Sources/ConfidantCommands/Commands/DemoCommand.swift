import ArgumentParser
import CaseCore
import CaseDeskTUI
import CaseStore
import Foundation

struct DemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "demo",
        abstract: words["help.demo.abstract"],
        discussion: words["help.demo.discussion"]) }

    static let passphrase = "demo"

    @Option(name: .long, help: .key("help.demo.db"))
    var db: String?

    @Flag(help: .key("help.demo.seed-only"))
    var seedOnly = false

    @OptionGroup var language: LanguageOptions

    /// The demo file with its texts in the desk's language, when `demo-cases.LANG.json` gives them (see
    /// ``DemoTranslation``); as it is otherwise.
    static func translated(_ data: Data, config: ConfidantConfiguration) throws -> Data {
        let name = "demo-cases.\(config.catalogue.language).json"
        guard config.catalogue.language != "en",
              let translation = FileManager.default.contents(atPath: config.directory.appendingPathComponent(name).path) else { return data }
        return try DemoTranslation.apply(translation, to: data, file: name)
    }

    func run() throws {
        try reportingErrors {
            if !seedOnly, let problem = Launcher.terminalProblem(words: words) { throw TerminalUnavailable(message: problem) }
            let config = try language.configuration()
            let evaluator = config.evaluator(calendar: .current)
            let (path, throwaway) = DatabaseLocation.demo(db)
            if throwaway {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let desk: CaseDesk
            if FileManager.default.fileExists(atPath: path) {
                desk = try CaseDesk.open(.file(path), passphrase: Self.passphrase, evaluator: evaluator,
                                         clock: CommandClock.shared.current)
            } else {
                // The throwaway demo database is the one exception to the passphrase rules: its passphrase is on screen.
                desk = try CaseDesk.create(.file(path), passphrase: Self.passphrase, evaluator: evaluator, kdfRounds: 1 << 14,
                                           passphrasePolicy: nil, clock: CommandClock.shared.current)
                let demoFile = config.directory.appendingPathComponent("demo-cases.json")
                guard let data = FileManager.default.contents(atPath: demoFile.path) else {
                    throw ConfigurationError.malformed(file: "demo-cases.json", detail: .key("config.no-file", ["path": .text(demoFile.path)]))
                }
                try desk.seedDemo(from: try Self.translated(data, config: config))
            }
            if seedOnly {
                Console.out(words["cli.demo-ready", values: ["path": path, "passphrase": Self.passphrase]])
                return
            }
            try desk.recordLogin()
            let status = Launcher.run(LaunchSettings(
                desk: desk,
                banner: words["cli.demo-banner", values: ["passphrase": Self.passphrase]],
                letters: config.letters))
            if status != 0 { throw ExitCode(status) }
        }
    }
}
