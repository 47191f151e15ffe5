import Foundation
import TestKit
import Testing

/// The prompts on a real terminal (tmux): a wrong passphrase asks again, a weak new one asks again, and Ctrl-C at a
/// prompt gives the terminal its echo back.
@Suite("Passphrase prompts on a terminal", .serialized)
struct TerminalPromptTests {
    struct Tmux {
        let session = "confidant-prompt-\(UUID().uuidString.prefix(8))"
        let cli: ConfidantSandbox
        var width = 250

        @discardableResult
        func tmux(_ arguments: [String]) throws -> String {
            try runProgram("/usr/bin/env", ["tmux"] + arguments, environment: ProcessInfo.processInfo.environment).stdout
        }

        func start() throws {
            let env = "HOME=\(cli.directory.path) CONFIDANT_DB=\(cli.database) CONFIDANT_DATA=\(TestFixtures.dataDirectory.path) CONFIDANT_NOW=\(cli.now ?? "") TERM=xterm"
            try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "30",
                      "env -i PATH=/usr/bin:/bin \(env) PS1='ready> ' bash --norc --noprofile"])
            // Keys typed before the shell has set up its line editor are flushed: wait for its prompt.
            _ = try waitFor("ready>")
        }

        func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }
        func press(_ key: String) throws { try tmux(["send-keys", "-t", session, key]) }
        func screen() throws -> String { try tmux(["capture-pane", "-t", session, "-p"]) }

        /// Waits up to `seconds` for `text` on the screen (capture-pane drops trailing spaces: leave them out).
        func waitFor(_ text: String, seconds: Double = 20) throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if try screen().contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }

        func stop() { _ = try? tmux(["kill-session", "-t", session]) }
    }

    func prepared() throws -> ConfidantSandbox {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        return cli
    }

    /// A shell in tmux where `confidant list` waits at the passphrase prompt.
    func listAtThePrompt(_ cli: ConfidantSandbox) throws -> Tmux {
        let term = Tmux(cli: cli)
        try term.start()
        try term.type("\(ConfidantSandbox.testClockBinary) list")
        try term.press("Enter")
        #expect(try term.waitFor("Passphrase for amani:"))
        return term
    }

    @Test("A wrong passphrase asks again; the right one then opens, and says a wrong one was given")
    func wrongPassphraseAsksAgain() throws {
        let term = try listAtThePrompt(try prepared())
        defer { term.stop() }
        try term.type("wrong horse battery")
        try term.press("Enter")
        #expect(try term.waitFor("The passphrase is not correct; try again."))
        try term.type("correct horse battery")
        try term.press("Enter")
        #expect(try term.waitFor("C-2026-0001"))
        #expect(try term.screen().contains("1 wrong passphrase was given since the last login"))
    }

    @Test("What is typed while a wrong passphrase is checked is never shown, and never taken as the next try")
    func typedDuringTheCheckIsDiscarded() throws {
        let cli = try prepared()
        // Two earlier failures: the next tries wait 1 s, then 2 s, before the key is even derived.
        for _ in 0..<2 { #expect(try cli.run(["list"], environment: ["CONFIDANT_PASSPHRASE": "wrong horse battery"]).status != 0) }
        let term = try listAtThePrompt(cli)
        defer { term.stop() }
        try term.type("wrong horse battery")
        try term.press("Enter")
        Thread.sleep(forTimeInterval: 0.3)
        try term.type("LEAKED-WHILE-WAITING")
        #expect(try term.waitFor("The passphrase is not correct; try again."))
        #expect(!(try term.screen()).contains("LEAKED"))
        try term.type("correct horse battery")
        try term.press("Enter")
        #expect(try term.waitFor("C-2026-0001"))
        let screen = try term.screen()
        #expect(!screen.contains("LEAKED"))
        #expect(screen.contains("3 wrong passphrases were given since the last login"))
    }

    @Test("Ctrl-C at the passphrase prompt gives the terminal its echo back")
    func ctrlCRestoresEcho() throws {
        let term = try listAtThePrompt(try prepared())
        defer { term.stop() }
        try term.press("C-c")
        try term.type("echo ECHO-STATE:$(stty -a | tr ' ' '\\n' | grep -x -e echo -e -echo)")
        try term.press("Enter")
        #expect(try term.waitFor("ECHO-STATE:echo"))
        #expect(!(try term.screen()).contains("ECHO-STATE:-echo"))
    }

    @Test("init asks again for a weak new passphrase, then for it twice")
    func weakNewPassphraseAsksAgain() throws {
        let cli = ConfidantSandbox()
        let term = Tmux(cli: cli)
        try term.start()
        defer { term.stop() }
        try term.type("\(ConfidantSandbox.testClockBinary) init --account amani --organisation 'Civil Connections'")
        try term.press("Enter")
        #expect(try term.waitFor("New passphrase for amani:"))
        try term.type("qwertyuiopasdf")
        try term.press("Enter")
        #expect(try term.waitFor("The passphrase is too weak: it runs along the keyboard or the alphabet."))
        try term.type("tea at four on the terrace")
        try term.press("Enter")
        #expect(try term.waitFor("Repeat the passphrase for amani:"))
        try term.type("tea at four on the terrace")
        try term.press("Enter")
        #expect(try term.waitFor("with the counselor account 'amani' for Civil Connections."))
    }
}
