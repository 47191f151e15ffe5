import Foundation
import TestKit
import Testing

/// Whether terminfo has an entry for a terminal type (checked with `infocmp`).
func terminfoHas(_ term: String) -> Bool {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/infocmp") else { return false }
    return (try? runProgram("/usr/bin/infocmp", [term], environment: ProcessInfo.processInfo.environment).status) == 0
}

/// The colour parameters (30–38, 40–48, 90–107) in the SGR escape sequences of a styled capture.
func colourParameters(_ styled: String) -> [Int] {
    var found: [Int] = []
    var rest = styled[...]
    while let start = rest.range(of: "\u{1B}[") {
        let tail = rest[start.upperBound...]
        guard let end = tail.firstIndex(where: { !"0123456789;:".contains($0) }) else { break }
        if tail[end] == "m" {
            let parameters = tail[..<end].split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
            found += parameters.filter { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) }
        }
        rest = tail[end...]
    }
    return found
}

/// Hostile terminals and the export key, in the same serialized suite as the other tmux tests: each test has
/// its own tmux server and database, and waits by polling the pane, never by fixed sleeps.
extension EndToEndTests {
    @Test func alertPanelOnStartOpensACase() throws {
        let desk = try TmuxDesk()
        defer { desk.close() }
        let panel = try desk.waitUntil { $0.contains("Deadline alerts:") && $0.contains("OVERDUE") }
        #expect(panel != nil, "the alert panel lists overdue deadlines on start")
        try desk.press("Enter")
        try desk.expect("Summary")
        try desk.press("Escape", "A")
        try desk.expect("Deadline alerts:")
        try desk.press("Escape")
        #expect(try desk.waitUntil { !$0.contains("Deadline alerts:") } != nil)
    }

    @Test func exportWithX() throws {
        // `~` in the prefilled path is this test's own home folder.
        let home = try Fixture.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let desk = try TmuxDesk(environment: ["HOME": home])
        defer { desk.close() }
        try desk.openQueue()
        try desk.press(":")
        try desk.type("open C-2026-0031")
        try desk.press("Enter")
        try desk.expect("Dusky Petrel")
        try desk.press("x")
        try desk.expect("Export C-2026-0031 as")
        try desk.press("Enter")
        try desk.expect("Export C-2026-0031 for")
        try desk.press("Enter")
        try desk.expect("~/C-2026-0031-counselor.md")
        try desk.press("Enter")
        try desk.expect("Exported to ~/C-2026-0031-counselor.md")
        let path = home + "/C-2026-0031-counselor.md"
        #expect(try permissions(path) == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("C-2026-0031"))
        #expect(text.contains("Dusky Petrel"))
    }

    @Test func resizeStormLeavesACorrectScreen() throws {
        let desk = try TmuxDesk(width: 100, height: 30)
        defer { desk.close() }
        try desk.openQueue()
        let sizes = [(60, 15), (200, 60), (80, 24), (137, 41), (61, 16), (199, 59), (90, 25), (60, 60), (200, 15)]
        for i in 0..<36 {
            let (w, h) = sizes[i % sizes.count]
            try desk.resize(w, h)
        }
        try desk.resize(80, 24)
        let settled = try desk.waitUntil {
            $0.contains(EndToEndTests.header80) && $0.contains(" Cases: ") && !$0.contains("Terminal too small")
        }
        let screen = try #require(settled, "no correct 80×24 queue after the storm")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { DisplayWidthProbe.columns(String($0)) <= 80 })
        #expect(lines.first?.hasPrefix(" Confidant — triage queue") == true)
        #expect(lines.contains { $0.hasPrefix(" Cases: ") && $0.contains("│ Enter open") })
        #expect(try desk.pid() != nil, "the desk is still running")
        try desk.press("?")
        try desk.expect("Confidant — keys")
        try desk.press("Escape", "q")
        #expect(desk.exitStatus() == 0)
    }

    @Test func oneByOneTerminal() throws {
        let desk = try TmuxDesk(width: 1, height: 1)
        defer { desk.close() }
        let started = try TmuxDesk.poll { try desk.alternateScreen() }
        #expect(started, "curses started")
        let size = try desk.tmux(["display-message", "-p", "-t", desk.session, "#{pane_width}x#{pane_height}"])
        #expect(size.trimmingCharacters(in: .whitespacesAndNewlines) == "1x1")
        // Nothing fits in one cell: the desk draws nothing rather than a fragment.
        let blank = try TmuxDesk.poll(timeout: 2) { try desk.capture().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let shown = try desk.capture()
        #expect(blank, "the 1×1 pane shows \(shown.debugDescription)")
        #expect(try desk.pid() != nil)
        try desk.press("q")
        #expect(desk.exitStatus() == 0, "q quits even at 1×1")
    }

    @Test func dumbTerminalIsRefused() throws {
        let desk = try TmuxDesk(environment: ["TERM": "dumb"])
        defer { desk.close() }
        #expect(desk.exitStatus() == 1)
        let screen = try desk.captureJoined()
        #expect(screen.contains("confidant: Confidant's case desk needs an interactive terminal (80×24 or larger); TERM is 'dumb', which cannot draw screens."))
        #expect(!FileManager.default.fileExists(atPath: desk.database), "nothing was created")
    }

    @Test(.enabled(if: terminfoHas("vt100"), "terminfo has no vt100 entry"))
    func terminalWithoutColoursStillShowsBands() throws {
        let desk = try TmuxDesk(width: 100, height: 50, environment: ["TERM": "vt100"])
        defer { desk.close() }
        try desk.openQueue()
        // Every band keeps its text marker (the queue is redrawn top to bottom: wait for all of them).
        let bands = try desk.waitUntil { screen in
            ["!!! Critical", "!!  High", "?   Unrated", "!   Medium", ".   Low"].allSatisfy { screen.contains($0) }
        }
        #expect(bands != nil, "a band marker is missing on the vt100 screen")
        #expect(colourParameters(try desk.captureStyled()).isEmpty, "no colour is sent to a terminal without colours")
        try desk.press("q")
        #expect(desk.exitStatus() == 0)
    }

    @Test func hangUpDuringIntakeSavesNoPartialCase() throws {
        let desk = try TmuxDesk()
        defer { desk.close() }
        try desk.openQueue()
        try desk.press("n")
        try desk.expect("New case — intake")
        try desk.press("Tab", "Tab")
        try desk.type("2026-11-20")
        try desk.press("Tab", "Tab")
        try desk.type("Hangup Heron")
        try desk.expect("Hangup Heron")
        let pid = try #require(try desk.pid())
        kill(pid, SIGHUP)
        #expect(desk.exitStatus() == 128 + SIGHUP)
        // The half-filled form is gone; the database holds the demo cases only, and is intact.
        let list = try desk.sandbox.run(["list", "--json"], shipped: true)
        #expect(list.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        let demo = try JSONSerialization.jsonObject(with: Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("demo-cases.json")))
        #expect(rows?.count == ((demo as? [String: Any])?["cases"] as? [Any])?.count)
        #expect(!list.stdout.contains("Hangup Heron"))
        #expect(try desk.sandbox.sqlite("PRAGMA integrity_check") == "ok\n")
    }
}
