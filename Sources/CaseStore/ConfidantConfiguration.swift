import CaseCore
import Foundation

/// The organisation's configuration: `scoring.json`, `policy.json`, `taxonomy.json` from the data directory, and the
/// desk's language (`lang/LANG.json`), in which the taxonomy and the factors are named.
public struct ConfidantConfiguration: Sendable {
    public var directory: URL
    public var scoring: ScoringConfiguration
    public var policy: Policy
    public var taxonomy: Taxonomy
    /// The rules for new passphrases, with `common-passwords.txt`.
    public var passphrasePolicy: PassphrasePolicy
    /// The desk's language: screens, the command line's sentences, exports and statistics.
    public var catalogue: Catalogue

    /// Loads the files in the language `choice` picks, with a clear error naming the file at fault.
    public static func load(from directory: URL, language choice: LanguageChoice = .english) throws -> ConfidantConfiguration {
        func read(_ name: String) throws -> Data {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ConfigurationError.malformed(file: name, detail: .key("config.no-file", ["path": .text(url.path)]))
            }
            return data
        }
        let policy = try Policy.load(from: read("policy.json"))
        let languages = LanguageLibrary(directory: directory.appendingPathComponent("lang"))
        let available = try languages.all()
        let code = try choice.deskLanguage(configured: policy.language, available: available)
        let catalogue = available[code] ?? .english
        let scoring = try ScoringConfiguration.load(from: read("scoring.json"), catalogue: catalogue)
        let taxonomy = try Taxonomy.load(from: read("taxonomy.json"), catalogue: catalogue)
        try scoring.validate(against: taxonomy)
        return ConfidantConfiguration(
            directory: directory, scoring: scoring, policy: policy, taxonomy: taxonomy,
            passphrasePolicy: .load(commonPasswords: try read("common-passwords.txt")), catalogue: catalogue)
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

    /// Locates and loads the configuration; the desk's language is `--lang` (`option`), else policy.json's,
    /// else the environment's, else English.
    public static func discover(environment: [String: String] = ProcessInfo.processInfo.environment,
                                language option: String? = nil) throws -> ConfidantConfiguration {
        guard let directory = locateDataDirectory(environment: environment) else {
            throw ConfigurationError.malformed(file: "scoring.json", detail: .key("config.no-data-folder"))
        }
        return try load(from: directory, language: LanguageChoice(option: option, environment: environment))
    }

    /// The catalogues of every language (`Data/lang`).
    public var languages: LanguageLibrary { LanguageLibrary(directory: directory.appendingPathComponent("lang")) }

    public var letters: LetterLibrary {
        LetterLibrary(directory: directory.appendingPathComponent("letters"), languages: languages)
    }

    public func evaluator(calendar: Calendar = .utc) -> CaseEvaluator {
        CaseEvaluator(scoring: scoring, policy: policy, taxonomy: taxonomy, calendar: calendar, catalogue: catalogue,
                      letterLanguages: letters.languages(for: "acknowledgement"))
    }
}
