import CaseCore
import CaseStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Gets the passphrase: `$CONFIDANT_PASSPHRASE` when set, else a prompt on the terminal with echo off,
/// else a clear error.
enum Passphrase {
    struct Unavailable: PhrasedError {
        var phrase: Phrase { .key("cli.no-passphrase") }
    }

    static func obtain(prompt: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let value = environment["CONFIDANT_PASSPHRASE"] { return value }
        guard let value = readFromTerminal(prompt: prompt) else { throw Unavailable() }
        return value
    }

    /// Whether a person can be asked at a terminal.
    static var hasTerminal: Bool {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return isatty(fd) == 1
    }

    /// Asks a question on the terminal with echo on; the default when the answer is empty or there is no terminal.
    static func ask(_ question: String, default value: String) -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return value }
        defer { close(fd) }
        guard isatty(fd) == 1 else { return value }
        let prompt = "\(question) [\(value)]: "
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 {
            if byte == 10 || byte == 13 { break }
            bytes.append(byte)
        }
        let answer = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return answer.isEmpty ? value : answer
    }

    /// A new passphrase, asked twice on a terminal; a too-short one or two that differ ask again (three tries), with
    /// the echo off from the first prompt to the last. From `variable` when it is set (scripts), checked the same way.
    static func obtainNew(for account: String, variable: String, policy: PassphrasePolicy,
                          environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let value = environment[variable] {
            if let problem = policy.problem(with: value) { throw StoreError.weakPassphrase(problem) }
            return value
        }
        let chosen = try SilentTerminal.whileSilent { (terminal: SilentTerminal) throws -> String in
            for attempt in 1...3 {
                let first = terminal.read(prompt: words["cli.new-passphrase", values: ["account": account]])
                if let problem = policy.problem(with: first) {
                    if attempt == 3 { throw StoreError.weakPassphrase(problem) }
                    terminal.say(words["cli.try-again", values: ["sentence": words.words(StoreError.weakPassphrase(problem).phrase)]])
                    continue
                }
                let again = terminal.read(prompt: words["cli.repeat-passphrase", values: ["account": account]])
                if again == first { return first }
                if attempt == 3 { throw DifferentPassphrases() }
                terminal.say(words["cli.passphrases-differ-again"])
            }
            throw DifferentPassphrases()
        }
        guard let chosen else { throw Unavailable() }
        return chosen
    }

    struct DifferentPassphrases: PhrasedError {
        var phrase: Phrase { .key("cli.passphrases-differ") }
    }

    /// Reads a line from `/dev/tty` with echo off; nil when there is no terminal.
    static func readFromTerminal(prompt: String) -> String? {
        SilentTerminal.whileSilent { $0.read(prompt: prompt) }
    }
}

/// The terminal with its echo off for a whole sequence of prompts (a passphrase and its tries): what is typed while
/// a wrong passphrase is being checked (the key derivation, the growing delay) is never shown, and never taken as
/// the next try. The echo comes back once, when the sequence ends, and on Ctrl-C, a hang-up or kill.
struct SilentTerminal {
    let fd: Int32

    /// Runs `body` with the echo off; nil (and `body` not run) when there is no terminal.
    static func whileSilent<T>(_ body: (SilentTerminal) throws -> T) rethrows -> T? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard isatty(fd) == 1 else { return nil }
        var original = termios()
        guard tcgetattr(fd, &original) == 0 else { return nil }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        // Ctrl-C (or a hang-up, or kill) while the echo is off must not leave the terminal silent.
        TerminalEcho.remember(original)
        guard tcsetattr(fd, TCSAFLUSH, &silent) == 0 else {
            TerminalEcho.forget()
            return nil
        }
        defer {
            // TCSAFLUSH: what was typed during the last check goes nowhere, neither to the shell nor to the desk.
            _ = tcsetattr(fd, TCSAFLUSH, &original)
            TerminalEcho.forget()
        }
        return try body(SilentTerminal(fd: fd))
    }

    /// Discards whatever was typed before the prompt (during the previous check), then reads one line.
    func read(prompt: String) -> String {
        tcflush(fd, TCIFLUSH)
        write(prompt)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(fd, &byte, 1) == 1 {
            if byte == 10 || byte == 13 { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes a line (a message between tries).
    func say(_ text: String) { write(text + "\n") }

    private func write(_ text: String) {
        _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
    }
}

/// Puts the terminal's echo back when a signal ends the process at a passphrase prompt, then lets the signal take its
/// course. The saved settings live in a global because a signal handler can capture nothing.
enum TerminalEcho {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var armed = false
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    static func remember(_ settings: termios) {
        saved = settings
        armed = true
        for signal in signals { _ = Glibc.signal(signal, restoreAndReraise) }
        // A process may start with these signals blocked (inherited from whatever launched it): a person at the
        // prompt expects Ctrl-C to work.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in signals { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    static func forget() {
        armed = false
        for signal in signals { _ = Glibc.signal(signal, SIG_DFL) }
    }

    private static let restoreAndReraise: @convention(c) (Int32) -> Void = { number in
        if TerminalEcho.armed {
            let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
            if fd >= 0 {
                var settings = TerminalEcho.saved
                _ = tcsetattr(fd, TCSANOW, &settings)
                _ = write(fd, "\n", 1)
                close(fd)
            }
        }
        _ = Glibc.signal(number, SIG_DFL)
        _ = raise(number)
    }
}
