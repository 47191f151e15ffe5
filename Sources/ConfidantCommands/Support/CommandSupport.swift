import ArgumentParser
import CaseCore
import CaseStore
import Foundation

/// The language option every command that speaks takes: `--lang`, else policy.json's, else the environment's.
struct LanguageOptions: ParsableArguments {
    @Option(name: .long, help: .key("help.options.lang"))
    var lang: String?

    /// Sets the language of the command's sentences as soon as the options are read, so even an error before the
    /// configuration is loaded is told in it; a language that does not exist is reported by ``configuration()``.
    func validate() throws {
        CommandLanguage.shared.settle(option: lang)
    }

    /// The configuration in the command's language (`--lang`, else policy.json's, else the environment's).
    func configuration() throws -> ConfidantConfiguration {
        let config = try ConfidantConfiguration.discover(language: lang)
        CommandLanguage.shared.set(config.catalogue)
        return config
    }
}

/// Options every database command takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(words["help.options.db"], discussion: words["help.options.db.discussion"],
                                            valueName: "path-or-url"))
    var db: String?

    @Option(name: .long, help: .key("help.options.account"))
    var account: String?

    @OptionGroup var language: LanguageOptions

    var path: String { DatabaseLocation.resolve(db) }

    /// The configuration in the command's language.
    func configuration() throws -> ConfidantConfiguration { try language.configuration() }

    /// The file or server `path` names.
    func location() throws -> StoreLocation { try StoreLocation(path) }

    /// Loads the configuration, asks for the passphrase and opens the store.
    func openDesk() throws -> CaseDesk {
        try openDesk(with: configuration())
    }

    /// Asks for the passphrase and opens the store with a configuration already loaded. On a terminal the prompt
    /// names the account it opens, and a wrong passphrase asks again (three tries, each after the growing delay).
    /// A successful login says how many wrong passphrases were given since the last one, and when.
    func openDesk(with config: ConfidantConfiguration) throws -> CaseDesk {
        let location = try location()
        if case let .file(path) = location, !FileManager.default.fileExists(atPath: path) { throw StoreError.noDatabase(path: path) }
        let clock = CommandClock.shared.current
        let fromEnvironment = ProcessInfo.processInfo.environment["CONFIDANT_PASSPHRASE"] != nil
        let names = fromEnvironment ? [] : ((try? CaseDesk.accountNames(location)) ?? [])
        let prompt: String
        if let account {
            prompt = words["cli.passphrase-for", values: ["account": account]]
        } else if names.count == 1 {
            prompt = words["cli.passphrase-for", values: ["account": names[0]]]
        } else if names.count > 1 {
            prompt = words["cli.passphrase-accounts", values: ["accounts": names.joined(separator: ", ")]]
        } else {
            prompt = words["cli.passphrase"]
        }
        func open(_ passphrase: String) throws -> CaseDesk {
            try CaseDesk.open(location, passphrase: passphrase, account: account,
                              evaluator: config.evaluator(calendar: .current), passphrasePolicy: config.passphrasePolicy, clock: clock)
        }
        // On a terminal the echo stays off from the first try to the last: what is typed while a wrong passphrase is
        // checked is neither shown nor taken as the next try.
        let opened = try fromEnvironment ? open(try Passphrase.obtain(prompt: prompt)) : SilentTerminal.whileSilent { terminal -> CaseDesk in
            for _ in 1..<3 {
                do {
                    return try open(terminal.read(prompt: prompt))
                } catch StoreError.wrongPassphrase {
                    terminal.say(words["cli.passphrase-wrong-again"])
                }
            }
            return try open(terminal.read(prompt: prompt))
        }
        guard let desk = opened else { throw Passphrase.Unavailable() }
        if let notice = Self.failedAttemptsNotice(desk.failedAttempts) {
            FileHandle.standardError.write(Data((notice + "\n").utf8))
        }
        OpenedDesk.shared.set(desk)
        return desk
    }
}

extension DatabaseOptions {
    /// "2 wrong passphrases were given since the last login, the last on 2026-11-28 at 09:14 UTC.", or nil.
    static func failedAttemptsNotice(_ attempts: [Date]) -> String? {
        guard let last = attempts.max() else { return nil }
        return words.count("cli.failed-attempts", attempts.count, [
            "day": words.day(last), "time": String(DateText.timestamp(last).dropFirst(11).prefix(5))])
    }
}

/// Standard output held back until a command succeeded.
final class PendingOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) { lock.withLock { data.append(more) } }
    func take() -> Data { lock.withLock { defer { data = Data() }; return data } }
}

/// The desk a command opened, so its login is recorded once the command has succeeded (and never for a refused one).
final class OpenedDesk: @unchecked Sendable {
    static let shared = OpenedDesk()
    private let lock = NSLock()
    private var desk: CaseDesk?

    func set(_ desk: CaseDesk) { lock.withLock { self.desk = desk } }

    /// Forgets the desk: its login is not recorded (a command that must leave the database exactly as it was).
    func forget() { lock.withLock { desk = nil } }

    func recordLogin() throws {
        let desk = lock.withLock { self.desk }
        try desk?.recordLogin()
    }
}

/// The time of every action, set once by the executable (the real clock; a fixed one only in the test executable).
final class CommandClock: @unchecked Sendable {
    static let shared = CommandClock()
    private let lock = NSLock()
    private var clock: @Sendable () -> Date = { Date() }

    func set(_ clock: @escaping @Sendable () -> Date) { lock.withLock { self.clock = clock } }
    var current: @Sendable () -> Date { lock.withLock { clock } }
}

