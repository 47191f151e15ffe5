import CProcessHygiene
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the process does before any key is derived: it may not dump core (a core file would hold the data key and
/// unsealed cases), and other processes of the same user may not attach to it or read its memory.
enum ProcessHygiene {
    static func apply() {
        #if os(Linux)
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &none)
        _ = confidant_set_not_dumpable()
        #endif
    }

    /// Whether the process is marked not dumpable (for tests and `--version`-like diagnostics).
    static var isDumpable: Bool {
        #if os(Linux)
        return confidant_is_dumpable() != 0
        #else
        return true
        #endif
    }
}
