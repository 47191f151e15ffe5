import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Gets the passphrase: `$CONFIDANT_PASSPHRASE` when set, else a prompt on the terminal with echo off,
/// else a clear error.
enum Passphrase {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String {
            "No passphrase: set CONFIDANT_PASSPHRASE or run Confidant from a terminal so it can ask for one."
        }
    }

    static func obtain(prompt: String = "Passphrase: ", environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let value = environment["CONFIDANT_PASSPHRASE"] { return value }
        guard let value = readFromTerminal(prompt: prompt) else { throw Unavailable() }
        return value
    }

    /// Reads a line from `/dev/tty` with echo off; nil when there is no terminal.
    static func readFromTerminal(prompt: String) -> String? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard isatty(fd) == 1 else { return nil }
        var original = termios()
        guard tcgetattr(fd, &original) == 0 else { return nil }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        guard tcsetattr(fd, TCSAFLUSH, &silent) == 0 else { return nil }
        defer { _ = tcsetattr(fd, TCSAFLUSH, &original) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 {
            if byte == 10 || byte == 13 { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
