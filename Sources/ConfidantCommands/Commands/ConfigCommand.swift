import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ConfigCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "config", abstract: words["help.config.abstract"],
        discussion: words["help.config.discussion"],
        subcommands: [Show.self, Apply.self]) }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: words["help.config.show.abstract"],
            discussion: words["help.config.show.discussion"]) }

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try reportingErrors {
                let config = try database.configuration()
                if database.db != nil { return try showStored(config) }
                let installed = config.directory.standardizedFileURL.path
                let personal = ConfidantConfiguration.personalDirectory().standardizedFileURL.path
                Console.out(words["cli.config.installed", values: ["path": installed]])
                Console.out(words[config.overrides == nil ? "cli.config.yours-missing" : "cli.config.yours", values: ["path": personal]])
                Console.out("")
                /// Whose file a path is: the person's own, or the installed one.
                func owner(_ path: String?) -> String {
                    guard let path else { return words["cli.config.default"] }
                    return words[URL(fileURLWithPath: path).standardizedFileURL.path.hasPrefix(personal + "/") ? "cli.config.yours-file" : "cli.config.installed-file"]
                }
                var table = TextTable([.init(title: words["cli.config.setting"]), .init(title: words["cli.config.from"]),
                                       .init(title: words["cli.config.value"])])
                for setting in config.policySettings {
                    table.append([words["cli.config.policy", values: ["key": setting.key]], owner(setting.file), words.words(setting.value)])
                }
                let letters = config.letters
                for language in letters.languages(for: "acknowledgement") {
                    table.append([words["cli.config.letter", values: ["file": "acknowledgement.\(language).md"]],
                                  owner(letters.file("acknowledgement", language: language)?.path), ""])
                }
                for name in ["scoring.json", "taxonomy.json", "common-passwords.txt"] + config.languages.codes.map({ "lang/\($0).json" }) {
                    table.append([name, words["cli.config.installed-file"], ""])
                }
                Console.write(table.render(width: OutputTerminal.width))
                Console.out("")
                Console.out(words["cli.config.organisation-note"])
            }
        }

        /// The policy a database holds: the version in force, who installed it and when, and its settings.
        func showStored(_ config: ConfidantConfiguration) throws {
            let desk = try database.openDesk(with: config)
            guard let stored = try desk.policyInForce() else {
                Console.out(words["cli.config.database-no-policy", values: ["path": database.path]])
                return
            }
            Console.out(words["cli.config.database-version", values: [
                "path": database.path, "version": String(stored.version), "by": stored.installedBy,
                "time": DateText.timestamp(stored.installedAt)]])
            Console.out(words["cli.config.database-note"])
            Console.out("")
            let source = words["cli.config.database-file", values: ["version": String(stored.version)]]
            var table = TextTable([.init(title: words["cli.config.setting"]), .init(title: words["cli.config.from"]),
                                   .init(title: words["cli.config.value"])])
            for setting in stored.policy.policySettings(source: source) {
                table.append([words["cli.config.policy", values: ["key": setting.key]], setting.file ?? words["cli.config.default"],
                              words.words(setting.value)])
            }
            for name in TeamPolicy.files where name != "policy.json" { table.append([name, source, ""]) }
            Console.write(table.render(width: OutputTerminal.width))
        }
    }
}
