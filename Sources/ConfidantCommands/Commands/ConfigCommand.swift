import ArgumentParser
import CaseCore
import CaseStore
import Foundation

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "The configuration in force and where each part of it comes from.",
        discussion: """
            The organisation's policy, scoring and letters are installed in the Data folder (share/confidant). Your own \
            policy.json and letters/KIND.LANG.md in $XDG_CONFIG_HOME/confidant (~/.config/confidant) override them \
            without editing what is installed: policy.json holds only the settings you change, with the installed \
            file's names, e.g. {"acknowledgeWithinDays": 7, "firstContact": {"criticalHours": 12}}.

            A database keeps the policy it was created with (policy.json with your settings over it, scoring.json, \
            taxonomy.json), versioned: once a database holds one, the desk and every command opening it use the \
            database's policy, not the files of the machine, so that two desks never rank a case differently. \
            `config apply DIR` installs a new version; `config show --db FILE` tells the version in force.
            """,
        subcommands: [Show.self, Apply.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every policy setting in force and the file it came from, the letter templates and the data files.",
            discussion: """
                Needs no database and no passphrase. A file with an error is named with the key and the problem. With \
                --db, the policy stored in that database: its version, when and by whom it was installed, and its settings.
                """)

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
