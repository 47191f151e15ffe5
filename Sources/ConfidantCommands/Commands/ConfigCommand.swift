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
            """,
        subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every policy setting in force and the file it came from, the letter templates and the data files.",
            discussion: "Needs no database and no passphrase. A file with an error is named with the key and the problem.")

        func run() throws {
            try reportingErrors {
                let config = try ConfidantConfiguration.discover()
                let installed = config.directory.standardizedFileURL.path
                let personal = ConfidantConfiguration.personalDirectory().standardizedFileURL.path
                Console.out("installed: \(installed)")
                Console.out("yours:     \(personal)" + (config.overrides == nil ? " (there is no such folder)" : ""))
                Console.out("")
                /// Whose file a path is: the person's own, or the installed one.
                func owner(_ path: String?) -> String {
                    guard let path else { return "default" }
                    return URL(fileURLWithPath: path).standardizedFileURL.path.hasPrefix(personal + "/") ? "yours" : "installed"
                }
                var table = TextTable([.init(title: "SETTING"), .init(title: "FROM"), .init(title: "VALUE")])
                for setting in config.policySettings {
                    table.append(["policy: " + setting.key, owner(setting.file), setting.value])
                }
                let letters = config.letters
                for language in letters.languages(for: "acknowledgement") {
                    table.append(["letter: acknowledgement.\(language).md", owner(letters.file("acknowledgement", language: language)?.path), ""])
                }
                for name in ["scoring.json", "taxonomy.json", "common-passwords.txt"] {
                    table.append([name, "installed", ""])
                }
                Console.write(table.render(width: OutputTerminal.width))
                Console.out("")
                Console.out("A database created with `init --organisation NAME` keeps that name for its letters.")
            }
        }
    }
}
