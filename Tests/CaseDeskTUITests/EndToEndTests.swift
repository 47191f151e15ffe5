import Foundation
import TestKit
import Testing

/// One tmux server (own socket, no user config) running `confidant demo` on its own database.
final class TmuxDesk {
    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { tmuxPath != nil }
    /// The desk runs as shipped (real clock, demo cases anchored on today).
    static let binary = ConfidantSandbox.shippedBinary

    let socket = "confidant-e2e-\(UUID().uuidString)"
    let session = "desk-\(UUID().uuidString.prefix(8))"
    /// The desk's folder and demo database (passphrase `demo`), for commands run beside the desk.
    let sandbox: ConfidantSandbox
    var directory: URL { sandbox.directory }
    var database: String { sandbox.database }
    var exitStatusFile: String { sandbox.path("exit-status") }

    /// Starts the desk in a detached session of the given size. The pane's shell prints EXIT=status afterwards
    /// and writes the status to ``exitStatusFile`` (a 1×1 pane cannot show it).
    init(width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        var sandbox = ConfidantSandbox(passphrase: "demo", now: nil)
        sandbox.database = sandbox.path("demo.db")
        self.sandbox = sandbox
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw E2EError("The confidant binary is missing at \(Self.binary); run `swift build` first.")
        }
        var env = ["LANG": "C.UTF-8", "CONFIDANT_DATA": TestFixtures.dataDirectory.path]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let command = "env \(assignments) \(Self.binary) demo --db \(database); s=$?; echo EXIT=$s; echo $s > \(exitStatusFile); sleep 30"
        try startServer(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command])
    }

    /// Starts the tmux server (through `runProgram`: a clean signal mask and default dispositions, so the test
    /// runner's blocked signals do not pass on to the desk).
    private func startServer(_ arguments: [String]) throws {
        let run = try runProgram(Self.tmuxPath!, ["-L", socket, "-f", "/dev/null"] + arguments,
                                 environment: ProcessInfo.processInfo.environment.merging(["LANG": "C.UTF-8"]) { $1 })
        guard run.status == 0 else { throw E2EError("tmux could not be started: \(run.stderr)") }
    }

    struct E2EError: Error, CustomStringConvertible {
        var description: String
        init(_ text: String) { description = text }
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        let run = try runProgram(Self.tmuxPath!, ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment)
        return run.stdout + run.stderr
    }

    /// Presses keys by tmux name (Enter, Escape, Down, C-s…) or characters.
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    /// Types text literally (any script).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

    func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    /// The pane with wrapped lines joined (long messages from a narrow pane).
    func captureJoined() throws -> String { try tmux(["capture-pane", "-p", "-J", "-t", session]) }

    /// The pane with its attributes and colours as escape sequences.
    func captureStyled() throws -> String { try tmux(["capture-pane", "-p", "-e", "-t", session]) }

    /// Whether the program in the pane has switched to the alternate screen (curses is drawing).
    func alternateScreen() throws -> Bool {
        try tmux(["display-message", "-p", "-t", session, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Polls (50 ms steps) until the condition holds; false on timeout.
    static func poll(timeout: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return false
    }

    /// The desk's exit status once it has ended, or nil when it is still running after `timeout`.
    func exitStatus(timeout: TimeInterval = 10) -> Int32? {
        var status: Int32?
        _ = Self.poll(timeout: timeout) {
            status = (try? String(contentsOfFile: exitStatusFile, encoding: .utf8))
                .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            return status != nil
        }
        return status
    }

    /// Waits for the queue and dismisses the deadline alert panel the desk shows on start (the demo always has
    /// overdue deadlines); returns the screen without it.
    @discardableResult
    func openQueue(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try expect("Deadline alerts:", sourceLocation: sourceLocation)
        try press("Escape")
        if let screen = try waitUntil({ !$0.contains("Deadline alerts:") && $0.contains("Confidant — triage queue") }) { return screen }
        let screen = try capture()
        Issue.record("The alert panel did not close. Screen:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    /// Polls the pane (50 ms steps) until the predicate holds; returns the last capture, or nil on timeout.
    @discardableResult
    func waitUntil(timeout: TimeInterval = 10, _ predicate: (String) -> Bool) throws -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try capture()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return nil
    }

    /// Waits for text on the screen; records an issue with the screen when it does not come.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        if let screen = try waitUntil(timeout: timeout, { $0.contains(text) }) { return screen }
        let screen = try capture()
        Issue.record("“\(text)” did not appear within \(timeout) s. Screen:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    func resize(_ width: Int, _ height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of this session's confidant (not the shell around it).
    func pid() throws -> Int32? {
        let run = try runProgram("/usr/bin/pgrep", ["-f", "^\(Self.binary) demo --db \(database)"], environment: [:])
        return run.stdout.split(separator: "\n").first.flatMap { Int32($0) }
    }

    func close() {
        _ = try? tmux(["kill-server"])
        sandbox.cleanUp()
    }
}

@Suite("End to end in tmux", .serialized, .enabled(if: TmuxDesk.available, "tmux is not installed: end-to-end tests skipped"))
struct EndToEndTests {
    /// The queue's column header at 80 columns.
    static let header80 = " ID          BAND      SCORE  CATEGORIES       STATUS    NEXT DEADLINE"

    @Test func openMoveAssess() throws {
        let desk = try TmuxDesk()
        defer { desk.close() }
        try desk.openQueue()
        try desk.expect("passphrase: demo")
        func selectedRow(_ screen: String) -> Substring? { screen.split(separator: "\n").first { $0.hasPrefix(">C-2026-") } }
        let first = try #require(selectedRow(try desk.expect(">C-2026-")))
        try desk.press("j")
        let screen = try #require(try desk.waitUntil { selectedRow($0).map { $0 != first } ?? false })
        let selected = try #require(selectedRow(screen))
        let id = String(selected.dropFirst().prefix(11))
        try desk.press("Enter")
        try desk.expect(" \(id) · ")
        try desk.expect("Summary")
        try desk.press("a")
        try desk.expect("Rate each factor")
        try desk.press("4", "4", "4", "4", "4")
        try desk.expect("Score 100/100 → !!! Critical")
        try desk.press("Enter")
        try desk.expect("\(id) · !!! Critical 100 ·")
        try desk.expect("Assessment saved: score 100, Critical.")
    }

    @Test func intakeThenSearch() throws {
        let desk = try TmuxDesk()
        defer { desk.close() }
        try desk.openQueue()
        try desk.press("n")
        try desk.expect("New case — intake")
        try desk.press("Right", "Tab", "Tab")                        // whistleblowing (anonymous); first incident
        try desk.type("2026-11-20")
        try desk.press("Tab", "Tab")
        try desk.type("Журавль 鹤")
        try desk.press("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab") // anonymous, relationship, wishes, letters, affected (3), name
        try desk.type("Ivan Orlov")
        try desk.press("Tab", "Tab", "Tab", "Tab")                  // role, power, second person, categories
        try desk.press("Enter")
        try desk.expect("[ ] Aggression and violence")
        try desk.press("Space", "Enter")
        try desk.expect("Aggression and violence")
        try desk.press("Tab", "Tab", "Tab", "Tab")                  // conduct, child, consent, narrative
        try desk.type("Threatened me in the car park. Угрожал. 🙁")
        try desk.press("C-s")
        try desk.expect("added. Follow-up code for the reporter")
        try desk.press("/")
        try desk.type("журавль")
        let screen = try desk.expect("“журавль” · 1 of")
        #expect(screen.contains("Aggression and violence"))
        try desk.press("Enter", "Enter")
        try desk.expect("Журавль 鹤 (anonymous)")
    }

    @Test func escalateWithReason() throws {
        let desk = try TmuxDesk()
        defer { desk.close() }
        try desk.openQueue()
        try desk.press(":")
        try desk.type("open C-2026-0031")
        try desk.press("Enter")
        try desk.expect("Dusky Petrel")
        try desk.press("e")
        try desk.expect("Escalate C-2026-0031 to")
        try desk.press("Down", "Enter")
        try desk.expect("State the duty to act")                    // wishes not recorded: a duty is needed
        try desk.type("Retaliation against a complainant")
        try desk.press("Enter")
        try desk.expect("Reason for escalating")
        try desk.type("Retaliation after the July complaint.")
        try desk.press("Enter")
        try desk.expect("C-2026-0031 escalated to Head of department under a duty to act.")
        try desk.expect("· Escalated ·")
        try desk.expect("Escalated to  Head of department")
    }

    @Test func resizeRedrawsAndTooSmall() throws {
        let desk = try TmuxDesk(width: 100, height: 30)
        defer { desk.close() }
        try desk.openQueue()
        try desk.resize(80, 24)
        // The header is drawn before the status bar: wait for the whole redraw, not its first rows.
        let redrawn = try desk.waitUntil { $0.contains(Self.header80) && $0.contains(" Cases: ") }
        let small = try #require(redrawn, "no 80×24 queue after the resize")
        let lines = small.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { DisplayWidthProbe.columns(String($0)) <= 80 })
        #expect(lines.contains { $0.hasPrefix(" Cases: ") })
        try desk.resize(120, 40)
        try desk.expect("REPORTER")
        try desk.resize(70, 20)
        try desk.expect("Terminal too small: need 80×24, have 70×20")
        try desk.resize(100, 30)
        let back = try desk.expect("Confidant — triage queue")
        #expect(!back.contains("Terminal too small"))
    }

    @Test("LANG=fr_FR.UTF-8 opens a French desk: the alerts, the queue, its keys and the demo's banner in French")
    func frenchFromTheEnvironment() throws {
        let desk = try TmuxDesk(environment: ["LANG": "fr_FR.UTF-8"])
        defer { desk.close() }
        try desk.expect("Échéances : ")
        try desk.press("Escape")
        let screen = try #require(try desk.waitUntil { !$0.contains("Échéances : ") && $0.contains("Confidant — file de triage · ouverts") })
        #expect(screen.contains("Base de DÉMO (dossiers fictifs) — phrase secrète : demo"))
        #expect(screen.contains(" N°          NIVEAU    SCORE  CATÉGORIES") && screen.contains("STATUT    PROCHAINE ÉCHÉANCE"))
        #expect(screen.contains("Entrée ouvrir  / chercher  n nouveau  q quitter  ? aide"))
        try desk.press("q")
        try desk.expect("EXIT=0")
    }

    @Test func startsTooSmall() throws {
        let desk = try TmuxDesk(width: 60, height: 15)
        defer { desk.close() }
        try desk.expect("Terminal too small: need 80×24, have 60×15")
        try desk.press("C-c")
        try desk.expect("EXIT=0")
    }

    @Test func quitRestoresTheTerminal() throws {
        let desk = try TmuxDesk()
        defer { desk.close() }
        try desk.openQueue()
        try desk.press("q")
        let screen = try desk.expect("EXIT=0")
        #expect(!screen.contains("triage queue"), "the shell's screen is back")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let desk = try TmuxDesk()
        defer { desk.close() }
        try desk.expect("Confidant — triage queue")
        let pid = try #require(try desk.pid(), "no confidant process found")
        kill(pid, SIGTERM)
        let screen = try desk.expect("EXIT=143")
        #expect(!screen.contains("triage queue"))
    }

    /// The crash path: a fatal signal restores the terminal before the process dies of it.
    @Test func crashRestoresTheTerminal() throws {
        let desk = try TmuxDesk()
        defer { desk.close() }
        try desk.expect("Confidant — triage queue")
        let pid = try #require(try desk.pid(), "no confidant process found")
        kill(pid, SIGSEGV)
        let screen = try desk.expect("EXIT=139")
        #expect(!screen.contains("triage queue"))
    }

    @Test func idleLockClearsTheScreen() throws {
        let desk = try TmuxDesk(environment: ["CONFIDANT_IDLE_LOCK_SECONDS": "2"])
        defer { desk.close() }
        try desk.expect("Confidant — triage queue")
        let locked = try desk.expect("Locked — enter passphrase")
        #expect(!locked.contains("C-2026"), "nothing of the cases stays on screen")
        #expect(!locked.contains("Cases:") && !locked.contains("overdue"))
        try desk.type("wrong")
        try desk.press("Enter")
        try desk.expect("Wrong passphrase")
        try desk.type("demo")
        try desk.press("Enter")
        try desk.expect("Confidant — triage queue", timeout: 3)
    }

    @Test("Keys typed at the lock while a wrong passphrase is checked are discarded, not taken as the next try")
    func lockDiscardsTypeAhead() throws {
        let desk = try TmuxDesk(environment: ["CONFIDANT_IDLE_LOCK_SECONDS": "2"])
        defer { desk.close() }
        try desk.expect("Confidant — triage queue")
        try desk.expect("Locked — enter passphrase")
        // The third wrong passphrase waits a second before it is checked (the growing delay).
        for _ in 0..<3 {
            try desk.type("wrong")
            try desk.press("Enter")
            Thread.sleep(forTimeInterval: 0.6)
        }
        try desk.type("xyz")
        Thread.sleep(forTimeInterval: 2)
        try desk.expect("Wrong passphrase")
        try desk.type("demo")
        try desk.press("Enter")
        try desk.expect("Confidant — triage queue", timeout: 8)
    }

    /// Two processes on one database: a case added from the command line while the desk is open shows up in the
    /// desk's queue without a restart (the idle loop reloads when the queue version changes).
    @Test func commandLineWhileTheDeskIsOpen() throws {
        let desk = try TmuxDesk()
        defer { desk.close() }
        try desk.expect("Confidant — triage queue")
        try desk.press("Escape")
        let input = try desk.sandbox.write("case.json", """
            {"channel":"complaint","incidentFirst":"2026-11-01","reporter":{"pseudonym":"Concurrent Kestrel","name":"Zed Example"},
             "relationship":"staff","reported":[{"name":"Someone Else","role":"Manager","power":"supervisor"}],
             "categories":["bullying"],"narrative":"Added from the command line while the desk was open."}
            """)
        let added = try desk.sandbox.run(["add", "--json", input], shipped: true)
        #expect(added.status == 0, "\(added.stderr)")
        // The desk picks the case up while idle (48 demo cases, now 49), then finds it by its pseudonym: not by
        // "kestrel", which the demo's Grey Kestrel and any random pseudonym given at seeding may match too.
        try desk.expect(" of 49")
        try desk.press("/")
        try desk.type("concurrent")
        try desk.expect("“concurrent” · 1 of 49")
        let listed = try desk.sandbox.run(["list", "--json"], shipped: true)
        #expect(listed.stdout.contains("Concurrent Kestrel"))
    }

    @Test func notATerminal() throws {
        let sandbox = ConfidantSandbox(passphrase: nil, now: nil)
        defer { sandbox.cleanUp() }
        let run = try sandbox.run(["demo", "--db", sandbox.path("demo.db")], environment: ["TERM": "xterm"], shipped: true)
        #expect(run.status == 1)
        #expect(run.stderr == "confidant: Confidant's case desk needs an interactive terminal (80×24 or larger); stdin is not a terminal. Use the subcommands (list, show, …) in scripts.\n")
        #expect(run.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.directory.path) == [], "nothing was created")
    }
}

/// Column counting for captures (the pane is UTF-8 text).
enum DisplayWidthProbe {
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && ($1.value < 0x2000 || $1.value >= 0x2E80)) ? 2 : 1) }
    }
}