/// Runs a command body, turning any failure into one sentence on stderr and a non-zero exit.
///
/// What a command prints is held back until its login is in the audit log: if that write fails, nothing is shown
/// (the command fails closed), and a refused command shows only its one sentence.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
        try OpenedDesk.shared.recordLogin()
        Console.flush()
    } catch let exit as ExitCode {
        Console.flush()
        throw exit
    } catch let error as ValidationError {
        Console.discard()
        throw error
    } catch {
        Console.discard()
        Console.error(describe(error))
        throw ExitCode.failure
    }
}

/// One sentence for any error Confidant can meet, in the command's language.
func describe(_ error: Error) -> String {
    ErrorSentence.of(error, in: CommandLanguage.shared.catalogue)
}

/// The language of the command's sentences: English until the options name one (see ``DatabaseOptions/validate()``).
final class CommandLanguage: @unchecked Sendable {
    static let shared = CommandLanguage()
    private let lock = NSLock()
    private var current = Catalogue.english

    var catalogue: Catalogue { lock.withLock { current } }

    func set(_ catalogue: Catalogue) { lock.withLock { current = catalogue } }

    /// Picks the language from `--lang`, policy.json and the environment without failing: a language that cannot
    /// be had leaves English, and the configuration's loading reports why.
    func settle(option: String?) {
        let environment = ProcessInfo.processInfo.environment
        guard let directory = ConfidantConfiguration.locateDataDirectory(environment: environment) else { return }
        let languages = LanguageLibrary(directory: directory.appendingPathComponent("lang"))
        guard let available = try? languages.all() else { return }
        // One's own policy.json may name the language too, over the installed one.
        let personal = ConfidantConfiguration.personalDirectory(environment: environment).appendingPathComponent("policy.json")
        let configured = FileManager.default.contents(atPath: personal.path)
            .flatMap { (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any] }?["language"] as? String
            ?? FileManager.default.contents(atPath: directory.appendingPathComponent("policy.json").path)
            .flatMap { try? Policy.load(from: $0) }?.language
        for choice in [LanguageChoice(option: option, environment: environment), LanguageChoice(environment: environment)] {
            if let code = try? choice.deskLanguage(configured: configured, available: available), let catalogue = available[code] {
                set(catalogue)
                return
            }
        }
    }
}

/// The command's words: ``CommandLanguage``'s catalogue.
var words: Catalogue { CommandLanguage.shared.catalogue }

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("confidant: " + message + "\n").utf8))
    }

    static func out(_ text: String) { write(text + "\n") }

    /// Output, held until the command has succeeded (see ``reportingErrors(_:)``).
    static func write(_ text: String) { pending.append(Data(text.utf8)) }

    /// Shows what was held back.
    static func flush() { FileHandle.standardOutput.write(pending.take()) }

    /// Drops what was held back (the command failed).
    static func discard() { _ = pending.take() }

    private static let pending = PendingOutput()

    /// Pretty-printed JSON with sorted keys, the form every `--json` output takes.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// Parses a case id argument with a clear message.
func parseCaseID(_ text: String) throws -> CaseID {
    guard let id = CaseID(text) else {
        throw CaseError.invalidField(field: .key("field.case-id"), problem: .key("problem.not-a-case-id", ["text": .text(text)]))
    }
    return id
}

/// Reads a file, or standard input for `-`.
func readInput(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CaseError.invalidField(field: .key("field.input-file"), problem: .key("problem.unreadable", ["path": .text(path)]))
    }
    return data
}

/// Sensitive free text from an option or from `--text-file FILE|-`, so it need not travel in argv
/// (where other local users read it in /proc and it stays in shell history).
func freeText(_ inline: String?, file: String?, what: Phrase, fileOption: String = "--text-file") throws -> String {
    guard let text = try optionalText(inline, file: file, fileOption: fileOption) else {
        throw CaseError.reasonRequired(.key("action.text-file", ["action": what, "option": .text(fileOption)]))
    }
    return text
}

/// A text from an option (`--duty TEXT`) or from its file form (`--duty-file FILE`, `-` for standard input), never
/// both; nil when neither is given.
func optionalText(_ inline: String?, file: String?, fileOption: String = "--text-file") throws -> String? {
    switch (inline, file) {
    case let (text?, nil): return text
    case let (nil, path?): return String(decoding: try readInput(path), as: UTF8.self)
    case (nil, nil): return nil
    case (_?, _?):
        guard fileOption != "--text-file" else {
            throw CaseError.invalidField(field: .key("field.text"), problem: .key("problem.given-twice"))
        }
        let option = String(fileOption.dropLast("-file".count))
        throw CaseError.invalidField(
            field: .key("field.text"), problem: .key("problem.given-twice-as", ["option": .text(option), "file": .text(fileOption)]))
    }
}

/// Refuses two file options that would both read standard input (the second would read nothing).
func oneStandardInput(_ files: [(option: String, path: String?)]) throws {
    let readers = files.filter { $0.path == "-" }.map(\.option)
    guard readers.count > 1 else { return }
    throw CaseError.invalidField(
        field: .key("field.standard-input"), problem: .key("problem.one-reader", ["options": .list(readers.map { .text($0) })]))
}

/// Parses an enumeration option, naming the accepted values when the text is not one of them.
func parseChoice<T: RawRepresentable & CaseIterable>(_ text: String, _ field: Phrase) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: text) else {
        throw CaseError.invalidField(field: field, problem: .key("problem.not-one-of", ["text": .text(text), "choices": .text(T.allCases.map(\.rawValue).joined(separator: ", "))]))
    }
    return value
}
