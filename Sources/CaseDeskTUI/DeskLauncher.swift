import CaseCore
import CaseStore
import Foundation

/// What the terminal UI needs to start.
public struct DeskLaunch: Sendable {
    public var desk: CaseDesk
    /// A line shown at the top of the queue (the demo says its passphrase here).
    public var banner: String?
    /// Checks a passphrase to unlock the idle lock screen.
    public var unlock: @Sendable (String) -> Bool

    public init(desk: CaseDesk, banner: String?, unlock: @escaping @Sendable (String) -> Bool) {
        self.desk = desk
        self.banner = banner
        self.unlock = unlock
    }
}

/// Entry point of the terminal UI.
public enum DeskLauncher {
    /// Why the UI cannot start here (not a terminal, TERM unset or unknown), or nil when it can.
    public static func terminalProblem() -> String? {
        "The terminal UI is not built yet."
    }

    /// Runs the UI until the counselor quits; returns the process exit status.
    public static func run(_ launch: DeskLaunch) -> Int32 {
        1
    }
}
