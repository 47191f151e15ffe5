import CNCurses
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Set from signal handlers (SIGTERM, SIGHUP, SIGINT); the input loop polls it. A plain word is
/// what a handler may safely write.
nonisolated(unsafe) private var pendingSignal: Int32 = 0
/// Whether curses owns the terminal, for the exit hook.
nonisolated(unsafe) private var cursesActive = false

/// The thin adapter between a ``ScreenBuffer`` and ncursesw: it draws buffers, reads keys, and gives
/// the terminal back on every way out.
final class CursesTerminal {
    private let screen: OpaquePointer
    let hasColors: Bool

    private init(screen: OpaquePointer, hasColors: Bool) {
        self.screen = screen
        self.hasColors = hasColors
    }

    /// Takes over the terminal; nil (with the terminal untouched) when curses cannot use it.
    static func start() -> CursesTerminal? {
        setlocale(LC_ALL, "")
        DisplayWidth.ensureUTF8Locale()
        guard let output = fdopen(1, "w"), let input = fdopen(0, "r") else { return nil }
        guard let screen = newterm(nil, output, input) else { return nil }
        set_term(screen)
        cursesActive = true
        atexit { CursesTerminal.restoreAtExit() }
        raw()
        noecho()
        nonl()
        keypad(confidant_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        var colors = false
        if has_colors() {
            start_color()
            use_default_colors()
            colors = true
            for (index, role) in Style.Role.allCases.enumerated() where role != .plain {
                init_pair(Int16(index), Self.colour(for: role), -1)
            }
        }
        // A parent may have left these blocked (they are inherited); the desk must hear them.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            Glibc.signal(signal) { pendingSignal = $0 }
            sigaddset(&unblock, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        // A crash (a trap, a bad pointer, an abort) must not leave the counselor's terminal in raw mode with the case
        // on screen: restore it, then let the signal take its usual course (core dump, exit status).
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            Glibc.signal(signal) { caught in
                if cursesActive {
                    cursesActive = false
                    endwin()
                }
                Glibc.signal(caught, SIG_DFL)
                raise(caught)
            }
        }
        return CursesTerminal(screen: screen, hasColors: colors)
    }

    private static func colour(for role: Style.Role) -> Int16 {
        switch role {
        case .critical, .overdue, .error: Int16(COLOR_RED)
        case .high: Int16(COLOR_MAGENTA)
        case .medium: Int16(COLOR_YELLOW)
        case .low, .success: Int16(COLOR_GREEN)
        case .accent: Int16(COLOR_BLUE)
        case .plain: -1
        }
    }

    private static func restoreAtExit() {
        if cursesActive {
            cursesActive = false
            endwin()
        }
    }

    /// The signal that asked the desk to stop, if any (0 otherwise).
    static var signalReceived: Int32 { pendingSignal }

    var width: Int { Int(confidant_cols()) }
    var height: Int { Int(confidant_lines()) }

    private func attributes(_ style: Style) -> Int32 {
        var attrs = confidant_a_normal()
        if style.bold { attrs |= confidant_a_bold() }
        if style.reverse { attrs |= confidant_a_reverse() }
        if style.underline { attrs |= confidant_a_underline() }
        if hasColors, style.role != .plain, let index = Style.Role.allCases.firstIndex(of: style.role) {
            attrs |= confidant_color_pair(Int32(index))
        }
        return attrs
    }

    /// Draws a buffer: erase, draw each run of equal style, refresh (curses sends only what changed).
    func draw(_ buffer: ScreenBuffer, clearFirst: Bool = false) {
        let window = confidant_stdscr()
        if clearFirst { clearok(window, true) }
        werase(window)
        for row in 0..<min(buffer.height, height) {
            for run in buffer.runs(row: row) where run.col < width {
                _ = confidant_attrset(attributes(run.style))
                _ = confidant_mvaddstr(Int32(row), Int32(run.col), run.text)
            }
        }
        _ = confidant_attrset(confidant_a_normal())
        wrefresh(window)
    }

    /// Waits up to `milliseconds` for a key; nil on timeout.
    func readKey(timeout milliseconds: Int32) -> Key? {
        let window = confidant_stdscr()
        wtimeout(window, milliseconds)
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == ERR { return nil }
        if result == confidant_key_code_yes() { return Self.special(Int32(code)) }
        return Self.character(UInt32(code))
    }

    /// Throws away the keys typed but not yet read.
    func discardPendingInput() { flushinp() }

    static func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        case (KEY_F0 + 1)...(KEY_F0 + 12): .function(Int(code - KEY_F0))
        default: nil
        }
    }

    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// Gives the terminal back (idempotent).
    func end() {
        if cursesActive {
            cursesActive = false
            endwin()
        }
        delscreen(screen)
    }
}
