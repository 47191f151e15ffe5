import CaseCore
import Foundation

/// The organisation's configuration: `scoring.json`, `policy.json`, `taxonomy.json` from the data directory, with a
/// person's own `policy.json` and letter templates from their configuration folder laid over it (see ``overrides``),
/// and the desk's language (`lang/LANG.json`), in which the taxonomy and the factors are named.
public struct ConfidantConfiguration: Sendable {
    public var directory: URL
    /// The person's own folder (`$XDG_CONFIG_HOME/confidant`) when it exists: its `policy.json` overrides settings of
    /// the installed one, its `letters/` templates the installed ones of the same name.
    public var overrides: URL?
    /// Every policy setting in force, with the file it came from.
    public var policySettings: [PolicySetting]
    public var scoring: ScoringConfiguration
    public var policy: Policy
    public var taxonomy: Taxonomy
    /// The rules for new passphrases, with `common-passwords.txt`.
    public var passphrasePolicy: PassphrasePolicy
    /// The desk's language: screens, the command line's sentences, exports and statistics.
    public var catalogue: Catalogue
    /// The policy, scoring and taxonomy files as one document, as `init` stores it in a new database (and an older
    /// database at its first counselor's login). Once a database holds a policy, its own is in force, not these files.
    public var teamPolicy: TeamPolicy

    /// Loads the files in the language `choice` picks, with a clear error naming the file at fault (and the key, in
    /// a person's own `policy.json`).
    public static func load(from directory: URL, language choice: LanguageChoice = .english,
                            overrides: URL? = nil) throws -> ConfidantConfiguration {
        func read(_ name: String) throws -> Data {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ConfigurationError.malformed(file: name, detail: .key("config.no-file", ["path": .text(url.path)]))
            }
            return data
        }
        let personal = overrides?.appendingPathComponent("policy.json")
        let mine = personal.flatMap { FileManager.default.contents(atPath: $0.path) }
        let (policy, settings) = try PolicyOverride.load(
            base: read("policy.json"), baseFile: directory.appendingPathComponent("policy.json").path,
            override: mine, overrideFile: personal?.path ?? "")
        let languages = LanguageLibrary(directory: directory.appendingPathComponent("lang"))
        let available = try languages.all()
        let code = try choice.deskLanguage(configured: policy.language, available: available)
        let catalogue = available[code] ?? .english
        let scoring = try ScoringConfiguration.load(from: read("scoring.json"), catalogue: catalogue)
        let taxonomy = try Taxonomy.load(from: read("taxonomy.json"), catalogue: catalogue)
        try scoring.validate(against: taxonomy)
        let team = try TeamPolicy(policy: PolicyOverride.merged(base: read("policy.json"), override: mine),
                                  scoring: read("scoring.json"), taxonomy: read("taxonomy.json"))
        return ConfidantConfiguration(
            directory: directory, overrides: overrides, policySettings: settings, scoring: scoring, policy: policy,
            taxonomy: taxonomy, passphrasePolicy: .load(commonPasswords: try read("common-passwords.txt")), catalogue: catalogue,
            teamPolicy: team)
    }

    /// The policy a folder holds for `config apply`: its `policy.json`, `scoring.json` and `taxonomy.json` in place of
    /// those of `current` (a file the folder lacks stays as it is). An error names the folder's file, the key and
    /// the problem.
    public static func teamPolicy(in folder: URL, replacing current: TeamPolicy) throws -> TeamPolicy {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ConfigurationError.malformed(file: folder.path, detail: .key("config.no-folder"))
        }
        var files: [String: Data] = [:]
        for name in TeamPolicy.files {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) { files[name] = data }
        }
        guard !files.isEmpty else {
            throw ConfigurationError.malformed(file: folder.path, detail: .key("config.no-policy-files"))
        }
        do {
            return try current.replacing(files)
        } catch let ConfigurationError.malformed(file, detail) where files[file] != nil {
            throw ConfigurationError.malformed(file: folder.appendingPathComponent(file).path, detail: detail)
        } catch let ConfigurationError.invalid(file, detail) where files[file] != nil {
            throw ConfigurationError.invalid(file: folder.appendingPathComponent(file).path, detail: detail)
        }
    }

    /// Finds the data directory: `$CONFIDANT_DATA`, else a `Data` folder beside or above the executable
    /// (a source checkout), else `share/confidant` next to the installed binary, else `/usr/local/share/confidant`.
    public static func locateDataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit = environment["CONFIDANT_DATA"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        let fm = FileManager.default
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
            .resolvingSymlinksInPath()
        var dir = executable.deletingLastPathComponent()
        candidates.append(dir.appendingPathComponent("../share/confidant").standardized)
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Data"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("Data"))
        candidates.append(URL(fileURLWithPath: "/usr/local/share/confidant"))
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("scoring.json").path) }
    }

    /// Locates and loads the configuration, with the person's own overrides when their folder exists; the desk's
    /// language is `--lang` (`option`), else the policy's, else the environment's, else English.
    public static func discover(environment: [String: String] = ProcessInfo.processInfo.environment,
                                language option: String? = nil) throws -> ConfidantConfiguration {
        guard let directory = locateDataDirectory(environment: environment) else {
            throw ConfigurationError.malformed(file: "scoring.json", detail: .key("config.no-data-folder"))
        }
        let personal = personalDirectory(environment: environment)
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: personal.path, isDirectory: &isFolder) && isFolder.boolValue
        return try load(from: directory, language: LanguageChoice(option: option, environment: environment),
                        overrides: exists ? personal : nil)
    }

    /// The person's own configuration folder: `$XDG_CONFIG_HOME/confidant`, else `~/.config/confidant`.
    public static func personalDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
            return URL(fileURLWithPath: base).appendingPathComponent("confidant")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/confidant")
    }

    /// The catalogues of every language (`Data/lang`).
    public var languages: LanguageLibrary { LanguageLibrary(directory: directory.appendingPathComponent("lang")) }

    public var letters: LetterLibrary {
        LetterLibrary(directory: directory.appendingPathComponent("letters"), overrides: overrides?.appendingPathComponent("letters"),
                      languages: languages)
    }

    /// The files' evaluator, carrying their ``teamPolicy`` (a store holding a policy of its own works under that one).
    public func evaluator(calendar: Calendar = .utc) -> CaseEvaluator {
        var evaluator = CaseEvaluator(scoring: scoring, policy: policy, taxonomy: taxonomy, calendar: calendar, catalogue: catalogue,
                                      letterLanguages: letters.languages(for: "acknowledgement"))
        evaluator.source = teamPolicy
        return evaluator
    }
}
