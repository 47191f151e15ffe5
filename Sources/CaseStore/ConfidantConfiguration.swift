import CaseCore
import Foundation

/// The organisation's configuration: `scoring.json`, `policy.json`, `taxonomy.json` from the data directory, with a
/// person's own `policy.json` and letter templates from their configuration folder laid over it (see ``overrides``).
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

    /// Loads the files, with a clear error naming the file at fault (and the key, in a person's own `policy.json`).
    public static func load(from directory: URL, overrides: URL? = nil) throws -> ConfidantConfiguration {
        func read(_ name: String) throws -> Data {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ConfigurationError.malformed(file: name, detail: "there is no file at \(url.path)")
            }
            return data
        }
        let scoring = try ScoringConfiguration.load(from: read("scoring.json"))
        let taxonomy = try Taxonomy.load(from: read("taxonomy.json"))
        try scoring.validate(against: taxonomy)
        let personal = overrides?.appendingPathComponent("policy.json")
        let (policy, settings) = try PolicyOverride.load(
            base: read("policy.json"), baseFile: directory.appendingPathComponent("policy.json").path,
            override: personal.flatMap { FileManager.default.contents(atPath: $0.path) }, overrideFile: personal?.path ?? "")
        return ConfidantConfiguration(
            directory: directory, overrides: overrides, policySettings: settings, scoring: scoring, policy: policy,
            taxonomy: taxonomy, passphrasePolicy: .load(commonPasswords: try read("common-passwords.txt")))
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

    /// Locates and loads the configuration, with the person's own overrides when their folder exists.
    public static func discover(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ConfidantConfiguration {
        guard let directory = locateDataDirectory(environment: environment) else {
            throw ConfigurationError.malformed(
                file: "scoring.json", detail: "the Data folder was not found; set CONFIDANT_DATA to the folder holding it")
        }
        let personal = personalDirectory(environment: environment)
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: personal.path, isDirectory: &isFolder) && isFolder.boolValue
        return try load(from: directory, overrides: exists ? personal : nil)
    }

    /// The person's own configuration folder: `$XDG_CONFIG_HOME/confidant`, else `~/.config/confidant`.
    public static func personalDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
            return URL(fileURLWithPath: base).appendingPathComponent("confidant")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/confidant")
    }

    public var letters: LetterLibrary {
        LetterLibrary(directory: directory.appendingPathComponent("letters"), overrides: overrides?.appendingPathComponent("letters"))
    }

    public func evaluator(calendar: Calendar = .utc) -> CaseEvaluator {
        CaseEvaluator(scoring: scoring, policy: policy, taxonomy: taxonomy, calendar: calendar)
    }
}
