import ArgumentParser
import CaseCore
import CaseStore
import Foundation

/// Options every database command takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Database file, or a team's database on a PostgreSQL server (default: $CONFIDANT_DB, else ~/.local/share/confidant/confidant.db).",
        discussion: "A server is named postgresql://USER@HOST:PORT/DATABASE; its password comes from the URL, $PGPASSWORD or ~/.pgpass.",
        valueName: "path-or-url"))
    var db: String?

    @Option(name: .long, help: "Account to open the database as (default: the first whose passphrase matches).")
    var account: String?

    var path: String { DatabaseLocation.resolve(db) }

    /// The file or server `path` names.
    func location() throws -> StoreLocation { try StoreLocation(path) }

    /// Loads the configuration, asks for the passphrase and opens the store.
    func openDesk() throws -> CaseDesk {
        try openDesk(with: ConfidantConfiguration.discover())
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
            prompt = "Passphrase for \(account): "
        } else if names.count == 1 {
            prompt = "Passphrase for \(names[0]): "
        } else if names.count > 1 {
            prompt = "Passphrase (accounts: \(names.joined(separator: ", ")); --account NAME picks one): "
        } else {
            prompt = "Passphrase: "
        }
        var opened: CaseDesk?
        for attempt in 1...(fromEnvironment ? 1 : 3) {
            do {
                opened = try CaseDesk.open(
                    location, passphrase: try Passphrase.obtain(prompt: prompt), account: account,
                    evaluator: config.evaluator(calendar: .current), passphrasePolicy: config.passphrasePolicy, clock: clock)
                break
            } catch StoreError.wrongPassphrase where attempt < 3 && !fromEnvironment {
                Passphrase.say("The passphrase is not correct; try again.")
            }
        }
        guard let desk = opened else { throw StoreError.wrongPassphrase }
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
        let count = attempts.count
        return "\(count) wrong passphrase\(count == 1 ? " was" : "s were") given since the last login, the last on "
            + "\(DateText.day(last)) at \(DateText.timestamp(last).dropFirst(11).prefix(5)) UTC."
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

/// One sentence for any error Confidant can meet.
func describe(_ error: Error) -> String {
    ErrorSentence.of(error)
}

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
        throw CaseError.invalidField(field: "case id", problem: "'\(text)' is not a case id like C-2026-0042")
    }
    return id
}

/// Reads a file, or standard input for `-`.
func readInput(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CaseError.invalidField(field: "input file", problem: "'\(path)' cannot be read")
    }
    return data
}

/// Sensitive free text from an option or from `--text-file FILE|-`, so it need not travel in argv
/// (where other local users read it in /proc and it stays in shell history).
func freeText(_ inline: String?, file: String?, what: String) throws -> String {
    switch (inline, file) {
    case let (text?, nil): return text
    case let (nil, path?): return String(decoding: try readInput(path), as: UTF8.self)
    case (nil, nil): throw CaseError.reasonRequired("\(what) (give it with --text-file FILE, or - for standard input)")
    case (_?, _?): throw CaseError.invalidField(field: "text", problem: "was given twice; use either the option or --text-file")
    }
}

/// Parses an enumeration option, naming the accepted values when the text is not one of them.
func parseChoice<T: RawRepresentable & CaseIterable>(_ text: String, _ field: String) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: text) else {
        throw CaseError.invalidField(field: field, problem: "'\(text)' is not one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return value
}
