import CaseCore
import CaseStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the terminal UI needs to start.
public struct LaunchSettings: Sendable {
    public var desk: CaseDesk
    /// A line shown at the top of the queue (the demo says its passphrase here).
    public var banner: String?
    /// Checks a passphrase to unlock the idle lock screen (by default as a login to the desk's database is checked).
    public var unlock: @Sendable (String) -> Bool
    /// The organisation's letter templates (`Data/letters`), for the acknowledgement letter (`L`); nil when absent.
    public var letters: LetterLibrary?

    public init(desk: CaseDesk, banner: String?, letters: LetterLibrary? = nil, unlock: (@Sendable (String) -> Bool)? = nil) {
        self.desk = desk
        self.banner = banner
        self.letters = letters
        self.unlock = unlock ?? { desk.unlock(passphrase: $0) }
    }
}

/// Entry point of the terminal UI.
public enum Launcher {
    /// Why the UI cannot start here (not a terminal, TERM unset or unknown), or nil when it can, in `words`' language.
    public static func terminalProblem(words: Catalogue = .english) -> String? {
        terminalProblem(environment: ProcessInfo.processInfo.environment, stdinIsTTY: isatty(0) == 1, stdoutIsTTY: isatty(1) == 1,
                        words: words)
    }

    /// The check behind ``terminalProblem(words:)``, with its inputs given (for tests).
    public static func terminalProblem(environment: [String: String], stdinIsTTY: Bool, stdoutIsTTY: Bool,
                                       words: Catalogue = .english) -> String? {
        func problem(_ key: String, _ values: [String: String] = [:]) -> String {
            words["desk.terminal.needs"] + words[key, values: values] + " " + words["desk.terminal.advice"]
        }
        if !stdinIsTTY { return problem("desk.terminal.stdin") }
        if !stdoutIsTTY { return problem("desk.terminal.stdout") }
        let term = environment["TERM"] ?? ""
        if term.isEmpty { return problem("desk.terminal.no-term") }
        if term == "dumb" { return problem("desk.terminal.dumb") }
        if !terminfoKnows(term, environment: environment) { return problem("desk.terminal.unknown", ["term": term]) }
        return nil
    }

    /// Whether a terminfo entry for `term` exists in the places ncurses looks.
    static func terminfoKnows(_ term: String, environment: [String: String]) -> Bool {
        guard !term.contains("/"), let first = term.unicodeScalars.first else { return false }
        var directories: [String] = []
        if let dir = environment["TERMINFO"], !dir.isEmpty { directories.append(dir) }
        if let home = environment["HOME"] { directories.append(home + "/.terminfo") }
        if let dirs = environment["TERMINFO_DIRS"] {
            directories += dirs.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
        }
        directories += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo", "/usr/share/lib/terminfo"]
        let letter = String(Character(first))
        let hex = String(format: "%02x", first.value)
        return directories.contains { dir in
            FileManager.default.fileExists(atPath: "\(dir)/\(letter)/\(term)") || FileManager.default.fileExists(atPath: "\(dir)/\(hex)/\(term)")
        }
    }

    /// Seconds without a key before the lock screen: `$CONFIDANT_IDLE_LOCK_SECONDS`, else the policy.
    static func idleLimit(_ launch: LaunchSettings, environment: [String: String] = ProcessInfo.processInfo.environment) -> TimeInterval {
        if let text = environment["CONFIDANT_IDLE_LOCK_SECONDS"], let seconds = Double(text), seconds > 0 { return seconds }
        return TimeInterval(launch.desk.evaluator.policy.idleLockMinutes * 60)
    }

    /// Runs the UI until the counselor quits; returns the process exit status.
    public static func run(_ launch: LaunchSettings) -> Int32 {
        if let problem = terminalProblem(words: launch.desk.catalogue) {
            FileHandle.standardError.write(Data(("confidant: " + problem + "\n").utf8))
            return 1
        }
        let app = DeskApp(launch: launch, calendar: .current, idleLimit: idleLimit(launch))
        guard let terminal = CursesTerminal.start() else {
            let words = launch.desk.catalogue
            let problem = words["desk.terminal.needs"]
                + words["desk.terminal.curses", values: ["term": ProcessInfo.processInfo.environment["TERM"] ?? ""]]
                + " " + words["desk.terminal.advice"]
            FileHandle.standardError.write(Data(("confidant: " + problem + "\n").utf8))
            return 1
        }
        // Paint the queue first, then look for deadline alerts: the counselor sees the desk at once, and the
        // alert panel (a query over every open case) follows a moment later.
        terminal.draw(app.render(width: terminal.width, height: terminal.height), clearFirst: true)
        app.start()
        var needsDraw = true
        var clearNext = false
        // A signal (SIGHUP when the terminal goes away, SIGTERM, SIGINT) ends the loop and restores the terminal. A
        // form being filled in is then discarded: a case is saved only by its own transaction on Ctrl-S, never in part.
        while !app.shouldQuit, CursesTerminal.signalReceived == 0 {
            if needsDraw {
                terminal.draw(app.render(width: terminal.width, height: terminal.height), clearFirst: clearNext)
                needsDraw = false
                clearNext = false
            }
            if let key = terminal.readKey(timeout: 200) {
                let wasLocked = app.isLocked
                app.handle(key, at: Date())
                if app.discardTypeAhead {
                    terminal.discardPendingInput()
                    app.discardTypeAhead = false
                }
                needsDraw = true
                if key == .resize || key == .ctrl("l") || wasLocked != app.isLocked { clearNext = true }
            } else {
                let wasLocked = app.isLocked
                app.checkIdle(at: Date())
                if app.isLocked != wasLocked {
                    needsDraw = true
                    clearNext = true
                }
                // While idle, pick up cases changed by another window or a command (cheap when nothing changed).
                if !app.isLocked, app.refreshWhileIdle() { needsDraw = true }
            }
        }
        terminal.end()
        let signal = CursesTerminal.signalReceived
        if signal == SIGINT { return 0 }
        return signal == 0 ? 0 : 128 + signal
    }
}
